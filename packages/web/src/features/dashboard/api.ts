import type { DashboardSummary } from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export type { DashboardSummary };

export function useDashboardSummary() {
  return useQuery({
    queryKey: ['dashboard', 'summary'],
    queryFn: () => call('GET /dashboard/summary'),
  });
}
