import type {
  ReportAcceptBody,
  ReportAssignBody,
  ReportDetail,
  ReportExtendBody,
  ReportListItem,
  ReportListQuery,
  ReportMergeBody,
  ReportMessageBody,
  ReportOutcomeBody,
  ReportRegisterBody,
  ReportRejectBody,
  ReportUnmergeBody,
} from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';

export type { ReportDetail, ReportListItem };
export type ReportFilters = Partial<Omit<ReportListQuery, 'page' | 'pageSize'>>;

const reportsKey = ['reports'] as const;

export function useReports(filters: ReportFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...reportsKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /reports', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: number) {
  return useQuery({
    queryKey: [...reportsKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /reports/{id}', { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** 查看举报人: fetched on demand only (each view is recorded), never cached. */
export function useRevealIdentity(id: number) {
  return useMutation({ mutationFn: () => call('GET /reports/{id}/identity', { params: { id } }) });
}

export function useRegisterReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportRegisterBody) => call('POST /reports', { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

type Steps = {
  accept: ReportAcceptBody;
  reject: ReportRejectBody;
  assign: ReportAssignBody;
  extend: ReportExtendBody;
  messages: ReportMessageBody;
  outcome: ReportOutcomeBody;
  merge: ReportMergeBody;
  unmerge: ReportUnmergeBody;
};

/** One step of handling; the detail comes back and replaces the cached one. */
export function useReportStep<S extends keyof Steps>(id: number, step: S) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Steps[S]) =>
      call(`POST /reports/{id}/${step}` as 'POST /reports/{id}/accept', { params: { id }, body: body as never }),
    onSuccess: (detail: ReportDetail) => {
      qc.setQueryData([...reportsKey, 'detail', id], detail);
      void qc.invalidateQueries({ queryKey: [...reportsKey, 'list'] });
    },
  });
}
