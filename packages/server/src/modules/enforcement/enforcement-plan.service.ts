import {
  doneCheckStatuses,
  type EnforcementPlanAmendmentBody,
  type EnforcementPlanCapacityInput,
  type EnforcementPlanCreate,
  type EnforcementPlanDetail,
  type EnforcementPlanMonth,
  type EnforcementPlanPatch,
  type EnforcementPlanStatus,
  type EnforcementPlanSummary,
  LEGAL_WORKDAYS_PER_YEAR,
  type PlanCapacityInput,
  planCapacity,
  planMonths,
  scopeCoversRegion,
} from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { resolveSettings } from '../settings/settings.resolver.ts';
import { drawTeams } from './check-team.ts';
import { insertPlannedChecks } from './enforcement-check.repo.ts';
import { type EnforcementPlanRow, enforcementPlanRepo as repo } from './enforcement-plan.repo.ts';
import { applyPlanItemChanges } from './enforcement-plan-changes.ts';
import { proposePlanInto, type StoredProposal } from './enforcement-plan-propose.ts';

export interface EnforcementPlanDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
}

const notFound = () => errors.notFound('年度监督检查计划', 'enforcement_plan.not_found');
const stale = () => errors.conflict('enforcement_plan.stale', '计划已被他人修改，请刷新后再试');

export const capacityOfPlan = (plan: EnforcementPlanRow) => plan.capacity as unknown as Required<PlanCapacityInput>;

function auditedPlan(plan: EnforcementPlanRow) {
  return { unitId: plan.unitId, year: plan.year, status: plan.status, capacity: plan.capacity, version: plan.version };
}

export function createEnforcementPlanService(deps: EnforcementPlanDeps) {
  const { db, clock, audit } = deps;

  async function load(ex: Executor, actor: Actor, id: number, lock = false): Promise<EnforcementPlanRow> {
    const seen = await repo.findById(ex, id, actor.scope);
    if (!seen) throw notFound();
    return lock ? repo.lock(ex, id) : seen;
  }

  /** The unit a plan is made for: one the actor may plan for (its own unit; a unit of its regions). */
  async function unitFor(ex: Executor, actor: Actor, unitId: number) {
    const unit = await repo.unit(ex, unitId);
    const seen =
      unit &&
      (actor.scope.kind === 'all' ||
        (actor.scope.kind === 'unit' && actor.scope.unitId === unit.id) ||
        (actor.scope.kind === 'regions' && scopeCoversRegion(actor.scope, unit.regionCode)));
    if (!unit || !seen) throw errors.notFound('执法单位', 'enforcement_plan.unit_not_found');
    return unit;
  }

  /** The capacity of a plan: the body's values over the settings (and the unit's inspectors with valid 执法证). */
  async function capacityFor(
    ex: Executor,
    unit: { id: number; regionCode: string },
    year: number,
    over: EnforcementPlanCapacityInput | undefined,
    base?: Required<PlanCapacityInput>,
    /** For the form's defaults: no inspectors yet is an answer (0), not an error. */
    allowNoInspectors = false,
  ) {
    const today = chinaToday(clock.now());
    const thisYear = Number(today.slice(0, 4));
    if (year < thisYear)
      throw errors.badRequest('enforcement_plan.past_year', `不能为已过去的年度（${year} 年）编制计划`, [
        { path: 'year', message: `年度应不早于 ${thisYear} 年` },
      ]);
    const settings = (await resolveSettings(ex, unit.regionCode)).enforcement;
    const inspectors = over?.inspectors ?? base?.inspectors ?? (await repo.activeInspectors(ex, unit.id, today));
    if (!inspectors && !allowNoInspectors)
      throw errors.badRequest(
        'enforcement_plan.no_inspectors',
        '该单位执法人员名录库中没有执法证有效的在职执法人员，请先录入，或填写执法人员数',
        [{ path: 'capacity.inspectors', message: '请填写执法人员数' }],
      );
    const capacity: Required<PlanCapacityInput> = {
      inspectors,
      inspectionDaysPerMonth: over?.inspectionDaysPerMonth ?? base?.inspectionDaysPerMonth ?? settings.inspectionDaysPerMonth,
      personDaysPerCheck: over?.personDaysPerCheck ?? base?.personDaysPerCheck ?? settings.personDaysPerCheck,
      months: over?.months ?? base?.months ?? (year === thisYear ? 13 - Number(today.slice(5, 7)) : 12),
    };
    return { capacity, settings };
  }

  async function propose(actor: Actor, body: EnforcementPlanCreate): Promise<EnforcementPlanDetail> {
    const id = await auditedTransaction(db, async (tx) => {
      const unit = await unitFor(tx, actor, body.unitId);
      const existing = await repo.findByUnitYear(tx, unit.id, body.year);
      if (existing)
        throw errors.conflict(
          'enforcement_plan.exists',
          `${unit.name} ${body.year} 年度计划已存在（编号 ${existing.id}），请在原计划上修改`,
          {
            id: existing.id,
          },
        );
      const { capacity, settings } = await capacityFor(tx, unit, body.year, body.capacity);
      const now = clock.now();
      const plan = await repo.insert(tx, {
        unitId: unit.id,
        regionCode: unit.regionCode,
        year: body.year,
        status: 'draft',
        capacity,
        createdAt: now,
        updatedAt: now,
      });
      const { proposal } = await proposePlanInto(tx, plan, capacity, settings, clock.now());
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementPlan',
        entityId: plan.id,
        action: 'propose',
        after: {
          ...auditedPlan(plan),
          plannedChecks: proposal.plannedChecks,
          capacityChecks: proposal.capacityChecks,
          leftOut: proposal.leftOut.length,
        },
      });
      return plan.id;
    });
    return detail(db, await load(db, actor, id));
  }

  async function summaries(ex: Executor, plans: EnforcementPlanRow[]): Promise<EnforcementPlanSummary[]> {
    const [totals, names] = await Promise.all([
      repo.totals(
        ex,
        plans.map((p) => p.id),
      ),
      repo.unitNames(ex, [...new Set(plans.map((p) => p.unitId))]),
    ]);
    return plans.map((p) => {
      const t = totals.get(p.id) ?? { planned: 0, key: 0, general: 0 };
      const stored = p.proposal as unknown as Partial<StoredProposal>;
      return {
        id: p.id,
        unitId: p.unitId,
        unitName: names.get(p.unitId) ?? '',
        regionCode: p.regionCode,
        year: p.year,
        status: p.status,
        capacityChecks: planCapacity(capacityOfPlan(p)).capacityChecks,
        plannedChecks: t.planned,
        keyTargets: t.key,
        generalTargets: t.general,
        leftOutCount: stored.leftOut?.length ?? 0,
        approvedAt: p.approvedAt?.toISOString() ?? null,
        version: p.version,
        updatedAt: p.updatedAt.toISOString(),
      };
    });
  }

  async function detail(ex: Executor, plan: EnforcementPlanRow): Promise<EnforcementPlanDetail> {
    const [[summary], items, amendments] = await Promise.all([
      summaries(ex, [plan]),
      repo.items(ex, plan.id),
      repo.amendments(ex, plan.id),
    ]);
    const capacity = capacityOfPlan(plan);
    const c = planCapacity(capacity);
    const months = planMonths(capacity.months);
    const stored = plan.proposal as unknown as Partial<StoredProposal>;
    const named = [...(stored.leftOut ?? []).map((l) => l.enterpriseId), ...(stored.reduced ?? []).map((r) => r.enterpriseId)];
    const names = await repo.enterpriseNames(ex, named);
    const load = new Map<number, number>();
    for (const { item } of items) for (const m of item.months) load.set(m, (load.get(m) ?? 0) + 1);
    return {
      ...(summary as EnforcementPlanSummary),
      capacity: {
        ...capacity,
        legalWorkdays: Math.round((LEGAL_WORKDAYS_PER_YEAR * capacity.inspectors * capacity.months) / 12),
        inspectionPersonDays: c.personDays,
        capacityChecks: c.capacityChecks,
        monthlyCapacity: c.monthlyCapacity,
        planMonths: months,
      },
      generalPool: stored.generalPool ?? 0,
      items: items.map(({ item, enterpriseName }) => ({
        id: item.id,
        enterpriseId: item.enterpriseId,
        enterpriseName,
        regionCode: item.regionCode,
        kind: item.kind === 'general' ? 'general' : 'key',
        reasons: item.reasons,
        checksPerYear: item.checksPerYear,
        months: item.months,
      })),
      leftOut: (stored.leftOut ?? []).map((l) => ({ ...l, enterpriseName: names.get(l.enterpriseId) ?? '' })),
      reduced: (stored.reduced ?? []).map((r) => ({ ...r, enterpriseName: names.get(r.enterpriseId) ?? '' })),
      monthlyLoad: months.map((m, k) => ({ month: m, planned: load.get(m) ?? 0, capacity: c.monthlyCapacity[k] as number })),
      amendments: amendments.map(({ row, actorName }) => ({
        id: row.id,
        reason: row.reason,
        changes: row.changes,
        actorName: actorName ?? null,
        at: row.at.toISOString(),
      })),
    };
  }

  async function list(actor: Actor, q: { unitId?: number; year?: number; status?: EnforcementPlanStatus; page: number; pageSize: number }) {
    const { rows, total } = await repo.page(db, actor.scope, { ...q, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
    return { items: await summaries(db, rows), total };
  }

  async function patch(actor: Actor, id: number, body: EnforcementPlanPatch): Promise<EnforcementPlanDetail> {
    await auditedTransaction(db, async (tx) => {
      const plan = await load(tx, actor, id, true);
      if (plan.version !== body.version) throw stale();
      if (plan.status !== 'draft') throw errors.conflict('enforcement_plan.approved', '计划已批准，不能直接修改；请提交计划变更并说明理由');
      const { version: _v, capacity: over, ...changes } = body;
      const hasItemChanges = !!(changes.add?.length || changes.update?.length || changes.remove?.length);
      if (!over && !hasItemChanges) throw errors.badRequest('enforcement_plan.no_changes', '没有要修改的内容');
      let after: Record<string, unknown>;
      let values: Partial<EnforcementPlanRow> = { updatedAt: clock.now() };
      if (over) {
        const unit = { id: plan.unitId, regionCode: plan.regionCode };
        const { capacity, settings } = await capacityFor(tx, unit, plan.year, over, capacityOfPlan(plan));
        const { stored, proposal } = await proposePlanInto(tx, plan, capacity, settings, clock.now());
        values = { ...values, capacity, proposal: { ...stored } };
        after = { capacity, plannedChecks: proposal.plannedChecks, capacityChecks: proposal.capacityChecks, reproposed: true };
        if (hasItemChanges) after.items = await applyPlanItemChanges(tx, { ...plan, capacity }, changes, clock.now());
      } else after = { items: await applyPlanItemChanges(tx, plan, changes, clock.now()) };
      const updated = await repo.update(tx, id, plan.version, values);
      if (!updated) throw stale();
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementPlan',
        entityId: id,
        action: 'edit',
        before: auditedPlan(plan),
        after,
      });
    });
    return detail(db, await load(db, actor, id));
  }

  async function approve(actor: Actor, id: number, version: number): Promise<EnforcementPlanDetail> {
    await auditedTransaction(db, async (tx) => {
      const plan = await load(tx, actor, id, true);
      if (plan.version !== version) throw stale();
      if (plan.status === 'approved') throw errors.conflict('enforcement_plan.already_approved', '计划已批准');
      const now = clock.now();
      const updated = await repo.update(tx, id, plan.version, {
        status: 'approved',
        approvedBy: actor.userId,
        approvedAt: now,
        updatedAt: now,
      });
      if (!updated) throw stale();
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementPlan',
        entityId: id,
        action: 'approve',
        before: auditedPlan(plan),
        after: auditedPlan(updated),
      });
    });
    return detail(db, await load(db, actor, id));
  }

  async function amend(actor: Actor, id: number, body: EnforcementPlanAmendmentBody): Promise<EnforcementPlanDetail> {
    await auditedTransaction(db, async (tx) => {
      const plan = await load(tx, actor, id, true);
      if (plan.version !== body.version) throw stale();
      if (plan.status !== 'approved') throw errors.conflict('enforcement_plan.not_approved', '计划尚未批准，草稿可直接修改，无需提交变更');
      const c = body.changes;
      if (!c.add?.length && !c.update?.length && !c.remove?.length)
        throw errors.badRequest('enforcement_plan.no_changes', '没有要变更的内容', [{ path: 'changes', message: '请至少修改一项' }]);
      const now = clock.now();
      const changes = await applyPlanItemChanges(tx, plan, c, now);
      await repo.insertAmendment(tx, { planId: id, reason: body.reason, changes, actorId: actor.userId, at: now });
      const updated = await repo.update(tx, id, plan.version, { updatedAt: now });
      if (!updated) throw stale();
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementPlan',
        entityId: id,
        action: 'amend',
        before: auditedPlan(plan),
        after: { reason: body.reason, changes },
      });
    });
    return detail(db, await load(db, actor, id));
  }

  function monthRange(year: number, month: number) {
    const mm = String(month).padStart(2, '0');
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
  }

  async function monthOf(ex: Executor, actor: Actor, plan: EnforcementPlanRow, month: number): Promise<EnforcementPlanMonth> {
    const items = (await repo.items(ex, plan.id)).filter(({ item }) => item.months.includes(month));
    const { from, to } = monthRange(plan.year, month);
    const checks = await repo.checksIn(
      ex,
      plan.unitId,
      items.map(({ item }) => item.enterpriseId),
      from,
      to,
      scopeOn.enforcement_checks(actor.scope),
    );
    const done = new Set<string>(doneCheckStatuses);
    const rank = (c: { status: string }) => (done.has(c.status) ? 0 : c.status === 'cancelled' ? 2 : 1);
    const months = planMonths(capacityOfPlan(plan).months);
    const k = months.indexOf(month);
    return {
      planId: plan.id,
      year: plan.year,
      month,
      capacity: k < 0 ? 0 : (planCapacity(capacityOfPlan(plan)).monthlyCapacity[k] as number),
      items: items.map(({ item, enterpriseName }) => {
        const own = checks.filter((c) => c.planItemId === item.id);
        const mine = (own.length ? own : checks.filter((c) => c.enterpriseId === item.enterpriseId)).sort((a, b) => rank(a) - rank(b))[0];
        return {
          planItemId: item.id,
          enterpriseId: item.enterpriseId,
          enterpriseName,
          kind: item.kind === 'general' ? 'general' : 'key',
          reasons: item.reasons,
          checkId: mine?.id ?? null,
          checkCode: mine?.code ?? null,
          checkStatus: mine?.status ?? null,
          done: !!mine && done.has(mine.status),
        };
      }),
    };
  }

  async function schedule(actor: Actor, id: number, month: number) {
    return auditedTransaction(db, async (tx) => {
      const plan = await load(tx, actor, id, true);
      if (plan.status !== 'approved') throw errors.conflict('enforcement_plan.not_approved', '计划批准后才能生成月度检查');
      if (!planMonths(capacityOfPlan(plan).months).includes(month))
        throw errors.badRequest('enforcement_plan.month_outside', `${month} 月不在计划期内`, [{ path: 'month', message: '不在计划期内' }]);
      const key = (await repo.items(tx, plan.id)).filter(({ item }) => item.kind === 'key' && item.months.includes(month));
      const { from, to } = monthRange(plan.year, month);
      const existing = await repo.checksIn(
        tx,
        plan.unitId,
        key.map(({ item }) => item.enterpriseId),
        from,
        to,
      );
      const scheduled = new Set(existing.map((c) => c.planItemId));
      const todo = key.filter(({ item }) => !scheduled.has(item.id));
      // Each check gets a team by the draw's rule; one no team may inspect is left for the unit to assign.
      const { teams, unassigned } = await drawTeams(
        tx,
        { id: plan.unitId, regionCode: plan.regionCode },
        from,
        todo.map(({ item, enterpriseName }) => ({ id: item.enterpriseId, name: enterpriseName, regionCode: item.regionCode })),
      );
      const created = await insertPlannedChecks(
        tx,
        todo.map(({ item }) => ({
          unitId: plan.unitId,
          enterpriseId: item.enterpriseId,
          kind: 'key' as const,
          scheduledOn: from,
          inspectorIds: teams.get(item.enterpriseId) ?? [],
          planItemId: item.id,
          createdBy: actor.userId,
        })),
        clock.now(),
      );
      if (created.length)
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementPlan',
          entityId: id,
          action: 'schedule',
          after: { month, checkIds: created.map((c) => c.id) },
        });
      return { created: created.length, skipped: key.length - todo.length, checkIds: created.map((c) => c.id), unassigned };
    });
  }

  /** What an empty capacity field of the 生成计划建议 form stands for: the township's settings, the unit's inspectors. */
  async function defaults(actor: Actor, unitId: number, year: number) {
    const unit = await unitFor(db, actor, unitId);
    return (await capacityFor(db, unit, year, undefined, undefined, true)).capacity;
  }

  return {
    propose,
    defaults,
    list,
    get: async (actor: Actor, id: number) => detail(db, await load(db, actor, id)),
    patch,
    approve,
    amend,
    month: async (actor: Actor, id: number, month: number) => monthOf(db, actor, await load(db, actor, id), month),
    schedule,
  };
}

export type EnforcementPlanService = ReturnType<typeof createEnforcementPlanService>;
