import type { ApiBody } from '@anzhi/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { regionsQueryKey } from '../../lib/regions-query.ts';

export { useRegionList as useRegions } from '../../lib/regions-query.ts';

export type RegionCreateInput = ApiBody<'POST /regions'>;
export type RegionUpdateInput = ApiBody<'PATCH /regions/{code}'>;

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
    mutationFn: (body: RegionCreateInput) => call('POST /regions', { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateRegion() {
  const invalidate = useInvalidateRegions();
  return useMutation({
    mutationFn: ({ code, ...body }: RegionUpdateInput & { code: string }) => call('PATCH /regions/{code}', { params: { code }, body }),
    onSuccess: invalidate,
  });
}
