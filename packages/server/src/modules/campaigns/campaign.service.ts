import type { campaignListQuery } from '@anzhi/core';
import {
  type CampaignChecklistItem,
  type CampaignDetail,
  type CampaignInput,
  type CampaignScope,
  type CampaignSummary,
  type CampaignUpdate,
  roundOpenError,
  scopeCoversRegion,
} from '@anzhi/core';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import { planScope } from '../plans/plan.repo.ts';
import { unitRepo } from '../units/unit.repo.ts';
import { auditedCampaign, campaignErrors, detailView, subjectOf } from './campaign.presenter.ts';
import { type CampaignRoundRow, type CampaignRow, campaignRepo } from './campaign.repo.ts';
import type { CampaignProgressService } from './campaign-progress.service.ts';

type ListQuery = z.infer<typeof campaignListQuery>;
type RoundPlan = CampaignInput['rounds'];

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const normaliseScope = (s: CampaignScope): CampaignScope =>
  s.kind === 'ledger'
    ? { kind: 'ledger', typeId: s.typeId, villageCodes: [...s.villageCodes].sort() }
    : {
        ...s,
        domains: [...s.domains].sort(),
        flags: [...s.flags].sort(),
        industrySections: [...s.industrySections].sort(),
        villageCodes: [...s.villageCodes].sort(),
      };

/** Round dates in order (campaignInput checks the same on create; an update's rounds are checked here). */
function checkRoundPlan(rounds: RoundPlan) {
  rounds.forEach((r, i) => {
    if (r.dueOn < r.startsOn) throw campaignErrors.invalid(`rounds.${i}.dueOn`, `第 ${i + 1} 轮的截止日期早于开始日期`);
    const prev = rounds[i - 1];
    if (prev && r.startsOn < prev.startsOn) throw campaignErrors.invalid(`rounds.${i}.startsOn`, `第 ${i + 1} 轮的开始日期早于第 ${i} 轮`);
  });
}

/**
 * 专项整治 campaigns: create and edit (scope, checklist, units, rounds; the scope and the checklist's keys are fixed
 * once a round opened), and the rounds' open/close (core roundOpenError). Audited; stale edits answer 409.
 */
export function createCampaignService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  criteria: CriteriaService;
  progress: CampaignProgressService;
}) {
  const { db, clock, audit, criteria, progress } = deps;
  const today = () => chinaToday(clock.now());

  async function load(ex: Executor, actor: Actor, id: number, opts: { lock?: boolean } = {}): Promise<CampaignRow> {
    const row = await campaignRepo.find(ex, scopeOn.campaigns(actor.scope), id, opts);
    if (!row) throw campaignErrors.notFound();
    return row;
  }

  async function detail(ex: Executor, c: CampaignRow): Promise<CampaignDetail> {
    const [rounds, type, tasks, units, createdByName] = await Promise.all([
      campaignRepo.rounds(ex, [c.id]),
      c.scope.kind === 'ledger' ? campaignRepo.objectType(ex, c.scope.typeId) : undefined,
      campaignRepo.planTasks(ex, c.planTaskId ? [c.planTaskId] : []),
      campaignRepo.unitNames(ex, c.unitIds),
      campaignRepo.userName(ex, c.createdBy),
    ]);
    return detailView(c, { rounds, type, task: tasks[0], units, createdByName });
  }

  /** The township a campaign belongs to: the given one or the caller's, a township the caller covers. */
  async function townshipOf(ex: Executor, actor: Actor, code: string | undefined): Promise<string> {
    const regionCode = code ?? actor.regionCodes[0];
    if (!regionCode) throw campaignErrors.invalid('regionCode', '请选择开展专项整治的乡镇（街道）');
    const [region] = await campaignRepo.regionsByCode(ex, [regionCode]);
    if (region?.level !== 'township' || !scopeCoversRegion(actor.scope, regionCode))
      throw campaignErrors.invalid('regionCode', '所属乡镇（街道）应为您辖区内的乡镇（街道）');
    return regionCode;
  }

  async function checkScope(ex: Executor, regionCode: string, scope: CampaignScope) {
    if (scope.kind === 'ledger') {
      const type = await campaignRepo.objectType(ex, scope.typeId);
      if (!type) throw campaignErrors.invalid('scope.typeId', '检查范围的台账类型不存在');
      if (type.archivedAt) throw campaignErrors.invalid('scope.typeId', `台账类型“${type.name}”已停用，不能作为检查范围`);
    }
    const villages = new Map((await campaignRepo.regionsByCode(ex, scope.villageCodes)).map((r) => [r.code, r]));
    scope.villageCodes.forEach((code, i) => {
      const v = villages.get(code);
      if (v?.level !== 'village' || v.parentCode !== regionCode)
        throw campaignErrors.invalid(`scope.villageCodes.${i}`, `检查范围的村（社区）${code} 不是本乡镇（街道）的村（社区）`);
    });
  }

  async function checkPlanLink(ex: Executor, actor: Actor, regionCode: string, taskId: number | null, metric: string | null) {
    if (taskId === null) {
      if (metric) throw campaignErrors.invalid('planTargetMetric', '未关联方案任务时不能选择量化目标');
      return;
    }
    const hit = await campaignRepo.planTask(ex, planScope(actor.scope, { drafts: false }), taskId);
    if (hit?.task.kind !== 'task' || hit.plan.regionCode !== regionCode)
      throw campaignErrors.invalid('planTaskId', '关联的方案任务不存在，或不是本乡镇（街道）已发布方案的任务');
    if (metric && !hit.task.targets.some((t) => t.metric === metric))
      throw campaignErrors.invalid('planTargetMetric', `方案任务“${hit.task.title}”没有量化目标“${metric}”`);
  }

  async function checkUnits(ex: Executor, actor: Actor, unitIds: number[]) {
    for (const [i, id] of unitIds.entries()) {
      if (!(await unitRepo.findById(ex, id, actor.scope)))
        throw campaignErrors.invalid(`unitIds.${i}`, `责任单位（编号 ${id}）不存在或不在您的管辖范围内`);
    }
    if (new Set(unitIds).size !== unitIds.length) throw campaignErrors.invalid('unitIds', '责任单位重复');
  }

  async function checkChecklist(items: CampaignChecklistItem[]) {
    const cited = items.filter((i) => i.source === 'criteria');
    if (!cited.length) return;
    const codes = new Set((await criteria.items()).map((i) => i.code));
    items.forEach((item, i) => {
      if (item.source !== 'criteria') return;
      if (!item.criteriaCode) throw campaignErrors.invalid(`checklist.${i}.criteriaCode`, `第 ${i + 1} 项取自判定标准，请选择判定标准条目`);
      if (!codes.has(item.criteriaCode))
        throw campaignErrors.invalid(`checklist.${i}.criteriaCode`, `第 ${i + 1} 项引用的判定标准条目“${item.criteriaCode}”不存在`);
    });
  }

  const roundValues = (campaignId: number, rounds: RoundPlan, from: number) =>
    rounds.slice(from).map((r, i) => ({
      campaignId,
      ordinal: from + i + 1,
      title: r.title || `第${from + i + 1}轮`,
      startsOn: r.startsOn,
      dueOn: r.dueOn,
    }));

  /** A new round plan over the rounds as they stand: begun rounds keep their start, may move their deadline. */
  async function replanRounds(ex: Executor, campaignId: number, current: CampaignRoundRow[], next: RoundPlan) {
    checkRoundPlan(next);
    const begun = current.filter((r) => r.status !== 'planned');
    if (next.length < begun.length) throw campaignErrors.invalid('rounds', `已开始 ${begun.length} 轮，轮次不能少于 ${begun.length} 轮`);
    for (const r of begun) {
      const plan = next[r.ordinal - 1];
      if (!plan) continue;
      if (plan.startsOn !== r.startsOn)
        throw campaignErrors.invalid(`rounds.${r.ordinal - 1}.startsOn`, `第 ${r.ordinal} 轮已开始，开始日期不能修改`);
      await campaignRepo.updateRound(ex, r.id, { dueOn: plan.dueOn, title: plan.title || r.title });
    }
    await campaignRepo.deletePlannedRoundsFrom(ex, campaignId, begun.length + 1);
    await campaignRepo.insertRounds(ex, roundValues(campaignId, next, begun.length));
  }

  return {
    load,

    async list(actor: Actor, q: ListQuery): Promise<{ items: CampaignSummary[]; total: number }> {
      const { rows, total } = await campaignRepo.list(db, scopeOn.campaigns(actor.scope), q, q.page, q.pageSize);
      const rounds = await campaignRepo.rounds(
        db,
        rows.map((r) => r.id),
      );
      const types = await campaignRepo.objectTypes(db, [
        ...new Set(rows.flatMap((r) => (r.scope.kind === 'ledger' ? [r.scope.typeId] : []))),
      ]);
      const tasks = await campaignRepo.planTasks(
        db,
        rows.flatMap((r) => (r.planTaskId ? [r.planTaskId] : [])),
      );
      const items: CampaignSummary[] = [];
      for (const c of rows) {
        const own = rounds.filter((r) => r.campaignId === c.id);
        const live = await progress.summaryFigures(db, actor, c, own);
        const type = c.scope.kind === 'ledger' ? types.find((t) => t.id === (c.scope as { typeId: number }).typeId) : undefined;
        items.push({
          id: c.id,
          title: c.title,
          regionCode: c.regionCode,
          status: c.status,
          scopeKind: c.scope.kind,
          ...subjectOf(c.scope, type),
          planTaskId: c.planTaskId,
          planTaskTitle: tasks.find((t) => t.id === c.planTaskId)?.title ?? null,
          rounds: own.length,
          currentRound: live.currentRound,
          targets: live.targets,
          covered: live.covered,
          hazards: live.hazards,
          hazardsClosed: live.hazardsClosed,
          createdAt: c.createdAt.toISOString(),
        });
      }
      return { items, total };
    },

    async get(actor: Actor, id: number): Promise<CampaignDetail> {
      return detail(db, await load(db, actor, id));
    },

    async create(actor: Actor, body: CampaignInput): Promise<CampaignDetail> {
      // The criteria library reads outside the transaction (an embedded database has one connection).
      await checkChecklist(body.checklist);
      const id = await auditedTransaction(db, async (tx) => {
        const regionCode = await townshipOf(tx, actor, body.regionCode);
        await checkScope(tx, regionCode, body.scope);
        await checkPlanLink(tx, actor, regionCode, body.planTaskId, body.planTargetMetric);
        await checkUnits(tx, actor, body.unitIds);
        const now = clock.now();
        const row = await campaignRepo.insert(tx, {
          regionCode,
          title: body.title,
          basis: body.basis,
          planTaskId: body.planTaskId,
          planTargetMetric: body.planTargetMetric,
          scope: normaliseScope(body.scope),
          checklist: body.checklist,
          unitIds: body.unitIds,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await campaignRepo.insertRounds(tx, roundValues(row.id, body.rounds, 0));
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'campaign',
          entityId: row.id,
          action: 'create',
          after: { ...auditedCampaign(row), rounds: body.rounds },
        });
        return row.id;
      });
      return detail(db, await load(db, actor, id));
    },

    async update(actor: Actor, id: number, body: CampaignUpdate): Promise<CampaignDetail> {
      if (body.checklist) await checkChecklist(body.checklist);
      await auditedTransaction(db, async (tx) => {
        const before = await load(tx, actor, id, { lock: true });
        if (before.version !== body.version) throw campaignErrors.stale(before.version);
        if (before.status === 'closed') throw campaignErrors.closed();
        const rounds = await campaignRepo.rounds(tx, [id]);
        const begun = rounds.some((r) => r.status !== 'planned');
        if (body.scope) {
          const scope = normaliseScope(body.scope);
          if (begun && !sameJson(scope, before.scope)) throw campaignErrors.invalid('scope', '已有轮次开始，检查范围不能再修改');
          await checkScope(tx, before.regionCode, scope);
        }
        if (body.checklist) {
          const keys = (items: CampaignChecklistItem[]) => items.map((i) => i.key).sort();
          if (begun && !sameJson(keys(body.checklist), keys(before.checklist)))
            throw campaignErrors.invalid('checklist', '已有轮次开始，检查项不能再增删（可修改文字）');
          const seen = new Set<string>();
          body.checklist.forEach((item, i) => {
            if (seen.has(item.key)) throw campaignErrors.invalid(`checklist.${i}.key`, `检查项代码“${item.key}”重复`);
            seen.add(item.key);
          });
        }
        const planTaskId = body.planTaskId !== undefined ? body.planTaskId : before.planTaskId;
        const metric =
          body.planTargetMetric !== undefined ? body.planTargetMetric : planTaskId === before.planTaskId ? before.planTargetMetric : null;
        if (body.planTaskId !== undefined || body.planTargetMetric !== undefined)
          await checkPlanLink(tx, actor, before.regionCode, planTaskId, metric);
        if (body.unitIds) await checkUnits(tx, actor, body.unitIds);
        if (body.rounds) await replanRounds(tx, id, rounds, body.rounds);
        const after = await campaignRepo.update(tx, id, before.version, {
          title: body.title ?? before.title,
          basis: body.basis ?? before.basis,
          planTaskId,
          planTargetMetric: metric,
          scope: body.scope ? normaliseScope(body.scope) : before.scope,
          checklist: body.checklist ?? before.checklist,
          unitIds: body.unitIds ?? before.unitIds,
          updatedAt: clock.now(),
        });
        if (!after) throw campaignErrors.stale(before.version + 1);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'campaign',
          entityId: id,
          action: 'update',
          before: auditedCampaign(before),
          after: { ...auditedCampaign(after), ...(body.rounds ? { rounds: body.rounds } : {}) },
        });
      });
      return detail(db, await load(db, actor, id));
    },

    /** Opens round `ordinal` (core roundOpenError: in order; early only with a reason); the campaign becomes active. */
    async openRound(actor: Actor, id: number, ordinal: number, reason: string | undefined): Promise<CampaignDetail> {
      await auditedTransaction(db, async (tx) => {
        const c = await load(tx, actor, id, { lock: true });
        if (c.status === 'closed') throw campaignErrors.closed();
        const rounds = await campaignRepo.rounds(tx, [id]);
        const refused = roundOpenError(rounds, ordinal, reason);
        if (refused) throw campaignErrors.round(refused, refused.includes('原因') ? 'reason' : 'ordinal');
        const round = rounds.find((r) => r.ordinal === ordinal) as CampaignRoundRow;
        const early = rounds.some((r) => r.ordinal < ordinal && r.status === 'open');
        const now = clock.now();
        await campaignRepo.updateRound(tx, round.id, {
          status: 'open',
          openedAt: now,
          openedBy: actor.userId,
          earlyReason: early ? (reason?.trim() ?? null) : null,
        });
        await campaignRepo.update(tx, id, c.version, { status: 'active', updatedAt: now });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'campaign',
          entityId: id,
          action: 'openRound',
          after: { ordinal, earlyReason: early ? reason : null },
        });
      });
      return detail(db, await load(db, actor, id));
    },

    /** Closes an open round on today's China date; with no round left to run, the campaign closes. */
    async closeRound(actor: Actor, id: number, ordinal: number, note: string | undefined): Promise<CampaignDetail> {
      await auditedTransaction(db, async (tx) => {
        const c = await load(tx, actor, id, { lock: true });
        const rounds = await campaignRepo.rounds(tx, [id]);
        const round = rounds.find((r) => r.ordinal === ordinal);
        if (!round) throw campaignErrors.round(`第 ${ordinal} 轮不存在`, 'ordinal');
        if (round.status !== 'open')
          throw campaignErrors.round(`第 ${ordinal} 轮${round.status === 'planned' ? '尚未开始' : '已结束'}，不能结束`, 'ordinal');
        const now = clock.now();
        await campaignRepo.updateRound(tx, round.id, {
          status: 'closed',
          closedOn: today(),
          closedAt: now,
          closedBy: actor.userId,
          closeNote: note ?? null,
        });
        const allClosed = rounds.every((r) => r.id === round.id || r.status === 'closed');
        await campaignRepo.update(tx, id, c.version, allClosed ? { status: 'closed', closedAt: now, updatedAt: now } : { updatedAt: now });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'campaign',
          entityId: id,
          action: 'closeRound',
          after: { ordinal, closedOn: today(), note: note ?? null, campaignClosed: allClosed },
        });
      });
      return detail(db, await load(db, actor, id));
    },

    /** Ends the campaign: open rounds close today; rounds never begun stay as they are (not counted). */
    async close(actor: Actor, id: number): Promise<CampaignDetail> {
      await auditedTransaction(db, async (tx) => {
        const c = await load(tx, actor, id, { lock: true });
        if (c.status === 'closed') throw campaignErrors.closed();
        const now = clock.now();
        const closed: number[] = [];
        for (const r of await campaignRepo.rounds(tx, [id])) {
          if (r.status !== 'open') continue;
          await campaignRepo.updateRound(tx, r.id, { status: 'closed', closedOn: today(), closedAt: now, closedBy: actor.userId });
          closed.push(r.ordinal);
        }
        await campaignRepo.update(tx, id, c.version, { status: 'closed', closedAt: now, updatedAt: now });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'campaign',
          entityId: id,
          action: 'close',
          after: { roundsClosed: closed },
        });
      });
      return detail(db, await load(db, actor, id));
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
