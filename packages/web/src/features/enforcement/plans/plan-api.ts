import type { EnforcementPlanAmendmentBody, EnforcementPlanCreate, EnforcementPlanPatch } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';

export const enforcementPlansKey = ['enforcement-plans'] as const;

export interface EnforcementPlanFilters {
  unitId?: string;
  year?: string;
  status?: 'draft' | 'approved';
}

export function useEnforcementPlans(filters: EnforcementPlanFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...enforcementPlansKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /enforcement-plans', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEnforcementPlan(id: number) {
  return useQuery({
    queryKey: [...enforcementPlansKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /enforcement-plans/{id}', { params: { id }, signal }),
    enabled: id > 0,
  });
}

/** The capacity an empty form field stands for (settings, the unit's inspectors with a valid 执法证). */
export function useEnforcementPlanDefaults(unitId: number | undefined, year: number | undefined) {
  return useQuery({
    queryKey: [...enforcementPlansKey, 'defaults', unitId, year],
    queryFn: ({ signal }) => call('GET /enforcement-plans/defaults', { query: { unitId, year }, signal }),
    enabled: !!unitId && !!year,
  });
}

export function useEnforcementPlanMonth(id: number, month: number | null) {
  return useQuery({
    queryKey: [...enforcementPlansKey, 'month', id, month],
    queryFn: ({ signal }) => call('GET /enforcement-plans/{id}/month', { params: { id }, query: { month }, signal }),
    enabled: id > 0 && month != null,
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: enforcementPlansKey });
}

export function useProposePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: EnforcementPlanCreate) => call('POST /enforcement-plans', { body }),
    onSuccess: invalidate,
  });
}

export function usePatchPlan(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: EnforcementPlanPatch) => call('PATCH /enforcement-plans/{id}', { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useApprovePlan(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (version: number) => call('POST /enforcement-plans/{id}/approve', { params: { id }, body: { version } }),
    onSuccess: invalidate,
  });
}

export function useAmendPlan(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: EnforcementPlanAmendmentBody) => call('POST /enforcement-plans/{id}/amendments', { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useSchedulePlanMonth(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (month: number) => call('POST /enforcement-plans/{id}/schedule', { params: { id }, body: { month } }),
    onSuccess: invalidate,
  });
}
