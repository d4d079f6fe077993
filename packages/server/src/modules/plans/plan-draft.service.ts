import {
  officeUnitOf,
  type PlanDraft,
  type PlanDraftPatch,
  type PlanSettingsPatch,
  type PlanSummary,
  planSettingsOf,
  planTreeOf,
  scopeCoversRegion,
  suggestUnits,
  unledTasksProblem,
} from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { auditedPlan, planErrorsOf, toDraftNode, toPlanMeta } from './plan.presenter.ts';
import { type PlanRow, planRepo, planScope } from './plan.repo.ts';
import { applyDraftPatch } from './plan-draft-patch.ts';
import {
  guessMapping,
  insertNodes,
  mappingMap,
  namesOf,
  type PlanInput,
  planTitleOf,
  readPlanInputOffThread,
  unitsContext,
} from './plan-import.ts';
import { summaryOf } from './plan-ledger.ts';
import { type PlanNotices, publishNotices } from './plan-notices.ts';
import { planSettingsFor, townshipPlanSettingsOf } from './plan-settings.ts';

export type PlanServiceDeps = { db: Db; clock: Clock; audit: AuditService } & PlanNotices;

export function createPlanDraftService(deps: PlanServiceDeps) {
  const { db, clock, audit } = deps;
  const today = () => chinaToday(clock.now());

  /** A plan the actor may manage (drafts included), locked for a change when `lock`. */
  async function load(ex: Executor, actor: Actor, id: number, lock = false): Promise<PlanRow> {
    const seen = await planRepo.findById(ex, id, planScope(actor.scope, { drafts: true }));
    if (!seen) throw planErrorsOf.notFound();
    return lock ? ((await planRepo.lock(ex, id)) as PlanRow) : seen;
  }

  function checkVersion(plan: PlanRow, version: number) {
    if (plan.version !== version) throw planErrorsOf.stale(plan.version);
  }

  async function townshipOf(ex: Executor, actor: Actor, requested?: string): Promise<string> {
    const code = requested ?? (actor.regionCodes.length === 1 ? actor.regionCodes[0] : undefined);
    if (!code) throw planErrorsOf.invalid('regionCode', '请指定方案所属的乡镇（街道）');
    if (!scopeCoversRegion(actor.scope, code)) throw planErrorsOf.invalid('regionCode', '方案所属的乡镇不在您的管理范围内');
    if (!(await planRepo.region(ex, code))) throw planErrorsOf.invalid('regionCode', `区划 ${code} 不存在`);
    return code;
  }

  async function draftView(ex: Executor, plan: PlanRow): Promise<PlanDraft> {
    const [rows, mappings, ctx] = await Promise.all([
      planRepo.tasks(ex, plan.id),
      planRepo.mappings(ex, plan.id),
      unitsContext(ex, plan.regionCode),
    ]);
    const unitName = new Map(ctx.units.map((u) => [u.id, u.name]));
    const tasks = rows.filter((r) => r.kind === 'task');
    const taskCount = (name: string) => tasks.filter((t) => t.leadUnitNames.includes(name) || t.coUnitNames.includes(name)).length;
    const views = mappings.map((m) => ({
      name: m.name,
      unitId: m.unitId,
      unitName: m.unitId != null ? (unitName.get(m.unitId) ?? null) : null,
      villages: m.villages,
      ignored: m.ignored,
      decided: m.decided,
      taskCount: taskCount(m.name),
      suggestions: suggestUnits(m.name, ctx.units, { placeNames: ctx.placeNames }),
    }));
    const problems = views
      .filter((m) => !m.decided && m.taskCount > 0)
      .map((m) => `“${m.name}”尚未确定对应的成员单位（涉及 ${m.taskCount} 项任务），请选择单位、“各村（社区）”或“不跟踪”`);
    // Every task needs a lead (issue 10); only checked once the names are settled, since those decide the leads.
    const unled = problems.length ? null : unledTasksProblem(tasks);
    if (unled) problems.push(unled);
    const office = officeUnitOf(ctx.units);
    const warnings = tasks
      .filter((t) => !t.leadUnitIds.length && !t.coUnitIds.length && !t.leadVillages && !t.coVillages)
      .map((t) => `${t.ordinal}${t.title.slice(0, 24)}：没有可跟踪的责任单位，调度时无人填报`);
    return {
      plan: toPlanMeta(plan, await planSettingsFor(ex, plan)),
      rawText: plan.rawText,
      nodes: rows.map(toDraftNode),
      mappings: views,
      problems,
      warnings,
      officeUnit: office ? { id: office.id, name: office.name } : null,
    };
  }

  async function importPlan(actor: Actor, input: PlanInput, requestedRegion?: string): Promise<PlanDraft> {
    const { parsed, rawText } = await readPlanInputOffThread(input);
    const id = await auditedTransaction(db, async (tx) => {
      const regionCode = await townshipOf(tx, actor, requestedRegion);
      const now = clock.now();
      const plan = await planRepo.insert(tx, {
        regionCode,
        title: planTitleOf(parsed),
        issuer: parsed.issuer,
        issueDate: parsed.issueDate,
        docNumber: parsed.docNumber,
        periodStart: parsed.period?.start ?? null,
        periodEnd: parsed.period?.end ?? null,
        sourceFileName: input.fileName,
        rawText,
        settings: {},
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      const ctx = await unitsContext(tx, regionCode);
      const mappings = namesOf(parsed.tasks).map((name) => guessMapping(name, ctx));
      await planRepo.insertMappings(
        tx,
        mappings.map((m) => ({ ...m, planId: plan.id })),
      );
      await insertNodes(tx, plan.id, planTreeOf(parsed.tasks), parsed.tasks, mappingMap(mappings), now);
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'plan',
        entityId: plan.id,
        action: 'import',
        after: { ...auditedPlan(plan), fileName: input.fileName, tasks: parsed.tasks.length, unitNames: mappings.length },
      });
      return plan.id;
    });
    return draftView(db, (await planRepo.findById(db, id)) as PlanRow);
  }

  async function patchDraft(actor: Actor, id: number, body: PlanDraftPatch): Promise<PlanDraft> {
    await auditedTransaction(db, async (tx) => {
      const plan = await load(tx, actor, id, true);
      checkVersion(plan, body.version);
      const summary = await applyDraftPatch(tx, plan, body, clock.now());
      const updated = await planRepo.update(tx, id, plan.version, summary.planValues);
      if (!updated) throw planErrorsOf.stale();
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'plan',
        entityId: id,
        action: 'edit',
        before: auditedPlan(plan),
        after: { ...auditedPlan(updated), ...summary.changes },
      });
    });
    return draftView(db, await load(db, actor, id));
  }

  async function publish(actor: Actor, id: number, version: number): Promise<PlanSummary> {
    await auditedTransaction(db, async (tx) => {
      const plan = await load(tx, actor, id, true);
      checkVersion(plan, version);
      if (plan.status === 'published') throw planErrorsOf.alreadyPublished();
      const view = await draftView(tx, plan);
      if (view.problems.length) {
        const message = `方案还有 ${view.problems.length} 处需要确认，确认后才能发布：${view.problems.join('；')}`;
        throw planErrorsOf.invalid('mappings', message);
      }
      const now = clock.now();
      const updated = await planRepo.update(tx, id, plan.version, {
        status: 'published',
        publishedAt: now,
        publishedBy: actor.userId,
        updatedAt: now,
      });
      if (!updated) throw planErrorsOf.stale();
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'plan',
        entityId: id,
        action: 'publish',
        before: auditedPlan(plan),
        after: auditedPlan(updated),
      });
      await publishNotices(tx, deps, updated);
    });
    return summaryOf(db, await load(db, actor, id), today());
  }

  async function remove(actor: Actor, id: number, version: number): Promise<void> {
    await auditedTransaction(db, async (tx) => {
      const plan = await load(tx, actor, id, true);
      checkVersion(plan, version);
      if (plan.status !== 'draft') throw planErrorsOf.notDraft();
      await planRepo.remove(tx, id);
      await audit.record(tx, auditActorOf(actor), { entityType: 'plan', entityId: id, action: 'delete', before: auditedPlan(plan) });
    });
  }

  async function updateSettings(actor: Actor, id: number, body: PlanSettingsPatch): Promise<PlanSummary> {
    await auditedTransaction(db, async (tx) => {
      const plan = await load(tx, actor, id, true);
      checkVersion(plan, body.version);
      // The plan keeps only what is set on it; the rest follows the township's settings (settings store).
      const township = await townshipPlanSettingsOf(tx, plan.regionCode);
      const before = planSettingsOf(plan.settings, township);
      const { version: _version, ...changes } = body;
      const own = { ...plan.settings, ...changes };
      const after = planSettingsOf(own, township);
      const t = after.scoring.thresholds;
      if (!(t.green > t.blue && t.blue > t.yellow && t.yellow > t.orange)) {
        throw planErrorsOf.invalid('scoring', '五色图分档应满足 绿 > 蓝 > 黄 > 橙 的分数线');
      }
      const updated = await planRepo.update(tx, id, plan.version, { settings: own, updatedAt: clock.now() });
      if (!updated) throw planErrorsOf.stale();
      await audit.record(tx, auditActorOf(actor), { entityType: 'plan', entityId: id, action: 'settings', before, after });
    });
    return summaryOf(db, await load(db, actor, id), today());
  }

  return {
    importPlan,
    getDraft: async (actor: Actor, id: number) => draftView(db, await load(db, actor, id)),
    patchDraft,
    publish,
    remove,
    updateSettings,
    /** For the re-import: the same loading, version check and region rules. */
    internals: { load, checkVersion, draftView },
    today,
  };
}

export type PlanDraftService = ReturnType<typeof createPlanDraftService>;
