import type {
  ReportRewardDetail,
  RewardApproveBody,
  RewardDeclineBody,
  RewardLedgerQuery,
  RewardPayBody,
  RewardProposeBody,
} from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export type { ReportRewardDetail };

const rewardKey = ['report-reward'] as const;
const ledgerKey = ['report-rewards'] as const;

/** The ledger's filters as the URL carries them (`status` may be several, comma-separated). */
export type RewardLedgerFilters = Partial<Omit<RewardLedgerQuery, 'page' | 'pageSize' | 'status'>> & { status?: string };

export function useReportReward(reportId: number) {
  return useQuery({
    queryKey: [...rewardKey, reportId],
    queryFn: ({ signal }) => call('GET /reports/{id}/reward', { params: { id: reportId }, signal }),
    enabled: Number.isInteger(reportId) && reportId > 0,
  });
}

type Step =
  | { step: 'propose'; body: RewardProposeBody }
  | { step: 'approve'; body: RewardApproveBody }
  | { step: 'decline'; body: RewardDeclineBody }
  | { step: 'pay'; body: RewardPayBody };

/** One mutation for the reward's steps: each answers the reward and the proposal anew. */
export function useRewardStep(reportId: number) {
  const qc = useQueryClient();
  const params = { id: reportId };
  return useMutation({
    mutationFn: (s: Step): Promise<ReportRewardDetail> => {
      switch (s.step) {
        case 'propose':
          return call('POST /reports/{id}/reward', { params, body: s.body });
        case 'approve':
          return call('POST /reports/{id}/reward/approve', { params, body: s.body });
        case 'decline':
          return call('POST /reports/{id}/reward/decline', { params, body: s.body });
        case 'pay':
          return call('POST /reports/{id}/reward/pay', { params, body: s.body });
      }
    },
    onSuccess: (data) => {
      qc.setQueryData([...rewardKey, reportId], data);
      void qc.invalidateQueries({ queryKey: ledgerKey });
    },
  });
}

export function useRewardLedger(filters: RewardLedgerFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...ledgerKey, filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /report-rewards', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const yuan = (n: number | null | undefined) => (n == null ? '—' : `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`);
