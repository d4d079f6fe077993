import type { ApiBody, ApiQuery } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export type UnitListParams = ApiQuery<'GET /units'> & { page: number; pageSize: number };
export type UnitInput = ApiBody<'POST /units'>;
export type UnitPatch = ApiBody<'PATCH /units/{id}'>;

export function useUnits(params: UnitListParams) {
  return useQuery({
    queryKey: ['units', 'list', params],
    queryFn: () => call('GET /units', { query: { ...params } }),
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
  return useMutation({ mutationFn: (body: UnitInput) => call('POST /units', { body }), onSuccess });
}

export function useUpdateUnit() {
  const onSuccess = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, ...body }: UnitPatch & { id: number }) => call('PATCH /units/{id}', { params: { id }, body }),
    onSuccess,
  });
}
