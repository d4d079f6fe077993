import crypto from 'node:crypto';
import {
  deriveSupervisingUnit,
  type EnterpriseInput,
  enterpriseNameKey,
  type MappableUnit,
  regionPrefix,
  scopeCoversRegion,
} from '@anzhi/core';
import { pinyin } from 'pinyin-pro';
import type { Executor } from '../../db/client.ts';
import { systemScope } from '../../db/data-scope.ts';
import type { Actor } from '../../lib/actor.ts';
import { errors } from '../../lib/errors.ts';
import { ancestorCodes } from '../../lib/scope-sql.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { type UnitRow, unitRepo } from '../units/unit.repo.ts';
import type { enterprises } from './enterprise.table.ts';

type Values = Partial<typeof enterprises.$inferInsert>;

export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/\s/g, '')
    .toLowerCase();
}

export function newPublicCode(): string {
  return crypto.randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10);
}

const mappable = (u: UnitRow): MappableUnit & UnitRow => ({ ...u, regionDepth: regionPrefix(u.regionCode).length });

/** Units that could supervise an enterprise in this region: those of its township and of the regions above. */
async function candidateUnits(ex: Executor, regionCode: string) {
  const codes = [regionCode, ...ancestorCodes([regionCode])];
  const rows = await unitRepo.inRegions(ex, codes);
  return rows.map(mappable);
}

/** What the checks and the 三管三必须 derivation need to know about regions and units. */
export interface ValueLookups {
  regionExists(code: string): boolean | Promise<boolean>;
  unit(id: number): UnitRow | undefined | Promise<UnitRow | undefined>;
  candidateUnits(regionCode: string): MappableUnit[] | Promise<MappableUnit[]>;
}

const databaseLookups = (ex: Executor): ValueLookups => ({
  regionExists: async (code) => (await regionRepo.findByCode(ex, code)) !== undefined,
  unit: (id) => unitRepo.findById(ex, id, systemScope),
  candidateUnits: (regionCode) => candidateUnits(ex, regionCode),
});

export interface PreloadedLookups extends ValueLookups {
  regionExists(code: string): boolean;
  unit(id: number): UnitRow | undefined;
  candidateUnits(regionCode: string): MappableUnit[];
}

/** Lookups over regions and units loaded once, for a batch of thousands of rows (the import). */
export function preloadedLookups(regionCodes: Iterable<string>, units: readonly UnitRow[]): PreloadedLookups {
  const known = new Set(regionCodes);
  const byId = new Map(units.map((u) => [u.id, u]));
  const byRegion = new Map<string, UnitRow[]>();
  for (const u of units) byRegion.set(u.regionCode, [...(byRegion.get(u.regionCode) ?? []), u]);
  const cache = new Map<string, MappableUnit[]>();
  return {
    regionExists: (code) => known.has(code),
    unit: (id) => byId.get(id),
    candidateUnits(regionCode) {
      let list = cache.get(regionCode);
      if (!list) {
        list = [regionCode, ...ancestorCodes([regionCode])].flatMap((c) => byRegion.get(c) ?? []).map(mappable);
        cache.set(regionCode, list);
      }
      return list;
    },
  };
}

export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The checks and derived columns of an enterprise write, shared by the form and the import: the region must exist
 * and lie in the actor's scope, the supervising unit comes from 三管三必须 unless set by hand.
 */
export async function resolveEnterpriseValues(
  ex: Executor,
  actor: Actor,
  input: Partial<EnterpriseInput>,
  current?: typeof enterprises.$inferSelect,
): Promise<Values> {
  return resolveEnterpriseValuesWith(databaseLookups(ex), actor, input, current);
}

/** The same checks and derivation with lookups of the caller's choice (see `preloadedLookups`). */
export async function resolveEnterpriseValuesWith(
  lookups: ValueLookups,
  actor: Actor,
  input: Partial<EnterpriseInput>,
  current?: typeof enterprises.$inferSelect,
): Promise<Values> {
  const values: Values = { ...(input as Values) };
  delete (values as Record<string, unknown>).version;
  const regionCode = input.regionCode ?? current?.regionCode;
  if (input.regionCode !== undefined) {
    if (!(await lookups.regionExists(input.regionCode)))
      throw new FieldError('regionCode', `所属区划：区划代码 ${input.regionCode} 不存在`);
    if (!scopeCoversRegion(actor.scope, input.regionCode)) {
      throw new FieldError('regionCode', `所属区划：${input.regionCode} 不在您的管理范围内`);
    }
  }
  if (input.name !== undefined) {
    values.nameKey = enterpriseNameKey(input.name);
    values.nameInitials = nameInitials(input.name);
  }
  if (input.riskLevel !== undefined && input.riskLevel !== (current?.riskLevel ?? null)) {
    if (!actor.permissions.includes('enterprise.grade')) throw errors.forbidden('您无权评定风险等级', 'enterprise.grade_forbidden');
    values.riskLevelSetBy = actor.userId;
    values.riskLevelSetAt = new Date();
  }
  // 三管三必须: a unit set by hand is kept; otherwise derive from the domains.
  if (input.supervisingUnitId !== undefined && input.supervisingUnitId !== null) {
    const unit = await lookups.unit(input.supervisingUnitId);
    if (!unit || unit.disabled) throw new FieldError('supervisingUnitId', `监管单位：编号 ${input.supervisingUnitId} 的单位不存在或已停用`);
    values.supervisingUnitOverridden = true;
  } else if (input.supervisingUnitId === null || !(current?.supervisingUnitOverridden ?? false)) {
    const domains = input.domains ?? current?.domains ?? [];
    values.supervisingUnitId = regionCode ? deriveSupervisingUnit(domains, await lookups.candidateUnits(regionCode)) : null;
    values.supervisingUnitOverridden = false;
  }
  return values;
}
