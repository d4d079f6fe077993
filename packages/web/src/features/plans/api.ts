import type { PlanDispatchSave, PlanDraftPatch, PlanImportText, PlanSettingsPatch, PlanStatus } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../../lib/api-client.ts';
import { useUnitOptions } from '../../lib/units-query.ts';

export const plansKey = ['plans'] as const;
export const dispatchKey = ['plan-dispatch'] as const;

export interface PlanListFilters {
  status?: PlanStatus;
  q?: string;
}

export function usePlans(filters: PlanListFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...plansKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /plans', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlanDraft(id: number) {
  return useQuery({
    queryKey: [...plansKey, 'draft', id],
    queryFn: ({ signal }) => call('GET /plans/{id}/draft', { params: { id }, signal }),
    enabled: id > 0,
    // A refetch while a task is being edited would reset the editor; the draft changes only through this page.
    refetchOnWindowFocus: false,
  });
}

export function usePlanProgress(id: number, period: string | undefined) {
  return useQuery({
    queryKey: [...plansKey, 'progress', id, period],
    queryFn: ({ signal }) => call('GET /plans/{id}', { params: { id }, query: { period }, signal }),
    enabled: id > 0,
    placeholderData: keepPreviousData,
  });
}

export function usePlanTimeline(id: number) {
  return useQuery({
    queryKey: [...plansKey, 'timeline', id],
    queryFn: ({ signal }) => call('GET /plans/{id}/timeline', { params: { id }, signal }).then((r) => r.items),
    enabled: id > 0,
  });
}

export function usePlanRankings(id: number, period: string | undefined) {
  return useQuery({
    queryKey: [...plansKey, 'rankings', id, period],
    queryFn: ({ signal }) => call('GET /plans/{id}/rankings', { params: { id }, query: { period }, signal }),
    enabled: id > 0,
    placeholderData: keepPreviousData,
  });
}

function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: plansKey });
    void queryClient.invalidateQueries({ queryKey: dispatchKey });
  };
}

/** A file or pasted text: the two ways a plan document comes in. */
export type PlanSource = { kind: 'file'; file: File } | { kind: 'text'; body: PlanImportText };

/** The request body for a plan source: JSON for pasted text, a multipart form for a file. */
function sourceBody(source: PlanSource): PlanImportText | FormData {
  if (source.kind === 'text') return source.body;
  const form = new FormData();
  form.append('file', source.file, source.file.name);
  return form;
}

export function useImportPlan() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ source, regionCode }: { source: PlanSource; regionCode?: string }) =>
      call('POST /plans/import', { query: { regionCode }, body: sourceBody(source) }),
    onSuccess: (draft) => {
      queryClient.setQueryData([...plansKey, 'draft', draft.plan.id], draft);
      invalidate();
    },
  });
}

/** Every review edit answers with the whole draft, which replaces the cached one (new version included). */
export function usePatchDraft(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: PlanDraftPatch) => call('PATCH /plans/{id}/draft', { params: { id }, body: patch }),
    onSuccess: (draft) => {
      queryClient.setQueryData([...plansKey, 'draft', id], draft);
      void queryClient.invalidateQueries({ queryKey: [...plansKey, 'list'] });
    },
  });
}

export function usePublishPlan(id: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (version: number) => call('POST /plans/{id}/publish', { params: { id }, body: { version } }),
    onSuccess: invalidate,
  });
}

export function useDeleteDraft(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => call('DELETE /plans/{id}', { params: { id }, query: { version } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [...plansKey, 'draft', id] });
      void queryClient.invalidateQueries({ queryKey: [...plansKey, 'list'] });
    },
  });
}

/** `apply: false` only compares; `apply: true` changes the plan (with the version the preview was made against). */
export function useReimportPlan(id: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ source, apply, version }: { source: PlanSource; apply: boolean; version?: number }) =>
      call('POST /plans/{id}/reimport', { params: { id }, query: { apply, version }, body: sourceBody(source) }),
    onSuccess: (result) => {
      if (result.applied) invalidate();
    },
  });
}

export function useUpdateSettings(id: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (patch: PlanSettingsPatch) => call('PATCH /plans/{id}/settings', { params: { id }, body: patch }),
    onSuccess: invalidate,
  });
}

export interface DispatchTarget {
  period: string;
  unitId?: number;
  villageCode?: string;
}

export function useDispatch(target: DispatchTarget, enabled = true) {
  return useQuery({
    queryKey: [...dispatchKey, target],
    queryFn: ({ signal }) => call('GET /plan-dispatch', { query: { ...target }, signal }),
    enabled,
    // The form is filled from this answer; refetching under the user's fingers would wipe what they typed.
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** 一键催报: notices to every unit that has not reported this month (once a day per unit). */
export function useRemindPlan(id: number) {
  return useMutation({ mutationFn: () => call('POST /plans/{id}/remind', { params: { id } }) });
}

export function useSaveDispatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanDispatchSave) => call('PUT /plan-dispatch', { body }),
    onSuccess: (dispatch, body) => {
      const target: DispatchTarget = { period: body.period, unitId: body.unitId, villageCode: body.villageCode };
      queryClient.setQueryData([...dispatchKey, target], dispatch);
      void queryClient.invalidateQueries({ queryKey: plansKey });
    },
  });
}

/** Short names of the member units (应急办 for 示例镇应急管理办公室): tags on a crowded task row stay readable. */
export function useUnitShortNames(): ReadonlyMap<number, string> {
  const units = useUnitOptions();
  return useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.shortName || u.name])), [units.data]);
}
