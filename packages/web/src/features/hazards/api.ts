import type {
  HazardAction,
  HazardCreate,
  HazardDynamicZero,
  HazardDynamicZeroRow,
  HazardGroupBy,
  HazardPage,
  HazardStats,
} from '@anzhi/core';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../../lib/api-client.ts';
import { useCan, useCurrentUser } from '../../lib/session.ts';
import type { HazardFilters } from './hazard-filters.ts';

export const hazardsKey = ['hazards'] as const;

export type { HazardPage, HazardStats };
export type DynamicZeroRow = HazardDynamicZeroRow;
export type DynamicZero = HazardDynamicZero;

/** The desk ledger: numbered pages. */
export function useHazards(filters: HazardFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...hazardsKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /hazards', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The phone ledger: 加载更多 with the keyset cursor, so the tenth tap costs what the first did. */
export function useHazardFeed(filters: HazardFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...hazardsKey, 'feed', filters],
    queryFn: ({ pageParam, signal }) => call('GET /hazards', { query: { ...filters, pageSize: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useHazard(id: number) {
  return useQuery({
    queryKey: [...hazardsKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /hazards/{id}', { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useHazardStats(groupBy: HazardGroupBy, filters: HazardFilters) {
  return useQuery({
    queryKey: [...hazardsKey, 'stats', groupBy, filters],
    queryFn: ({ signal }) => call('GET /hazards/stats', { query: { ...filters, groupBy }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** 动态清零 by region, by 行业领域 (domain) or by 国民经济门类 (industry, counted by 大类 and folded here). */
export function useDynamicZero(cutoff: string, groupBy: 'region' | 'domain' | 'industry', filters: HazardFilters) {
  const industryScheme = groupBy === 'industry' ? 'section' : 'domain';
  return useQuery({
    queryKey: [...hazardsKey, 'dynamic-zero', cutoff, groupBy, filters],
    queryFn: ({ signal }) => call('GET /hazards/dynamic-zero', { query: { ...filters, cutoff, groupBy, industryScheme }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every criterion in the library by code, to name the ones a hazard cites (a few hundred items, rarely changed). */
export function useCriteriaByCode(enabled: boolean) {
  const canRead = useCan('criteria.read');
  const query = useQuery({
    queryKey: ['criteria', 'items'],
    queryFn: ({ signal }) => call('GET /criteria/items', { signal }).then((r) => r.items),
    enabled: enabled && canRead,
    staleTime: 10 * 60_000,
  });
  const byCode = useMemo(() => new Map((query.data ?? []).map((c) => [c.code, c])), [query.data]);
  return { ...query, byCode };
}

/**
 * An enterprise account's own enterprise. The session does not carry its id, but the account's scope is that one
 * enterprise, so the enterprise list holds exactly it.
 */
export function useOwnEnterprise() {
  const user = useCurrentUser();
  const isEnterprise = user.roles.includes('enterprise');
  const query = useQuery({
    queryKey: ['enterprises', 'own'],
    queryFn: ({ signal }) => call('GET /enterprises', { query: { page: 1, pageSize: 2 }, signal }),
    enabled: isEnterprise,
    staleTime: 10 * 60_000,
  });
  const own = query.data?.items.length === 1 ? query.data.items[0] : undefined;
  return { isEnterprise, enterprise: own, isPending: isEnterprise && query.isPending, isError: query.isError, error: query.error };
}

function useInvalidateHazards() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: hazardsKey });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useCreateHazard() {
  const invalidate = useInvalidateHazards();
  return useMutation({ mutationFn: (body: HazardCreate) => call('POST /hazards', { body }), onSuccess: invalidate });
}

export interface HazardActionRequest {
  id: number;
  action: HazardAction;
  body: Record<string, unknown> & { version: number };
}

/** One step of the loop; the answer is the new detail, put straight into the cache. */
export function useHazardAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: HazardActionRequest) =>
      call('POST /hazards/{id}/actions/{action}', { params: { id, action }, body }),
    onSuccess: (detail) => {
      queryClient.setQueryData([...hazardsKey, 'detail', detail.id], detail);
      // Lists and statistics change with the step; the detail just set is already the server's answer.
      void queryClient.invalidateQueries({
        queryKey: hazardsKey,
        predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === detail.id),
      });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

/** 催办: remind whoever's step the hazard waits for; the detail then shows the 催办 on its timeline. */
export function useHazardRemind(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('POST /hazards/{id}/remind', { params: { id } }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [...hazardsKey, 'detail', id] }),
  });
}
