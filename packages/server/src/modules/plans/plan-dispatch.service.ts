// 月调度: one screen with every open task of one unit (or village) across the township's plans, prefilled from last
// month; saving writes every report in one transaction.
import {
  countsAsReport,
  dispatchCalendar,
  dispatchCardOutcome,
  isLateReport,
  type PlanDispatch,
  type PlanDispatchItem,
  type PlanDispatchQuery,
  type PlanDispatchSave,
  type PlanDispatchSaved,
  type PlanFigure,
  periodOf,
  scopeCoversRegion,
} from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { systemScope } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { unitRepo } from '../units/unit.repo.ts';
import { planErrorsOf } from './plan.presenter.ts';
import { type PlanRow, type PlanTaskRow, planRepo, planScope } from './plan.repo.ts';
import type { PlanServiceDeps } from './plan-draft.service.ts';
import { loadLedger, statusesOf } from './plan-ledger.ts';
import { type Assignee, reportView } from './plan-progress.ts';
import { type PlanReportRow, planReportRepo } from './plan-report.repo.ts';
import { planSettingsFor, townshipPlanSettingsOf } from './plan-settings.ts';

type AttachFiles = (ex: Executor, actor: Actor, ids: number[], ownerType: string, ownerId: number) => Promise<void>;

/** The figures of the 专项整治 campaigns linked to tasks (issue 17), by task id. */
export type CampaignFigures = (
  ex: Executor,
  taskIds: number[],
  period: string,
) => Promise<Map<number, { figures: PlanFigure[]; campaigns: Array<{ id: number; title: string; asOf: string }> }>>;
type TaskCampaigns = Awaited<ReturnType<CampaignFigures>>;

/** Campaign figures over a prefill's: same-metric figures replaced, the others kept, the campaign's first. */
function withCampaignFigures(
  prefill: PlanDispatchItem['prefill'],
  linked: { figures: PlanFigure[] } | undefined,
): PlanDispatchItem['prefill'] {
  if (!linked) return prefill;
  const metrics = new Set(linked.figures.map((f) => f.metric));
  return { ...prefill, figures: [...linked.figures, ...prefill.figures.filter((f) => !metrics.has(f.metric))] };
}

function isAssigned(task: PlanTaskRow, a: Assignee): 'lead' | 'co' | null {
  if (a.unitId != null) return task.leadUnitIds.includes(a.unitId) ? 'lead' : task.coUnitIds.includes(a.unitId) ? 'co' : null;
  return task.leadVillages ? 'lead' : task.coVillages ? 'co' : null;
}

export function createPlanDispatchService(deps: PlanServiceDeps & { attachFiles: AttachFiles; campaignFigures?: CampaignFigures }) {
  const { db, clock, audit } = deps;
  const today = () => chinaToday(clock.now());

  /** Whose dispatch: a unit's staff always their own unit; the office fills in for a unit or a village it oversees. */
  async function assigneeOf(ex: Executor, actor: Actor, q: { unitId?: number; villageCode?: string }): Promise<Assignee> {
    if (actor.scope.kind === 'unit') {
      const own = actor.scope.unitId;
      if ((q.unitId !== undefined && q.unitId !== own) || q.villageCode) throw errors.forbidden('只能填报本单位的调度');
      q = { unitId: own };
    }
    if (q.unitId !== undefined) {
      const unit = await unitRepo.findById(ex, q.unitId, systemScope);
      if (!unit || !scopeCoversRegion(actor.scope, unit.regionCode)) throw errors.notFound('单位', 'plan.unit_not_found');
      return { key: `unit:${unit.id}`, unitId: unit.id, villageCode: null, name: unit.name };
    }
    if (q.villageCode) {
      const village = await planRepo.region(ex, q.villageCode);
      if (village?.level !== 'village' || !scopeCoversRegion(actor.scope, village.code)) {
        throw errors.notFound('村（社区）', 'plan.village_not_found');
      }
      return { key: `village:${village.code}`, unitId: null, villageCode: village.code, name: village.name };
    }
    throw planErrorsOf.invalid('unitId', '请选择要填报的单位或村（社区）');
  }

  /** The published plans the assignee may have tasks in: a village only its township's. */
  async function plansOf(ex: Executor, actor: Actor, a: Assignee): Promise<PlanRow[]> {
    const all = await planRepo.published(ex, planScope(actor.scope, { drafts: false }));
    if (a.villageCode == null) return all;
    const village = await planRepo.region(ex, a.villageCode);
    return all.filter((p) => p.regionCode === village?.parentCode);
  }

  /**
   * What a card starts with: this month's report as it stands; else last month's (or nothing) with the linked
   * campaigns' figures over it.
   */
  function prefillOf(
    current: PlanReportRow | undefined,
    previous: PlanReportRow | undefined,
    linked?: { figures: PlanFigure[] },
  ): PlanDispatchItem['prefill'] {
    if (!current) return withCampaignFigures(basePrefill(undefined, previous), linked);
    return basePrefill(current, previous);
  }

  function basePrefill(current: PlanReportRow | undefined, previous: PlanReportRow | undefined): PlanDispatchItem['prefill'] {
    const from = current ?? previous;
    if (!from) return { status: 'notStarted', summary: '', problems: '', figures: [], fileIds: [], fromPeriod: null };
    return {
      status: from.status,
      summary: from.summary,
      problems: from.problems,
      figures: from.figures,
      // Files belong to the report they were attached to: last month's evidence stays there.
      fileIds: current ? current.fileIds : [],
      fromPeriod: from.period,
    };
  }

  const campaignsOf = async (ex: Executor, taskIds: number[], period: string): Promise<TaskCampaigns> =>
    deps.campaignFigures && taskIds.length ? deps.campaignFigures(ex, taskIds, period) : new Map();

  async function view(ex: Executor, actor: Actor, a: Assignee, period: string): Promise<PlanDispatch> {
    const items: PlanDispatchItem[] = [];
    let reportDay: number | null = null;
    let reminderDays = 0;
    for (const plan of await plansOf(ex, actor, a)) {
      const viewer = a.unitId != null ? { unitId: a.unitId } : { villages: true };
      const ledger = await loadLedger(ex, plan, { ...viewer, upTo: period });
      const statuses = statusesOf(ledger, today());
      const own = ledger.reports.filter((r) => r.assigneeKey === a.key);
      const settings = ledger.settings;
      const linkedAll = await campaignsOf(
        ex,
        ledger.tasks.map((t) => t.id),
        period,
      );
      for (const task of ledger.tasks) {
        const role = isAssigned(task, a);
        if (!role || task.completedOn) continue;
        const mine = own.filter((r) => r.taskId === task.id);
        const current = mine.find((r) => r.period === period);
        const previous = mine.filter((r) => r.period < period).pop();
        if (!current && previous?.status === 'done') continue;
        if (reportDay === null || settings.reportDay < reportDay) [reportDay, reminderDays] = [settings.reportDay, settings.reminderDays];
        const linked = linkedAll.get(task.id);
        items.push({
          planId: plan.id,
          planTitle: plan.title,
          taskId: task.id,
          ordinal: task.ordinal,
          title: task.title,
          path: task.path,
          role,
          deadlines: task.deadlines,
          targets: task.targets,
          taskStatus: statuses.get(task.id) ?? 'notStarted',
          report: current ? reportView(current, a.name) : null,
          prefill: prefillOf(current, previous, linked),
          ...(linked && !current ? { campaigns: linked.campaigns } : {}),
        });
      }
    }
    const defaults = await townshipPlanSettingsOf(ex, actor.regionCodes[0] ?? '');
    const calendar = dispatchCalendar(
      today(),
      { reportDay: reportDay ?? defaults.reportDay, reminderDays: reportDay ? reminderDays : defaults.reminderDays },
      period,
    );
    const { key: _key, ...assignee } = a;
    return { ...calendar, assignee, items, reported: items.filter((i) => i.report).length };
  }

  async function get(actor: Actor, q: PlanDispatchQuery): Promise<PlanDispatch> {
    const a = await assigneeOf(db, actor, q);
    return view(db, actor, a, q.period ?? periodOf(today()));
  }

  /**
   * Saves the cards that are reports (core dispatchCardOutcome against the same prefill the page showed): changed ones
   * as filed, confirmed ones as noChange. Cards sent untouched are not reports: nothing is written for them and they
   * come back in `untouched`.
   */
  async function save(actor: Actor, body: PlanDispatchSave): Promise<PlanDispatchSaved> {
    if (body.period > periodOf(today())) throw planErrorsOf.invalid('period', '不能填报以后月份的进展');
    const a = await assigneeOf(db, actor, body);
    const untouched: PlanDispatchSaved['untouched'] = [];
    await auditedTransaction(db, async (tx) => {
      const ids = body.reports.map((r) => r.taskId);
      const found = new Map((await planRepo.tasksWithPlans(tx, ids, planScope(actor.scope, { drafts: false }))).map((x) => [x.task.id, x]));
      const own = await planReportRepo.ofAssignee(tx, a.key, ids, body.period);
      const linked = await campaignsOf(tx, ids, body.period);
      const now = clock.now();
      const audited = [];
      for (const [i, input] of body.reports.entries()) {
        const hit = found.get(input.taskId);
        if (hit?.task.kind !== 'task' || hit.task.removedAt || !isAssigned(hit.task, a)) {
          throw errors.badRequest('plan.task_not_assigned', `第 ${i + 1} 项：任务（编号 ${input.taskId}）不是${a.name}的任务`, [
            { path: `reports.${i}.taskId`, message: '不是本单位的任务' },
          ]);
        }
        const mine = own.filter((r) => r.taskId === input.taskId);
        const current = mine.find((r) => r.period === body.period);
        const previous = mine.filter((r) => r.period < body.period).pop();
        const filing = dispatchCardOutcome(input, prefillOf(current, previous, linked.get(input.taskId)));
        if (filing === 'untouched') {
          untouched.push({ taskId: hit.task.id, ordinal: hit.task.ordinal, title: hit.task.title });
          continue;
        }
        // Already reported this month and confirmed again as it stands: nothing new to write.
        if (current && filing === 'noChange') continue;
        const values = {
          status: input.status,
          summary: input.summary,
          problems: input.problems,
          figures: input.figures,
          fileIds: input.fileIds,
          filing,
          reportedBy: actor.userId,
          reportedByName: actor.displayName,
          reportedAt: now,
        };
        const existing = await planReportRepo.lockOne(tx, input.taskId, a.key, body.period);
        const counted = existing && countsAsReport(existing.filing);
        const late = isLateReport(chinaToday(now), body.period, (await planSettingsFor(tx, hit.plan)).reportDay);
        let row: PlanReportRow | undefined;
        if (existing && counted) {
          if (input.version !== existing.version) throw planErrorsOf.reportStale(input.taskId);
          row = await planReportRepo.update(tx, existing.id, existing.version, values);
        } else if (existing) {
          // A blank card saved before issue 10 (not a report): this is the month's first real report.
          row = await planReportRepo.update(tx, existing.id, existing.version, { ...values, late });
        } else {
          if (input.version !== undefined) throw planErrorsOf.reportStale(input.taskId);
          row = await planReportRepo.insert(tx, {
            ...values,
            planId: hit.plan.id,
            taskId: input.taskId,
            assigneeKey: a.key,
            unitId: a.unitId,
            villageCode: a.villageCode,
            period: body.period,
            late,
          });
        }
        if (!row) throw planErrorsOf.reportStale(input.taskId);
        if (input.fileIds.length) await deps.attachFiles(tx, actor, input.fileIds, 'planReport', row.id);
        audited.push({
          entityType: 'planReport',
          entityId: row.id,
          action: counted ? 'update' : 'report',
          before: counted ? { status: existing.status, summary: existing.summary, version: existing.version } : undefined,
          after: {
            taskId: row.taskId,
            assignee: a.key,
            period: row.period,
            status: row.status,
            filing: row.filing,
            late: row.late,
            version: row.version,
          },
        });
      }
      if (audited.length) await audit.recordMany(tx, auditActorOf(actor), audited);
    });
    return { ...(await view(db, actor, a, body.period)), untouched };
  }

  return { get, save };
}

export type PlanDispatchService = ReturnType<typeof createPlanDispatchService>;
