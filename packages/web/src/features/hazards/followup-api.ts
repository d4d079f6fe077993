import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { hazardsKey } from './api.ts';

export type HazardCheckStatus = 'open' | 'clear' | 'found';

import type { HazardCheck, HazardCheckAnswer, HazardReportItem, HazardReportList } from '@anzhi/core';

export type { HazardCheck, HazardCheckAnswer, HazardReportItem };

export type HazardReports = HazardReportList;

const checksKey = ['hazard-checks'] as const;
const reportsKey = ['hazard-reports'] as const;

export function usePropagateHazard(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { criterionCode: string; deadline: string }) => call('POST /hazards/{id}/propagate', { params: { id }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: checksKey }),
  });
}

export function useHazardChecks(status: HazardCheckStatus, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...checksKey, status, page, pageSize],
    queryFn: ({ signal }) => call('GET /hazard-checks', { query: { status, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAnswerHazardCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: HazardCheckAnswer }) =>
      call('POST /hazard-checks/{id}/answer', { params: { id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: checksKey });
      void queryClient.invalidateQueries({ queryKey: hazardsKey });
    },
  });
}

export function useHazardReports(enabled: boolean) {
  return useQuery({
    queryKey: [...reportsKey],
    queryFn: ({ signal }) => call('GET /hazard-reports', { signal }),
    enabled,
  });
}

export function useSignHazardReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => call('POST /hazard-reports/{period}/sign', { params: { period } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
}

/** 2025Q4 → 2025年第4季度; 2025 → 2025年度. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(period);
  return m ? `${m[1]}年第${m[2]}季度` : `${period}年度`;
}
