import type { ApiQuery } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export type JobListParams = ApiQuery<'GET /jobs'> & { page: number; pageSize: number };

export function useJobs(params: JobListParams) {
  return useQuery({
    queryKey: ['jobs', 'list', params],
    queryFn: () => call('GET /jobs', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('POST /jobs/{id}/retry', { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
