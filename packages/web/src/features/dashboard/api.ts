import type { AuditEvent } from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';

export interface DashboardSummary {
  regionCount: number;
  villageCount: number;
  unitCount: number;
  userCount: number;
  recentEvents: AuditEvent[];
}

export function useDashboardSummary() {
  return useQuery({
    queryKey: ['dashboard', 'summary'],
    queryFn: () => api.get<DashboardSummary>('/dashboard/summary'),
  });
}
