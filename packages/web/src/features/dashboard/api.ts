import type { DashboardSummary } from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export type { DashboardSummary };

/** Shared by the hook and the 工作台 route's loader, which starts the request while the page's code downloads. */
export const dashboardSummaryQuery = {
  queryKey: ['dashboard', 'summary'],
  queryFn: () => call('GET /dashboard/summary'),
};

export function useDashboardSummary() {
  return useQuery(dashboardSummaryQuery);
}
