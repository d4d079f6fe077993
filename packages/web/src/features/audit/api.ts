import type { AuditEvent, AuditVerifyResult } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api-client.ts';

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
    queryFn: () => api.get<Page<AuditEvent>>('/audit-events', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** Recomputes the hash chain on the server; a button press, not a background query. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/audit-events/verify') });
}
