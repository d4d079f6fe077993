import type { CheckPeriodListQuery, CheckRecordListQuery, CheckTaskCreateBody, CheckTaskUpdateBody } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';

const tasksKey = ['check-tasks'] as const;
const recordsKey = ['check-records'] as const;

export function useCheckTasks(enterpriseId: number | undefined) {
  return useQuery({
    queryKey: [...tasksKey, 'list', enterpriseId],
    queryFn: ({ signal }) => call('GET /check-tasks', { query: { enterpriseId }, signal }),
    enabled: enterpriseId !== undefined,
  });
}

function useTaskMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: tasksKey }) });
}

export const useCreateTask = () => useTaskMutation((body: CheckTaskCreateBody) => call('POST /check-tasks', { body }));
export const useUpdateTask = () =>
  useTaskMutation((v: { id: number; body: CheckTaskUpdateBody }) => call('PUT /check-tasks/{id}', { params: { id: v.id }, body: v.body }));
export const useDeactivateTask = () => useTaskMutation((id: number) => call('POST /check-tasks/{id}/deactivate', { params: { id } }));
export const useAdoptTemplates = () =>
  useTaskMutation((enterpriseId: number | undefined) => call('POST /check-tasks/templates', { body: { enterpriseId } }));

export function useCheckCalendar(enterpriseId: number | undefined, month: string) {
  return useQuery({
    queryKey: [...tasksKey, 'calendar', enterpriseId, month],
    queryFn: ({ signal }) => call('GET /check-tasks/calendar', { query: { enterpriseId, month }, signal }),
    enabled: enterpriseId !== undefined,
  });
}

export type RecordFilters = Partial<Omit<CheckRecordListQuery, 'page' | 'pageSize'>>;
export function useCheckRecords(filters: RecordFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...recordsKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /check-records', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCheckRecord(id: number | null) {
  return useQuery({
    queryKey: [...recordsKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /check-records/{id}', { params: { id: id as number }, signal }),
    enabled: id !== null,
  });
}

/** The due checks behind the oversight figures (GET /check-periods), filtered as the figure that links here. */
export type DueCheckFilters = Partial<Omit<CheckPeriodListQuery, 'page' | 'pageSize'>>;
export function useDueChecks(filters: DueCheckFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['check-periods', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /check-periods', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}
