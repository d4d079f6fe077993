import type { DualOversight, DualOversightQuery, DualSignal, DualSignalListQuery } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call } from '../../../lib/api-client.ts';

export type { DualOversight, DualSignal };
export type SignalFilters = Partial<Omit<DualSignalListQuery, 'page' | 'pageSize'>>;

const signalsKey = ['dual', 'signals'] as const;
const oversightKey = ['dual', 'oversight'] as const;

/** 形式主义提示 (GET /dual-signals), newest first. */
export function useDualSignals(filters: SignalFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...signalsKey, filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /dual-signals', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** 排除 a signal with a reason (audited); refreshes the list and the statistics. */
export function useDismissSignal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; reason: string }) =>
      call('POST /dual-signals/{id}/dismiss', { params: { id: v.id }, body: { reason: v.reason } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: signalsKey });
      void qc.invalidateQueries({ queryKey: oversightKey });
    },
  });
}

/** 双重预防监督统计 (GET /dual-oversight) by enterprise, domain and village. */
export function useDualOversight(filters: DualOversightQuery) {
  return useQuery({
    queryKey: [...oversightKey, filters],
    queryFn: ({ signal }) => call('GET /dual-oversight', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function dualOversightExportUrl(filters: DualOversightQuery): string {
  return apiUrl('/dual-oversight/export', { ...filters });
}
