import type { Region } from '@anzhi/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { regionsQueryKey } from '../../lib/regions-query.ts';

export { useRegionList as useRegions } from '../../lib/regions-query.ts';

export interface RegionCreateInput {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface RegionUpdateInput {
  name?: string;
  abolished?: boolean;
}

function useInvalidateRegions() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: regionsQueryKey });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useCreateRegion() {
  const invalidate = useInvalidateRegions();
  return useMutation({
    mutationFn: (body: RegionCreateInput) => api.post<Region>('/regions', body),
    onSuccess: invalidate,
  });
}

export function useUpdateRegion() {
  const invalidate = useInvalidateRegions();
  return useMutation({
    mutationFn: ({ code, ...body }: RegionUpdateInput & { code: string }) =>
      api.patch<Region>(`/regions/${encodeURIComponent(code)}`, body),
    onSuccess: invalidate,
  });
}
