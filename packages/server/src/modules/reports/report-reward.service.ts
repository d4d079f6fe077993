import {
  computeReward,
  isRegionCode,
  type ReportConfig,
  type ReportRewardDetail,
  type RewardApproveBody,
  type RewardDeclineBody,
  type RewardLedger,
  type RewardLedgerQuery,
  type RewardPayBody,
  type RewardProposal,
  type RewardProposeBody,
  type RewardStatus,
  rewardClaimDueOn,
  rewardIneligibility,
  rewardStatusLabels,
} from '@anzhi/core';
import { eq, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { loadSettingsBook } from '../settings/settings.resolver.ts';
import { units } from '../units/unit.table.ts';
import { reportEvents, reportMessages, reportRewards } from './report.table.ts';
import { presentReward, type ReportRow, type RewardRow, rewardRepo } from './report-reward.repo.ts';

const field = (path: string, message: string) => errors.badRequest('report.reward_invalid', message, [{ path, message }]);
const yuan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

async function configOf(ex: Executor, report: ReportRow): Promise<ReportConfig> {
  return (await loadSettingsBook(ex)).forRegion(report.regionCode).report;
}

/**
 * What core computes now from the verified case: the fine is the linked penalty's when imposed, else the one the
 * approver entered (POST), else none; who may not be rewarded at all comes from core's rewardIneligibility.
 */
async function proposalOf(ex: Executor, report: ReportRow, config: ReportConfig, entered?: number): Promise<RewardProposal> {
  const imposed = await rewardRepo.imposedFine(ex, report.enforcementPenaltyId);
  const fineAmount = imposed ?? entered ?? null;
  const fineSource = imposed != null ? 'penalty' : entered != null ? 'entered' : 'none';
  const ineligible = rewardIneligibility(report, config);
  const matter = report.matter;
  const base = {
    matter,
    fineAmount,
    fineSource,
    penaltyId: imposed != null ? report.enforcementPenaltyId : null,
    concealedDeaths: report.concealedDeaths,
    accidentGrade: report.accidentGrade,
    ineligible,
  } as const;
  if (!matter) return { ...base, eligible: false, amount: null, rule: null, reason: '举报事项类别未确定', figures: {} };
  const c = computeReward({ matter, fineAmount, concealedDeaths: report.concealedDeaths, accidentGrade: report.accidentGrade }, config);
  return c.eligible
    ? { ...base, eligible: true, amount: c.amount, rule: c.rule, reason: null, figures: c.figures }
    : { ...base, eligible: false, amount: null, rule: null, reason: c.reason, figures: c.figures };
}

/**
 * 举报奖励 (regulations.md §4): proposed by the system from the verified case with the rule and figures, approved
 * by a person (a different amount needs a note), the reporter told to claim it within the township's claim window,
 * then paid — or declined, or lapsed by the sweep. The reporter's identity never appears here.
 */
export function createRewardService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  async function load(tx: Tx, actor: Actor, reportId: number) {
    const report = await rewardRepo.reportInScope(tx, actor.scope, reportId, true);
    if (!report) throw errors.notFound('举报', 'report.not_found');
    return report;
  }

  async function loadReward(tx: Tx, actor: Actor, reportId: number, version: number, from: RewardStatus) {
    const report = await load(tx, actor, reportId);
    const reward = await rewardRepo.rewardOf(tx, reportId, true);
    if (!reward) throw errors.badRequest('report.reward_missing', '该举报尚未生成奖励建议');
    if (reward.version !== version) throw errors.conflict('report.version_conflict', '该奖励已被他人修改，请刷新后重试');
    if (reward.status !== from)
      throw errors.badRequest('report.reward_transition', `奖励当前为“${rewardStatusLabels[reward.status]}”，不能执行此操作`);
    return { report, reward };
  }

  async function event(
    tx: Tx,
    actor: Actor,
    reportId: number,
    kind: 'rewardProposed' | 'rewardApproved' | 'rewardDeclined' | 'rewardPaid',
    note: string | null,
    data: Record<string, unknown>,
  ) {
    await tx.insert(reportEvents).values({ reportId, kind, note, data, actorId: actor.userId, at: clock.now() });
  }

  async function update(tx: Tx, actor: Actor, reward: RewardRow, action: string, set: Partial<typeof reportRewards.$inferInsert>) {
    await tx
      .update(reportRewards)
      .set({ ...set, updatedAt: clock.now(), version: sql`${reportRewards.version} + 1` })
      .where(eq(reportRewards.id, reward.id));
    await audit.record(tx, auditActorOf(actor), {
      entityType: 'reportReward',
      entityId: reward.id,
      action,
      before: { status: reward.status, amount: reward.amount },
      after: set,
    });
  }

  async function detail(ex: Executor, actor: Actor, reportId: number): Promise<ReportRewardDetail> {
    const report = await rewardRepo.reportInScope(ex, actor.scope, reportId);
    if (!report) throw errors.notFound('举报', 'report.not_found');
    const reward = await rewardRepo.rewardOf(ex, reportId);
    const proposal = await proposalOf(ex, report, await configOf(ex, report));
    return { reward: reward ? presentReward(reward, report.trackingCode) : null, proposal };
  }

  return {
    get: (actor: Actor, reportId: number) => detail(db, actor, reportId),

    async propose(actor: Actor, reportId: number, body: RewardProposeBody): Promise<ReportRewardDetail> {
      await auditedTransaction(db, async (tx) => {
        const report = await load(tx, actor, reportId);
        const existing = await rewardRepo.rewardOf(tx, reportId, true);
        if (existing && existing.status !== 'proposed')
          throw errors.conflict('report.reward_exists', `该举报的奖励已${rewardStatusLabels[existing.status]}，不能重新生成建议`);
        const p = await proposalOf(tx, report, await configOf(tx, report), body.fineAmount);
        if (p.ineligible) throw errors.badRequest('report.reward_ineligible', p.ineligible);
        if (!p.eligible || p.amount == null || p.rule == null)
          throw errors.badRequest('report.reward_ineligible', p.reason ?? '不符合举报奖励条件');
        const now = clock.now();
        const values = {
          status: 'proposed' as const,
          rule: p.rule,
          figures: p.figures,
          computedAmount: p.amount,
          proposedAt: now,
          proposedBy: actor.userId,
        };
        if (existing) await update(tx, actor, existing, 'repropose', values);
        else {
          const [row] = await tx
            .insert(reportRewards)
            .values({ reportId, regionCode: report.regionCode, ...values, createdAt: now, updatedAt: now })
            .returning();
          if (!row) throw new Error('reward insert returned nothing');
          await audit.record(tx, auditActorOf(actor), { entityType: 'reportReward', entityId: row.id, action: 'propose', after: values });
        }
        await event(tx, actor, reportId, 'rewardProposed', p.rule, { amount: p.amount, fineSource: p.fineSource });
      });
      return detail(db, actor, reportId);
    },

    async approve(actor: Actor, reportId: number, body: RewardApproveBody): Promise<ReportRewardDetail> {
      await auditedTransaction(db, async (tx) => {
        const { report, reward } = await loadReward(tx, actor, reportId, body.version, 'proposed');
        const computed = Number(reward.computedAmount);
        const amount = body.amount ?? computed;
        const note = body.note?.trim() || null;
        if (amount !== computed && !note) throw field('note', `批准金额与计算金额（${yuan(computed)}）不同，须说明理由`);
        if (amount <= 0) throw field('amount', '奖励金额应大于 0；不予奖励请选择“不予奖励”');
        const now = clock.now();
        const today = chinaToday(now);
        const claimDueOn = rewardClaimDueOn(today, await configOf(tx, report));
        await update(tx, actor, reward, 'approve', {
          status: 'approved',
          amount,
          decidedAt: now,
          decidedBy: actor.userId,
          decisionNote: note,
          notifiedOn: today,
          claimDueOn,
        });
        const [unit] = actor.unitId ? await tx.select({ name: units.name }).from(units).where(eq(units.id, actor.unitId)) : [];
        await tx.insert(reportMessages).values({
          reportId,
          kind: 'notice',
          body: `您的举报经核查属实，拟奖励 ${yuan(amount)}，请于 ${claimDueOn} 前凭查询码联系${unit?.name ?? '受理举报的部门'}领取，逾期视为放弃。`,
          authorId: actor.userId,
          at: now,
        });
        await event(tx, actor, reportId, 'rewardApproved', note, { amount, computedAmount: computed, claimDueOn });
      });
      return detail(db, actor, reportId);
    },

    async decline(actor: Actor, reportId: number, body: RewardDeclineBody): Promise<ReportRewardDetail> {
      await auditedTransaction(db, async (tx) => {
        const { reward } = await loadReward(tx, actor, reportId, body.version, 'proposed');
        await update(tx, actor, reward, 'decline', {
          status: 'declined',
          decidedAt: clock.now(),
          decidedBy: actor.userId,
          decisionNote: body.reason,
        });
        await event(tx, actor, reportId, 'rewardDeclined', body.reason, {});
      });
      return detail(db, actor, reportId);
    },

    async pay(actor: Actor, reportId: number, body: RewardPayBody): Promise<ReportRewardDetail> {
      await auditedTransaction(db, async (tx) => {
        const { reward } = await loadReward(tx, actor, reportId, body.version, 'approved');
        const today = chinaToday(clock.now());
        if (body.paidOn > today) throw field('paidOn', '发放日期不能晚于今天');
        if (reward.notifiedOn && body.paidOn < reward.notifiedOn)
          throw field('paidOn', `发放日期不能早于领取通知日期（${reward.notifiedOn}）`);
        if (reward.claimDueOn && body.paidOn > reward.claimDueOn)
          throw field('paidOn', `领取期限已于 ${reward.claimDueOn} 届满，逾期未领取视为放弃，不能再登记发放`);
        await update(tx, actor, reward, 'pay', { status: 'paid', paidOn: body.paidOn, paidBy: actor.userId, paymentRef: body.paymentRef });
        await event(tx, actor, reportId, 'rewardPaid', null, { paidOn: body.paidOn, paymentRef: body.paymentRef });
      });
      return detail(db, actor, reportId);
    },

    async ledger(actor: Actor, q: RewardLedgerQuery): Promise<RewardLedger> {
      if (q.regionCode && !isRegionCode(q.regionCode)) throw field('regionCode', '行政区划代码不正确');
      return rewardRepo.ledger(db, actor.scope, q);
    },
  };
}

export type RewardService = ReturnType<typeof createRewardService>;
