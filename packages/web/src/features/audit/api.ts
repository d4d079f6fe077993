import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export interface AuditListParams {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: string;
  q?: string;
  /** ISO 8601 with offset, e.g. 2026-01-01T00:00:00+08:00 */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditEvents(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit-events', 'list', params],
    queryFn: () => call('GET /audit-events', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

/** Recomputes the hash chain on the server; a button press, not a background query. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => call('GET /audit-events/verify') });
}
