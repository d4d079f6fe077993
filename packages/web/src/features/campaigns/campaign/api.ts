import type {
  CampaignDetail,
  CampaignInput,
  CampaignObjectQuery,
  CampaignObjectRow,
  CampaignProgress,
  CampaignSummary,
  CampaignUpdate,
  CriteriaLibraryItem,
  ObjectType,
  PlanProgressNode,
} from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call } from '../../../lib/api-client.ts';

export type { CampaignDetail, CampaignObjectRow, CampaignProgress, CampaignSummary, CriteriaLibraryItem, ObjectType, PlanProgressNode };

const campaignsKey = ['campaigns'] as const;

export interface CampaignFilters {
  status?: CampaignSummary['status'];
  q?: string;
}

/** 专项整治 list (GET /campaigns). */
export function useCampaigns(filters: CampaignFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...campaignsKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /campaigns', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: number | undefined) {
  return useQuery({
    queryKey: [...campaignsKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /campaigns/{id}', { params: { id: id ?? 0 }, signal }),
    enabled: !!id,
  });
}

export function useCampaignProgress(id: number | undefined) {
  return useQuery({
    queryKey: [...campaignsKey, 'progress', id],
    queryFn: ({ signal }) => call('GET /campaigns/{id}/progress', { params: { id: id ?? 0 }, signal }),
    enabled: !!id,
  });
}

export type ObjectListQuery = Partial<Omit<CampaignObjectQuery, 'page' | 'pageSize'>>;

/** The objects behind a progress figure (GET /campaigns/{id}/objects). */
export function useCampaignObjects(id: number, query: ObjectListQuery, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...campaignsKey, 'objects', id, query, page, pageSize],
    queryFn: ({ signal }) => call('GET /campaigns/{id}/objects', { params: { id }, query: { ...query, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignCheck(id: number | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'check', id],
    queryFn: ({ signal }) => call('GET /campaign-checks/{id}', { params: { id: id ?? 0 }, signal }),
    enabled: id !== null,
  });
}

function useRefreshCampaigns() {
  const qc = useQueryClient();
  return (detail?: CampaignDetail) => {
    if (detail) qc.setQueryData([...campaignsKey, 'detail', detail.id], detail);
    void qc.invalidateQueries({ queryKey: campaignsKey });
  };
}

export function useCreateCampaign() {
  const refresh = useRefreshCampaigns();
  return useMutation({
    mutationFn: (body: CampaignInput) => call('POST /campaigns', { body }),
    onSuccess: refresh,
  });
}

export function useUpdateCampaign(id: number) {
  const refresh = useRefreshCampaigns();
  return useMutation({
    mutationFn: (body: CampaignUpdate) => call('PUT /campaigns/{id}', { params: { id }, body }),
    onSuccess: refresh,
  });
}

/** 开始 / 结束 a round; an early start carries its reason (core roundOpenError decides on the server). */
export function useRoundAction(id: number) {
  const refresh = useRefreshCampaigns();
  return useMutation({
    mutationFn: (v: { ordinal: number; action: 'open' | 'close'; text?: string }) =>
      v.action === 'open'
        ? call('POST /campaigns/{id}/rounds/{ordinal}/open', { params: { id, ordinal: v.ordinal }, body: { reason: v.text || undefined } })
        : call('POST /campaigns/{id}/rounds/{ordinal}/close', { params: { id, ordinal: v.ordinal }, body: { note: v.text || undefined } }),
    onSuccess: refresh,
  });
}

export function useCloseCampaign(id: number) {
  const refresh = useRefreshCampaigns();
  return useMutation({ mutationFn: () => call('POST /campaigns/{id}/close', { params: { id } }), onSuccess: refresh });
}

export const campaignSummaryUrl = (id: number) => apiUrl(`/campaigns/${id}/summary.docx`);
export const campaignTableUrl = (id: number) => apiUrl(`/campaigns/${id}/table.xlsx`);
export const objectLabelsUrl = (typeId: number) => apiUrl('/ledger-objects/labels.docx', { typeId });

// ---- what the form picks from ----------------------------------------------------------------------------------

/** 专项台账 types with their default checklists (GET /ledger-object-types). */
export function useObjectTypes() {
  return useQuery({
    queryKey: ['ledgers', 'types'],
    queryFn: ({ signal }) => call('GET /ledger-object-types', { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

/** Published plans, for linking a campaign to one of their tasks. */
export function usePublishedPlans(enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'published-for-campaigns'],
    queryFn: ({ signal }) => call('GET /plans', { query: { status: 'published', page: 1, pageSize: 200 }, signal }).then((r) => r.items),
    enabled,
    staleTime: 60_000,
  });
}

/** The tasks of a plan (the progress tree's task nodes) with their quantitative targets. */
export function usePlanTasks(planId: number | null | undefined) {
  return useQuery({
    queryKey: ['plans', 'tasks-for-campaigns', planId],
    queryFn: ({ signal }) =>
      call('GET /plans/{id}', { params: { id: planId ?? 0 }, signal }).then((r) => r.nodes.filter((n) => n.kind === 'task')),
    enabled: !!planId,
    staleTime: 60_000,
  });
}

/** Every criteria item in use (判定标准库), for the checklist builder. */
export function useCriteriaLibrary(enabled: boolean) {
  return useQuery({
    queryKey: ['criteria', 'items'],
    queryFn: ({ signal }) => call('GET /criteria/items', { signal }).then((r) => r.items),
    enabled,
    staleTime: 10 * 60_000,
  });
}
