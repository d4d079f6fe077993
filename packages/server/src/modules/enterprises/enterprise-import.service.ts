import {
  deriveSupervisingUnit,
  type EnterpriseInput,
  enterpriseColumns,
  enterpriseMatchKey,
  enterpriseNameKey,
  type GoodRow,
  type ImportResult,
  type ImportRowError,
  normaliseText,
  type ParsedSheet,
  scopeCoversRegion,
} from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { pipelined } from '../../lib/bulk-insert.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { offThread } from '../../lib/off-thread.ts';
import { ancestorCodes } from '../../lib/scope-sql.ts';
import type { AuditEntry, AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { type UnitRow, unitRepo } from '../units/unit.repo.ts';
import { auditedEnterprise } from './enterprise.presenter.ts';
import { type EnterpriseRow, enterpriseRepo } from './enterprise.repo.ts';
import type { enterprises } from './enterprise.table.ts';
import { FieldError, newPublicCode, type PreloadedLookups, preloadedLookups, resolveEnterpriseValuesWith } from './enterprise.values.ts';
import type { readEnterpriseImport } from './enterprise-import.reader.ts';
import { linkLandlords, regionResolver, unitByName } from './enterprise-import.resolve.ts';
import { enterpriseIoRepo } from './enterprise-io.repo.ts';

type Values = Partial<typeof enterprises.$inferInsert>;

/** A row that passed every check, with what will be written. */
interface Planned {
  row: number;
  name: string;
  values: Values;
  landlordName?: string | null;
  existing?: EnterpriseRow;
  /** A landlord created by this same import: known only after the insert. */
  landlordRow?: number;
  changed: boolean;
}

interface Context {
  lookups: PreloadedLookups;
  units: UnitRow[];
  region: (text: string) => { value: string } | { error: string };
}

const canonicalHeader = (field: string) => enterpriseColumns.find((c) => c.field === field)?.header ?? field;

async function loadContext(ex: Executor, actor: Actor): Promise<Context> {
  const visible = await regionRepo.list(ex, actor.scope);
  const inScope = visible.filter((r) => !r.abolished && scopeCoversRegion(actor.scope, r.code));
  const units = await unitRepo.inRegions(ex, [...new Set([...visible.map((r) => r.code), ...ancestorCodes(visible.map((r) => r.code))])]);
  return {
    lookups: preloadedLookups(
      inScope.map((r) => r.code),
      units,
    ),
    units,
    region: regionResolver(inScope, visible),
  };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  if (typeof a === 'string' || typeof b === 'string') return normaliseText(a) === normaliseText(b);
  return (a ?? null) === (b ?? null);
}

/** Existing enterprises the rows name: by credit code, else by name + address among those without one. */
async function findExisting(ex: Executor, rows: GoodRow[]) {
  const codes = [...new Set(rows.map((r) => r.input.creditCode).filter((c): c is string => !!c))];
  const keys = [...new Set(rows.map((r) => enterpriseNameKey(r.input.name ?? '')))];
  // In slices: on the embedded database each query holds the event loop while it runs.
  const sliced = async <T>(list: string[], query: (part: string[]) => Promise<T[]>): Promise<T[]> => {
    const out: T[] = [];
    for (let i = 0; i < list.length || i === 0; i += 1000) out.push(...(await query(list.slice(i, i + 1000))));
    return out;
  };
  const byCode = new Map((await sliced(codes, (part) => enterpriseIoRepo.byCreditCodes(ex, part))).map((e) => [e.creditCode as string, e]));
  const byNameAddress = new Map<string, EnterpriseRow>();
  const unnumbered = await sliced(keys, (part) => enterpriseIoRepo.withoutCreditCodeByNameKeys(ex, part));
  for (const e of unnumbered.sort((a, b) => a.id - b.id)) {
    const key = enterpriseMatchKey({ name: e.name, address: e.address });
    if (!byNameAddress.has(key)) byNameAddress.set(key, e);
  }
  return (input: Partial<EnterpriseInput>) =>
    (input.creditCode ? byCode.get(input.creditCode) : undefined) ??
    byNameAddress.get(enterpriseMatchKey({ name: input.name, address: input.address }));
}

/** Resolves names, checks scope and computes the values of one row as the form would; throws a row error message. */
async function planRow(ctx: Context, actor: Actor, sheet: ParsedSheet, r: GoodRow, existing?: EnterpriseRow): Promise<Planned> {
  const header = (field: string) => sheet.mapping.columns.find((m) => m.column.field === field)?.header ?? canonicalHeader(field);
  const fail = (field: string, message: string) => new RowError(header(field), `${header(field)}：${message}`);
  if (existing && !scopeCoversRegion(actor.scope, existing.regionCode)) {
    const byCode = !!r.input.creditCode && existing.creditCode === r.input.creditCode;
    throw fail(byCode ? 'creditCode' : 'name', '该企业已登记在您管理范围以外的区划，不能在此导入');
  }
  const input: Partial<EnterpriseInput> = { ...r.input };
  if (r.regionName) {
    const region = ctx.region(r.regionName);
    if ('error' in region) throw fail('region', region.error);
    input.regionCode = region.value;
  } else if (!existing) throw fail('region', '必填（新登记的企业须填写所属村或社区）');
  const regionCode = (input.regionCode ?? existing?.regionCode) as string;
  if (r.supervisingUnitName !== undefined) input.supervisingUnitId = supervisingUnit(ctx, r, regionCode, existing, fail);
  try {
    const values = await resolveEnterpriseValuesWith(ctx.lookups, actor, input, existing);
    return { row: r.row, name: input.name as string, values, existing, landlordName: r.landlordName, changed: false };
  } catch (e) {
    if (e instanceof FieldError) throw fail(e.field === 'regionCode' ? 'region' : 'supervisingUnit', e.message.replace(/^[^：]+：/, ''));
    if (e instanceof AppError && e.status === 403) throw fail('riskLevel', e.message);
    throw e;
  }
}

/** 监管单位 by name: the derived unit stays derived (三管三必须), another named unit overrides it. */
function supervisingUnit(
  ctx: Context,
  r: GoodRow,
  regionCode: string,
  existing: EnterpriseRow | undefined,
  fail: (field: string, message: string) => RowError,
): number | null {
  if (!r.supervisingUnitName) return null;
  const codes = new Set([regionCode, ...ancestorCodes([regionCode])]);
  const found = unitByName(
    ctx.units.filter((u) => codes.has(u.regionCode)),
    r.supervisingUnitName,
  );
  if ('error' in found) throw fail('supervisingUnit', found.error);
  if (existing?.supervisingUnitOverridden && existing.supervisingUnitId === found.value) return found.value;
  const domains = r.input.domains ?? existing?.domains ?? [];
  const derived = deriveSupervisingUnit(domains, ctx.lookups.candidateUnits(regionCode));
  return derived === found.value ? null : found.value;
}

class RowError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** Bookkeeping the comparison leaves out: a re-import of the same file must find nothing changed. */
const derivedOnly = new Set(['nameKey', 'nameInitials', 'riskLevelSetBy', 'riskLevelSetAt']);

function hasChanges(p: Planned): boolean {
  if (!p.existing) return true;
  if (p.landlordRow !== undefined) return true;
  const current = p.existing as Record<string, unknown>;
  return Object.entries(p.values).some(([k, v]) => !derivedOnly.has(k) && !same(current[k], v));
}

/** 出租方 (厂中厂) by name: an enterprise of the same file or one already registered in the scope. */
async function resolveLandlords(ex: Executor, actor: Actor, sheet: ParsedSheet, planned: Planned[], errors: ImportRowError[]) {
  const header = sheet.mapping.columns.find((m) => m.column.field === 'landlord')?.header;
  if (!header) return planned;
  const wanted = [...new Set(planned.flatMap((p) => (p.landlordName ? [enterpriseNameKey(p.landlordName)] : [])))];
  const inDb = new Map<string, number[]>();
  for (const e of await enterpriseIoRepo.idsByNameKeys(ex, wanted, actor.scope))
    inDb.set(e.nameKey, [...(inDb.get(e.nameKey) ?? []), e.id]);
  return linkLandlords(planned, inDb, header, errors);
}

async function planAll(ex: Executor, actor: Actor, sheet: ParsedSheet, errors: ImportRowError[]): Promise<Planned[]> {
  const ctx = await loadContext(ex, actor);
  const match = await findExisting(ex, sheet.rows);
  const nameHeader = sheet.mapping.columns.find((m) => m.column.field === 'name')?.header ?? canonicalHeader('name');
  const claimed = new Map<number, number>();
  const planned: Planned[] = [];
  for (const [i, r] of sheet.rows.entries()) {
    // Tens of thousands of rows take a second or two: let other requests in between every few hundred.
    if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
    const existing = match(r.input);
    try {
      const other = existing ? claimed.get(existing.id) : undefined;
      if (other !== undefined) throw new RowError(nameHeader, `${nameHeader}：与第 ${other} 行对应同一家已登记企业`);
      planned.push(await planRow(ctx, actor, sheet, r, existing));
      if (existing) claimed.set(existing.id, r.row);
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      errors.push({ row: r.row, column: e.column, message: e.message });
    }
  }

  const kept = await resolveLandlords(ex, actor, sheet, planned, errors);
  for (const p of kept) p.changed = hasChanges(p);
  return kept;
}

async function write(ex: Executor, planned: Planned[], now: Date): Promise<AuditEntry[]> {
  const idOfRow = new Map<number, number>();
  const createdRows: Array<[Planned, EnterpriseRow]> = [];
  const fresh = planned.filter((p) => !p.existing);
  const values = fresh.map((p) => ({
    ...p.values,
    name: p.name,
    nameKey: p.values.nameKey as string,
    regionCode: p.values.regionCode as string,
    publicCode: newPublicCode(),
    createdAt: now,
    updatedAt: now,
  }));
  const byCode = new Map<string, EnterpriseRow>();
  for (const rows of await pipelined(values, 500, enterpriseIoRepo.rowsToInsert, (rows) => enterpriseIoRepo.insertRows(ex, rows))) {
    for (const row of rows) byCode.set(row.publicCode, row);
  }
  values.forEach((v, j) => {
    const p = fresh[j] as Planned;
    const row = byCode.get(v.publicCode) as EnterpriseRow;
    idOfRow.set(p.row, row.id);
    createdRows.push([p, row]);
  });
  for (const p of planned) if (p.existing) idOfRow.set(p.row, p.existing.id);
  const entries: AuditEntry[] = [];
  for (const [p, row] of createdRows) {
    if (p.landlordRow !== undefined) {
      row.landlordId = idOfRow.get(p.landlordRow) as number;
      await enterpriseIoRepo.setLandlord(ex, row.id, row.landlordId);
    }
    entries.push({ entityType: 'enterprise', entityId: row.id, action: 'create', after: auditedEnterprise(row) });
  }
  for (const p of planned) {
    if (!p.existing || !p.changed) continue;
    if (p.landlordRow !== undefined) p.values.landlordId = idOfRow.get(p.landlordRow) as number;
    const row = await enterpriseRepo.update(ex, p.existing.id, p.existing.version, { ...p.values, updatedAt: now });
    if (!row) throw errors.conflict('enterprise.stale', `第 ${p.row} 行的企业在导入期间被他人修改，请重新导入`);
    entries.push({
      entityType: 'enterprise',
      entityId: row.id,
      action: 'update',
      before: auditedEnterprise(p.existing),
      after: auditedEnterprise(row),
    });
  }
  return entries;
}

function isUniqueViolation(e: unknown): boolean {
  for (let c = e as { code?: string; cause?: unknown } | undefined; c; c = c.cause as typeof c) if (c.code === '23505') return true;
  return false;
}

// ExcelJS builds the whole workbook in memory: off the event loop, in the parse pool.
const readImport = offThread<typeof readEnterpriseImport>(
  new URL('./enterprise-import.reader.ts', import.meta.url),
  'readEnterpriseImport',
);

export function createEnterpriseImportService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;
  return {
    /**
     * Imports a township's enterprise spreadsheet: bad rows are reported (row as Excel numbers it, column, reason)
     * and skipped; the good ones are created or updated in one transaction. A dry run reports the same and writes nothing.
     */
    async importEnterprises(actor: Actor, buffer: Buffer, opts: { dryRun: boolean; fileName?: string }): Promise<ImportResult> {
      const { sheetName, sheet } = await readImport(buffer);
      if (!sheet) throw errors.badRequest('enterprise.import_no_header', '未找到表头：前 10 行中没有包含“企业名称”等列名的行');
      if (sheet.dataRows === 0) {
        throw errors.badRequest('enterprise.import_empty', `工作表“${sheetName}”的表头（第 ${sheet.headerRow} 行）下面没有企业数据`);
      }
      const errorList: ImportRowError[] = [...sheet.errors];
      const summary = (planned: Planned[]): ImportResult => {
        const created = planned.filter((p) => !p.existing).length;
        const updated = planned.filter((p) => p.existing && p.changed).length;
        return {
          dryRun: opts.dryRun,
          created,
          updated,
          unchanged: planned.length - created - updated,
          errors: errorList.sort((a, b) => a.row - b.row),
          ignoredColumns: sheet.mapping.ignoredColumns,
        };
      };
      // A preview writes nothing: no transaction, so on the embedded database (one connection) other requests'
      // queries run between its reads instead of waiting for the whole preview.
      if (opts.dryRun) return summary(await planAll(db, actor, sheet, errorList));
      try {
        return await auditedTransaction(db, async (tx) => {
          const planned = await planAll(tx, actor, sheet, errorList);
          const result = summary(planned);
          const entries = await write(tx, planned, clock.now());
          const { dryRun: _d, errors: errs, ignoredColumns: _i, ...counts } = result;
          entries.push({
            entityType: 'enterprise',
            entityId: null,
            action: 'import',
            after: { fileName: opts.fileName ?? null, sheetName, ...counts, errors: errs.length },
          });
          await audit.recordMany(tx, auditActorOf(actor), entries);
          return result;
        });
      } catch (e) {
        if (isUniqueViolation(e)) {
          throw errors.conflict('enterprise.import_conflict', '导入期间有同一统一社会信用代码的企业被他人登记，请重新导入');
        }
        throw e;
      }
    },
  };
}

export type EnterpriseImportService = ReturnType<typeof createEnterpriseImportService>;
