import type { ApiBody } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';

/** 名录库 and 双随机 draws: TanStack Query hooks over the typed client. */
export const inspectorsKey = ['enforcement-inspectors'] as const;
export const targetsKey = ['enforcement-targets'] as const;
export const drawsKey = ['draws'] as const;

type Filters = Record<string, string | undefined>;

export function useInspectors(filters: Filters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...inspectorsKey, filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /enforcement-inspectors', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveInspector() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: number; body: ApiBody<'POST /enforcement-inspectors'> | ApiBody<'PATCH /enforcement-inspectors/{id}'> }) =>
      v.id
        ? call('PATCH /enforcement-inspectors/{id}', {
            params: { id: v.id },
            body: v.body as ApiBody<'PATCH /enforcement-inspectors/{id}'>,
          })
        : call('POST /enforcement-inspectors', { body: v.body as ApiBody<'POST /enforcement-inspectors'> }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inspectorsKey }),
  });
}

export function useDeactivateInspector() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; version: number; reason: string }) =>
      call('POST /enforcement-inspectors/{id}/deactivate', { params: { id: v.id }, body: { version: v.version, reason: v.reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inspectorsKey }),
  });
}

export function useTargets(filters: Filters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...targetsKey, filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /enforcement-targets', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDeriveTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (unitId: number) => call('POST /enforcement-targets/derive', { body: { unitId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: targetsKey }),
  });
}

export function useAddTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { unitId: number; enterpriseId: number }) => call('POST /enforcement-targets', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: targetsKey }),
  });
}

export function useTargetExclusion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; excluded: boolean; reason: string }) =>
      call('POST /enforcement-targets/{id}/exclusion', { params: { id: v.id }, body: { excluded: v.excluded, reason: v.reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: targetsKey }),
  });
}

export function useDraws(filters: Filters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...drawsKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /draws', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDraw(id: number) {
  return useQuery({
    queryKey: [...drawsKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /draws/{id}', { params: { id }, signal }),
    enabled: id > 0,
  });
}

export function useCommitDraw() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'POST /draws'>) => call('POST /draws', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: drawsKey }),
  });
}

export function useRunDraw() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('POST /draws/{id}/run', { params: { id } }),
    onSuccess: (d) => {
      qc.setQueryData([...drawsKey, 'detail', d.id], d);
      return qc.invalidateQueries({ queryKey: [...drawsKey, 'list'] });
    },
  });
}

/** The public record: no login, so a 401 must not send the visitor to the login page. */
export function usePublicDraw(id: number) {
  return useQuery({
    queryKey: ['public-draw', id],
    queryFn: ({ signal }) => call('GET /public/draws/{id}', { params: { id }, signal, skipAuthHandler: true }),
    enabled: id > 0,
    retry: false,
  });
}
