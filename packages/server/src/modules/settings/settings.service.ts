import {
  can,
  parseSettingValue,
  resolveFragment,
  type SettingsFragmentView,
  type SettingsKey,
  type SettingsView,
  settingFieldsOf,
  settingsFragmentOf,
  settingsKeys,
} from '@anzhi/core';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { type SettingsRow, type SettingsRowWithUser, settingsRepo } from './settings.repo.ts';

const jsonSchemas = new Map<SettingsKey, Record<string, unknown>>();
function jsonSchemaOf(key: SettingsKey): Record<string, unknown> {
  let schema = jsonSchemas.get(key);
  if (!schema) {
    schema = z.toJSONSchema(settingsFragmentOf(key).schema, { unrepresentable: 'any' }) as Record<string, unknown>;
    jsonSchemas.set(key, schema);
  }
  return schema;
}

function viewOf(key: SettingsKey, row: SettingsRowWithUser | SettingsRow | undefined, updatedBy?: string | null): SettingsFragmentView {
  const f = settingsFragmentOf(key);
  return {
    key,
    module: f.module,
    label: f.label,
    description: f.description,
    fields: settingFieldsOf(f),
    schema: jsonSchemaOf(key),
    default: f.defaults,
    value: resolveFragment(f, row?.value),
    overridden: row?.value != null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: updatedBy ?? (row && 'updatedByName' in row ? row.updatedByName : null),
  };
}

const staleVersion = () => errors.conflict('settings.version_conflict', '该设置已被他人修改，请刷新后再保存');

export function createSettingsService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  /** The township asked for (or the caller's first), inside the caller's scope. */
  async function townshipFor(actor: Actor, regionCode: string | undefined) {
    if (regionCode) {
      const t = await settingsRepo.township(db, regionCode, actor.scope);
      if (!t) throw errors.notFound(`乡镇（街道）${regionCode}`, 'settings.region_not_found');
      return t;
    }
    const [first] = await settingsRepo.townships(db, actor.scope);
    if (!first) throw errors.notFound('可设置的乡镇（街道）', 'settings.region_not_found');
    return first;
  }

  function entityIdOf(regionCode: string, key: SettingsKey) {
    return `${regionCode}/${key}`;
  }

  return {
    async view(actor: Actor, regionCode?: string): Promise<SettingsView> {
      const township = await townshipFor(actor, regionCode);
      const [rows, townships] = await Promise.all([
        settingsRepo.listForRegion(db, township.code, actor.scope),
        settingsRepo.townships(db, actor.scope),
      ]);
      return {
        regionCode: township.code,
        regionName: township.name,
        canWrite: can(actor.roles, 'settings.write'),
        townships,
        fragments: settingsKeys.map((key) =>
          viewOf(
            key,
            rows.find((r) => r.key === key),
          ),
        ),
      };
    },

    /** Saves a township's value of one fragment: validated by core's schema, version-checked, audited. */
    async put(actor: Actor, key: SettingsKey, regionCode: string | undefined, body: { version: number; value: unknown }) {
      const parsed = parseSettingValue(settingsFragmentOf(key), body.value);
      if (!parsed.ok) {
        throw errors.badRequest('settings.invalid', parsed.issues.map((i) => i.message).join('；'), parsed.issues);
      }
      const township = await townshipFor(actor, regionCode);
      return auditedTransaction(db, async (tx) => {
        const before = await settingsRepo.findForUpdate(tx, township.code, key);
        if ((before?.version ?? 0) !== body.version) throw staleVersion();
        const at = clock.now();
        const row = before
          ? await settingsRepo.update(tx, before.id, before.version, { value: parsed.value, updatedBy: actor.userId, updatedAt: at })
          : await settingsRepo.insert(tx, { regionCode: township.code, key, value: parsed.value, updatedBy: actor.userId, updatedAt: at });
        if (!row) throw staleVersion();
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'settings',
          entityId: entityIdOf(township.code, key),
          action: 'update',
          before: { value: resolveFragment(settingsFragmentOf(key), before?.value), overridden: before?.value != null },
          after: { value: parsed.value, overridden: true },
        });
        return viewOf(key, row, actor.displayName);
      });
    },

    /** Back to the default (the row stays with value null, so versions keep counting). */
    async reset(actor: Actor, key: SettingsKey, regionCode: string | undefined, version: number) {
      const township = await townshipFor(actor, regionCode);
      return auditedTransaction(db, async (tx) => {
        const before = await settingsRepo.findForUpdate(tx, township.code, key);
        if ((before?.version ?? 0) !== version) throw staleVersion();
        if (!before || before.value == null) return viewOf(key, before);
        const row = await settingsRepo.update(tx, before.id, before.version, {
          value: null,
          updatedBy: actor.userId,
          updatedAt: clock.now(),
        });
        if (!row) throw staleVersion();
        const fragment = settingsFragmentOf(key);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'settings',
          entityId: entityIdOf(township.code, key),
          action: 'reset',
          before: { value: resolveFragment(fragment, before.value), overridden: true },
          after: { value: fragment.defaults, overridden: false },
        });
        return viewOf(key, row, actor.displayName);
      });
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
