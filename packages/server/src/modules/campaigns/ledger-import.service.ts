import { randomBytes } from 'node:crypto';
import {
  enterpriseNameKey,
  type ImportResult,
  type ImportRowError,
  type LedgerGoodRow,
  labelCodeOf,
  type ParsedLedgerSheet,
  scopeCoversRegion,
} from '@anzhi/core';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { offThread } from '../../lib/off-thread.ts';
import type { AuditEntry, AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regionResolver } from '../enterprises/enterprise-import.resolve.ts';
import { regionRepo } from '../regions/region.repo.ts';
import type { readLedgerImport } from './ledger-import.reader.ts';
import { type LedgerObjectRow, ledgerObjectRepo } from './ledger-object.repo.ts';
import type { Place } from './ledger-object.service.ts';
import type { ObjectTypeRow } from './ledger-type.repo.ts';
import type { LedgerTypeService } from './ledger-type.service.ts';

// ExcelJS builds the whole workbook in memory: off the event loop, in the parse pool.
const readImport = offThread<typeof readLedgerImport>(new URL('./ledger-import.reader.ts', import.meta.url), 'readLedgerImport');

interface Planned {
  row: number;
  name: string;
  place: Place;
  address: string | null;
  data: Record<string, unknown>;
  existing?: LedgerObjectRow;
  changed: boolean;
}

type Resolve = (text: string | null) => { value: Place } | { error: string };

const placeKey = (p: Place, nameKey: string) => `${p.enterpriseId ?? ''}|${p.regionCode}|${nameKey}`;

/** The place column read as the form's place: an enterprise in scope by name, or a village in scope by name or code. */
async function placeResolver(ex: Executor, actor: Actor, type: ObjectTypeRow): Promise<Resolve> {
  if (type.anchor === 'enterprise') {
    const rows = await ex
      .select({ id: enterprises.id, name: enterprises.name, regionCode: enterprises.regionCode })
      .from(enterprises)
      .where(scopeOn.enterprises(actor.scope));
    const byKey = new Map<string, Array<{ id: number; regionCode: string }>>();
    for (const e of rows) byKey.set(enterpriseNameKey(e.name), [...(byKey.get(enterpriseNameKey(e.name)) ?? []), e]);
    const own = actor.scope.kind === 'enterprise' && rows.length === 1 ? rows[0] : undefined;
    return (text) => {
      if (!text) return own ? { value: { regionCode: own.regionCode, enterpriseId: own.id } } : { error: '必填' };
      const found = byKey.get(enterpriseNameKey(text)) ?? [];
      if (found.length === 1) {
        const e = found[0] as { id: number; regionCode: string };
        return { value: { regionCode: e.regionCode, enterpriseId: e.id } };
      }
      if (found.length > 1) return { error: `“${text}”有 ${found.length} 家同名企业，请在系统中逐个登记` };
      return { error: `未找到企业“${text}”（或不在您的管理范围内）` };
    };
  }
  if (actor.scope.kind === 'enterprise') {
    const enterpriseId = actor.scope.enterpriseId;
    const [e] = await ex.select({ regionCode: enterprises.regionCode }).from(enterprises).where(eq(enterprises.id, enterpriseId));
    const region = e && (await regionRepo.findByCode(ex, e.regionCode));
    const resolve = region ? regionResolver([region], [region]) : () => ({ error: '未找到' });
    return (text) => {
      if (!region) return { error: '您的企业未登记所在村（社区）' };
      if (!text) return { value: { regionCode: region.code, enterpriseId } };
      const r = resolve(text);
      return 'error' in r
        ? { error: `${r.error}（企业账号只能登记本企业所在村的对象）` }
        : { value: { regionCode: r.value, enterpriseId } };
    };
  }
  const visible = await regionRepo.list(ex, actor.scope);
  const villages = visible.filter((r) => r.level === 'village' && !r.abolished && scopeCoversRegion(actor.scope, r.code));
  const resolve = regionResolver(villages, visible);
  return (text) => {
    if (!text) return { error: '必填' };
    const r = resolve(text);
    return 'error' in r ? r : { value: { regionCode: r.value, enterpriseId: null } };
  };
}

const stable = (data: Record<string, unknown>) =>
  JSON.stringify(
    Object.keys(data)
      .filter((k) => data[k] !== null && data[k] !== undefined)
      .sort()
      .map((k) => [k, data[k]]),
  );

async function plan(ex: Executor, actor: Actor, type: ObjectTypeRow, sheet: ParsedLedgerSheet, errs: ImportRowError[]): Promise<Planned[]> {
  const resolve = await placeResolver(ex, actor, type);
  const existing = new Map((await ledgerObjectRepo.ofType(ex, type.id)).map((o) => [placeKey(o, o.nameKey), o]));
  const fieldKeys = sheet.mapping.columns.flatMap((m) => (m.column.role === 'field' && m.column.field ? [m.column.field.key] : []));
  const hasAddress = sheet.mapping.columns.some((m) => m.column.role === 'address');
  const { headers } = sheet;
  const claimed = new Map<number, number>();
  const planned: Planned[] = [];
  for (const r of sheet.rows as LedgerGoodRow[]) {
    const place = resolve(r.place);
    if ('error' in place) {
      errs.push({ row: r.row, column: headers.place, message: `${headers.place}：${place.error}` });
      continue;
    }
    const found = existing.get(placeKey(place.value, enterpriseNameKey(r.name)));
    const fail = (message: string) => errs.push({ row: r.row, column: headers.name, message: `${headers.name}：${message}` });
    if (found && found.status === 'removed') {
      fail('同名对象已注销，不能通过导入修改');
      continue;
    }
    const other = found ? claimed.get(found.id) : undefined;
    if (found && other !== undefined) {
      fail(`与第 ${other} 行对应同一个已登记对象`);
      continue;
    }
    if (found) claimed.set(found.id, r.row);
    // Only the file's own columns change an object: a field the sheet has no column for keeps its value.
    const data = found ? { ...Object.fromEntries(Object.entries(found.data).filter(([k]) => !fieldKeys.includes(k))), ...r.data } : r.data;
    const address = hasAddress ? r.address : (found?.address ?? null);
    const changed = !found || found.name !== r.name || found.address !== address || stable(found.data) !== stable(data);
    planned.push({ row: r.row, name: r.name, place: place.value, address, data, existing: found, changed });
  }
  return planned;
}

const audited = (r: LedgerObjectRow) => ({
  typeId: r.typeId,
  name: r.name,
  regionCode: r.regionCode,
  enterpriseId: r.enterpriseId,
  address: r.address,
  data: r.data,
});

async function write(ex: Executor, actor: Actor, type: ObjectTypeRow, planned: Planned[], now: Date): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (const p of planned) {
    if (!p.changed) continue;
    if (!p.existing) {
      const row = await ledgerObjectRepo.insert(ex, {
        typeId: type.id,
        labelCode: labelCodeOf(randomBytes(10)),
        name: p.name,
        nameKey: enterpriseNameKey(p.name),
        ...p.place,
        address: p.address,
        data: p.data,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      entries.push({ entityType: 'ledger_object', entityId: row.id, action: 'create', after: audited(row) });
      continue;
    }
    const row = await ledgerObjectRepo.update(ex, p.existing.id, p.existing.version, {
      name: p.name,
      address: p.address,
      data: p.data,
      updatedAt: now,
    });
    if (!row) throw errors.conflict('ledger.object_stale', `第 ${p.row} 行的对象在导入期间被他人修改，请重新导入`);
    entries.push({ entityType: 'ledger_object', entityId: row.id, action: 'update', before: audited(p.existing), after: audited(row) });
  }
  return entries;
}

/**
 * A 专项台账 from Excel: every row is checked (the type's schema, the place in the caller's scope, repeats); then all
 * rows are written in one transaction, or — when any row has an error — none. Objects are matched by name and
 * enterprise or village, so importing the same file again creates nothing.
 */
export function createLedgerImportService(deps: { db: Db; clock: Clock; audit: AuditService; types: LedgerTypeService }) {
  const { db, clock, audit, types } = deps;
  return {
    async importSheet(actor: Actor, typeId: number, buffer: Buffer, opts: { dryRun: boolean; fileName?: string }): Promise<ImportResult> {
      const type = await types.load(db, typeId);
      if (type.archivedAt) throw errors.badRequest('ledger.type_archived', '该台账类型已停用，不能导入');
      const { sheetName, sheet } = await readImport(buffer, { name: type.name, anchor: type.anchor, fields: type.fields });
      if (sheet.dataRows === 0) {
        throw errors.badRequest('ledger.import_empty', `工作表“${sheetName}”的表头（第 ${sheet.headerRow} 行）下面没有数据`);
      }
      const errs: ImportRowError[] = [...sheet.errors];
      const summary = (planned: Planned[], written: boolean): ImportResult => {
        const created = planned.filter((p) => !p.existing).length;
        const updated = planned.filter((p) => p.existing && p.changed).length;
        const none = !opts.dryRun && !written;
        return {
          dryRun: opts.dryRun,
          created: none ? 0 : created,
          updated: none ? 0 : updated,
          unchanged: none ? 0 : planned.length - created - updated,
          errors: errs.sort((a, b) => a.row - b.row),
          ignoredColumns: sheet.mapping.ignoredColumns,
        };
      };
      if (opts.dryRun) return summary(await plan(db, actor, type, sheet, errs), false);
      return auditedTransaction(db, async (tx) => {
        const planned = await plan(tx, actor, type, sheet, errs);
        // All rows or none: a file with a bad row is sent back whole, to be fixed and imported again.
        if (errs.length) return summary(planned, false);
        const entries = await write(tx, actor, type, planned, clock.now());
        const result = summary(planned, true);
        entries.push({
          entityType: 'ledger_object',
          entityId: null,
          action: 'import',
          after: { typeId, fileName: opts.fileName ?? null, sheetName, created: result.created, updated: result.updated },
        });
        await audit.recordMany(tx, auditActorOf(actor), entries);
        return result;
      });
    },
  };
}

export type LedgerImportService = ReturnType<typeof createLedgerImportService>;
