import {
  type CriteriaImportError,
  type CriteriaImportPlan,
  type CriteriaImportReport,
  type CriteriaSet,
  criteriaSet,
  planCriteriaSetImport,
} from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { offThread } from '../../lib/off-thread.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { criteriaRepo } from './criteria.repo.ts';
import type { CatalogEntry, CriteriaLibrary } from './criteria-library.ts';
import { setSummary } from './criteria-library.ts';
import {
  type ParsedImport,
  parseCriteriaJsonFile,
  type parseCriteriaWorkbook,
  type SheetFields,
  sniffCriteriaFile,
} from './criteria-sheet.reader.ts';

// ExcelJS builds the whole workbook in memory: off the event loop, in the parse pool.
const readWorkbook = offThread<typeof parseCriteriaWorkbook>(
  new URL('./criteria-sheet.reader.ts', import.meta.url),
  'parseCriteriaWorkbook',
);

export interface ImportOptions {
  dryRun?: boolean;
  /** Replace the set of the same id (the preview said `mode: 'update'`). */
  overwrite?: boolean;
}

interface ImporterDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  load(ex?: Executor): Promise<CriteriaLibrary>;
  invalidate(): void;
}

type Supersede = NonNullable<CriteriaImportPlan['supersede']>;

/** Whether marking the replaced set changes it (re-importing a new version finds it already marked). */
function supersedeChanges(old: CriteriaSet, s: Supersede): boolean {
  return old.status !== 'superseded' || old.supersededBy !== s.supersededBy || old.repealedOn !== s.repealedOn;
}

function warningsOf(
  set: CriteriaSet,
  plan: CriteriaImportPlan,
  existing: CatalogEntry | undefined,
  old: CatalogEntry | undefined,
): string[] {
  const out: string[] = [];
  if (existing) {
    const what = existing.origin === 'imported' ? '导入的版本' : '系统内置的版本';
    out.push(`标准库中已有编号为“${set.id}”的《${existing.set.title}》：确认导入将用本文件替换${what}`);
  }
  if (plan.removedCodes.length) {
    out.push(`新内容去掉了 ${plan.removedCodes.length} 条条款（${plan.removedCodes.join('、')}）：已引用这些条款的隐患记录请逐一核对`);
  }
  if (existing?.retired) out.push('该标准已停用：导入后仍为停用状态，需要时请在标准库中“恢复”');
  if (plan.supersede && old) {
    const { repealedOn } = plan.supersede;
    out.push(
      supersedeChanges(old.set, plan.supersede)
        ? `导入后《${old.set.title}》将标为“已被替代”，自 ${repealedOn} 起不再用于新发现的隐患`
        : `《${old.set.title}》已标为被本标准替代（自 ${repealedOn} 起）`,
    );
  }
  const unverified = set.items.filter((c) => c.verification !== 'verified').length;
  if (unverified) out.push(`有 ${unverified} 条条款待核对（可信度 P 或 U）：引用这些条款时将提示对照官方原文核实`);
  return out;
}

function planErrors(plan: CriteriaImportPlan): CriteriaImportError[] {
  return plan.errors.map((message) => ({ row: 0, column: message.split('：')[0] ?? '', message }));
}

/** Reading, checking and saving imported sets: one transaction per import, every write audited. */
export function createCriteriaImporter(deps: ImporterDeps) {
  const { db, clock, audit } = deps;

  /** What the import would do to `lib`: the report a dry run answers with. */
  function preview(parsed: ParsedImport, lib: CriteriaLibrary, dryRun: boolean) {
    const base = { dryRun, saved: false, format: parsed.format, ignoredColumns: parsed.ignoredColumns };
    if (!parsed.set) {
      const report: CriteriaImportReport = {
        ...base,
        set: null,
        mode: null,
        removedCodes: [],
        supersede: null,
        errors: parsed.errors,
        warnings: [],
      };
      return { report, plan: null };
    }
    const set = parsed.set;
    // Retired sets count: an id stays taken, and a retired version can still be replaced by a new one.
    const plan = planCriteriaSetImport(
      set,
      lib.catalog.map((e) => e.set),
    );
    const existing = lib.catalog.find((e) => e.set.id === set.id);
    const old = plan.supersede ? lib.catalog.find((e) => e.set.id === plan.supersede?.id) : undefined;
    const report: CriteriaImportReport = {
      ...base,
      set: setSummary(set),
      mode: plan.mode,
      removedCodes: plan.removedCodes,
      supersede: plan.supersede && old ? { ...plan.supersede, title: old.set.title } : null,
      errors: [...parsed.errors, ...planErrors(plan)],
      warnings: warningsOf(set, plan, existing, old),
    };
    return { report, plan };
  }

  async function save(actor: Actor, parsed: ParsedImport, overwrite: boolean): Promise<CriteriaImportReport> {
    const result = await auditedTransaction(db, async (tx) => {
      const at = await criteriaRepo.lockForWrite(tx, clock.now());
      const lib = await deps.load(tx);
      const { report, plan } = preview(parsed, lib, false);
      const set = parsed.set;
      if (report.errors.length || !plan || !set) {
        const first = report.errors[0]?.message ?? '';
        throw errors.badRequest(
          'criteria.import_invalid',
          `导入文件有 ${report.errors.length} 处错误，未导入任何内容。${first}`,
          report.errors,
        );
      }
      const existing = lib.catalog.find((e) => e.set.id === set.id);
      if (existing && !overwrite) {
        throw errors.conflict(
          'criteria.set_exists',
          `标准库中已有编号为“${set.id}”的《${existing.set.title}》：确认替换请先预览，再选择“确认覆盖”`,
        );
      }
      await criteriaRepo.saveData(tx, set.id, set, actor.userId, at);
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'criteriaSet',
        entityId: set.id,
        action: existing ? 'update' : 'create',
        before: existing?.set ?? null,
        after: { format: parsed.format, ...set },
      });
      const old = plan.supersede ? lib.catalog.find((e) => e.set.id === plan.supersede?.id) : undefined;
      if (plan.supersede && old && supersedeChanges(old.set, plan.supersede)) {
        const { supersededBy, repealedOn } = plan.supersede;
        const replaced = criteriaSet.parse({ ...old.set, status: 'superseded', supersededBy, repealedOn });
        await criteriaRepo.saveData(tx, old.set.id, replaced, actor.userId, at);
        const meta = (s: CriteriaSet) => ({ status: s.status, supersededBy: s.supersededBy ?? null, repealedOn: s.repealedOn ?? null });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'criteriaSet',
          entityId: old.set.id,
          action: 'supersede',
          before: meta(old.set),
          after: meta(replaced),
        });
      }
      return { ...report, saved: true };
    });
    deps.invalidate();
    return result;
  }

  async function run(actor: Actor, parsed: ParsedImport, opts: ImportOptions): Promise<CriteriaImportReport> {
    if (opts.dryRun) return preview(parsed, await deps.load(), true).report;
    return save(actor, parsed, opts.overwrite === true);
  }

  return {
    /** A set as .json (the stored shape; domains and flags may be written in Chinese). */
    importJson: (actor: Actor, text: string, opts: ImportOptions = {}) =>
      run(actor, parseCriteriaJsonFile(Buffer.from(text, 'utf8')), opts),

    /** An .xlsx of items, one per row, and the set's own fields from the import form. */
    importSheet: async (actor: Actor, buffer: Buffer, setFields: SheetFields, opts: ImportOptions = {}) =>
      run(actor, await readWorkbook(buffer, setFields), opts),

    /** An uploaded file, .json or .xlsx as its content says (never its name). */
    importFile: async (actor: Actor, buffer: Buffer, setFields: SheetFields, opts: ImportOptions = {}) =>
      sniffCriteriaFile(buffer) === 'xlsx'
        ? run(actor, await readWorkbook(buffer, setFields), opts)
        : run(actor, parseCriteriaJsonFile(buffer), opts),
  };
}
