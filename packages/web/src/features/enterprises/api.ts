import type { AuditEvent, Enterprise, EnterpriseInput, EnterpriseStats, ImportResult } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../lib/api-client.ts';
import type { EnterpriseFilters } from './enterprise-filters.ts';

export const enterprisesKey = ['enterprises'] as const;

export function useEnterprises(filters: EnterpriseFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...enterprisesKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => api.get<Page<Enterprise>>('/enterprises', { ...filters, page, pageSize }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: number) {
  return useQuery({
    queryKey: [...enterprisesKey, 'detail', id],
    queryFn: ({ signal }) => api.get<Enterprise>(`/enterprises/${id}`, undefined, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useEnterpriseHistory(id: number) {
  return useQuery({
    queryKey: [...enterprisesKey, 'history', id],
    queryFn: ({ signal }) => api.get<{ items: AuditEvent[] }>(`/enterprises/${id}/history`, undefined, { signal }).then((r) => r.items),
  });
}

export function useEnterpriseTenants(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...enterprisesKey, 'tenants', id],
    queryFn: ({ signal }) =>
      api.get<{ items: Array<{ id: number; name: string }> }>(`/enterprises/${id}/tenants`, undefined, { signal }).then((r) => r.items),
    enabled,
  });
}

export function useEnterpriseStats(filters: EnterpriseFilters) {
  return useQuery({
    queryKey: [...enterprisesKey, 'stats', filters],
    queryFn: ({ signal }) => api.get<EnterpriseStats>('/enterprises/stats', filters, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Enterprises matching a few typed characters, for pickers such as the 厂中厂 landlord. */
export function useEnterpriseSearch(q: string) {
  return useQuery({
    queryKey: [...enterprisesKey, 'search', q],
    queryFn: ({ signal }) =>
      api.get<Page<Enterprise>>('/enterprises', { q: q || undefined, page: 1, pageSize: 20, sort: 'name' }, { signal }),
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
  return useMutation({ mutationFn: (body: EnterpriseInput) => api.post<Enterprise>('/enterprises', body), onSuccess });
}

export function useUpdateEnterprise() {
  const onSuccess = useInvalidateEnterprises();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: EnterpriseUpdate }) => api.patch<Enterprise>(`/enterprises/${id}`, body),
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
      const query: Query = { dryRun };
      return api.upload<ImportResult>('/enterprises/import', form, { query });
    },
    onSuccess: (result) => {
      if (!result.dryRun) onSuccess();
    },
  });
}
