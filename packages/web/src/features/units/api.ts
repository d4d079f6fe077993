import type { Unit, UnitKind } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api-client.ts';

export interface UnitListParams {
  q?: string;
  kind?: UnitKind;
  page: number;
  pageSize: number;
}

export interface UnitInput {
  name: string;
  shortName?: string | null;
  aliases?: string[];
  kind: UnitKind;
  regionCode: string;
  industries?: string[];
  supervisedRegionCodes?: string[];
  phone?: string | null;
}

export type UnitPatch = Partial<UnitInput> & { disabled?: boolean };

export function useUnits(params: UnitListParams) {
  return useQuery({
    queryKey: ['units', 'list', params],
    queryFn: () => api.get<Page<Unit>>('/units', { ...params }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['units'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useCreateUnit() {
  const onSuccess = useInvalidateUnits();
  return useMutation({ mutationFn: (body: UnitInput) => api.post<Unit>('/units', body), onSuccess });
}

export function useUpdateUnit() {
  const onSuccess = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, ...body }: UnitPatch & { id: number }) => api.patch<Unit>(`/units/${id}`, body),
    onSuccess,
  });
}
