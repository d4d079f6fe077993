import type { Enterprise, EnterpriseInput } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Page } from '../../lib/api-client.ts';
import type { EnterpriseFilters } from './enterprise-filters.ts';

export const enterprisesKey = ['enterprises'] as const;

export function useEnterprises(filters: EnterpriseFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...enterprisesKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /enterprises', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: number) {
  return useQuery({
    queryKey: [...enterprisesKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /enterprises/{id}', { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useEnterpriseHistory(id: number) {
  return useQuery({
    queryKey: [...enterprisesKey, 'history', id],
    queryFn: ({ signal }) => call('GET /enterprises/{id}/history', { params: { id }, signal }).then((r) => r.items),
  });
}

export function useEnterpriseTenants(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...enterprisesKey, 'tenants', id],
    queryFn: ({ signal }) => call('GET /enterprises/{id}/tenants', { params: { id }, signal }).then((r) => r.items),
    enabled,
  });
}

export function useEnterpriseStats(filters: EnterpriseFilters) {
  return useQuery({
    queryKey: [...enterprisesKey, 'stats', filters],
    queryFn: ({ signal }) => call('GET /enterprises/stats', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Enterprises matching a few typed characters, for pickers such as the 厂中厂 landlord. */
export function useEnterpriseSearch(q: string) {
  return useQuery({
    queryKey: [...enterprisesKey, 'search', q],
    queryFn: ({ signal }) => call('GET /enterprises', { query: { q: q || undefined, page: 1, pageSize: 20, sort: 'name' }, signal }),
    select: (page: Page<Enterprise>) => page.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

function useInvalidateEnterprises() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: enterprisesKey });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export type EnterpriseUpdate = Partial<EnterpriseInput> & { version: number };

export function useCreateEnterprise() {
  const onSuccess = useInvalidateEnterprises();
  return useMutation({ mutationFn: (body: EnterpriseInput) => call('POST /enterprises', { body }), onSuccess });
}

export function useUpdateEnterprise() {
  const onSuccess = useInvalidateEnterprises();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: EnterpriseUpdate }) => call('PATCH /enterprises/{id}', { params: { id }, body }),
    onSuccess,
  });
}

/** Uploads a workbook; `dryRun` only checks it and reports what would change. */
export function useImportEnterprises() {
  const onSuccess = useInvalidateEnterprises();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return call('POST /enterprises/import', { query: { dryRun }, body: form });
    },
    onSuccess: (result) => {
      if (!result.dryRun) onSuccess();
    },
  });
}

/** 一企一档: hazards, 举一反三 checks, 季报/年报 and the shown risk level with its reason. */
export function useEnterpriseFile(id: number) {
  return useQuery({
    queryKey: [...enterprisesKey, 'file', id],
    queryFn: ({ signal }) => call('GET /enterprises/{id}/file', { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
