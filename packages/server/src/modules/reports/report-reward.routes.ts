import {
  idParam,
  reportRewardDetail,
  rewardApproveBody,
  rewardDeclineBody,
  rewardLedger,
  rewardLedgerQuery,
  rewardPayBody,
  rewardProposeBody,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { RewardService } from './report-reward.service.ts';

/** 举报奖励: the proposal and the reward of a report, its approval, decline and payment, and the 奖励台账. */
export function registerRewardRoutes(app: FastifyInstance, rewards: RewardService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['举报'];
  const response = { 200: reportRewardDetail };

  r.get(
    '/api/v1/reports/:id/reward',
    { config: { access: 'report.read' }, schema: { tags, summary: '举报奖励及系统计算的奖励建议', params: idParam, response } },
    async (request) => rewards.get(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/reports/:id/reward',
    {
      config: { access: 'report.reward' },
      schema: { tags, summary: '生成奖励建议（按罚款金额或瞒报死亡人数计算）', params: idParam, body: rewardProposeBody, response },
    },
    async (request) => rewards.propose(requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/reports/:id/reward/approve',
    {
      config: { access: 'report.reward' },
      schema: { tags, summary: '批准奖励并通知举报人领取', params: idParam, body: rewardApproveBody, response },
    },
    async (request) => rewards.approve(requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/reports/:id/reward/decline',
    { config: { access: 'report.reward' }, schema: { tags, summary: '不予奖励', params: idParam, body: rewardDeclineBody, response } },
    async (request) => rewards.decline(requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/reports/:id/reward/pay',
    { config: { access: 'report.reward' }, schema: { tags, summary: '登记奖励发放', params: idParam, body: rewardPayBody, response } },
    async (request) => rewards.pay(requireActor(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/report-rewards',
    {
      config: { access: 'report.reward' },
      schema: { tags, summary: '举报奖励台账', querystring: rewardLedgerQuery, response: { 200: rewardLedger } },
    },
    async (request) => rewards.ledger(requireActor(request), request.query),
  );
}
