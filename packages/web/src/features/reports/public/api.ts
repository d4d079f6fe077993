import { type PublicReportStatus, reportDeviceHeader, reportSecretHeader } from '@anzhi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';
import { reportDeviceId } from './report-device.ts';

/**
 * The reporter's calls (no account): a 401 must never send them to the login page, and a failure is shown at once
 * instead of retried (a wrong secret counts towards the limit).
 */
const publicCall = { skipAuthHandler: true } as const;

export function usePublicReportEnterprise(publicCode: string | undefined) {
  return useQuery({
    queryKey: ['public-report-enterprise', publicCode],
    queryFn: ({ signal }) =>
      call('GET /public/report-enterprises/{publicCode}', { params: { publicCode: publicCode ?? '' }, signal, ...publicCall }),
    enabled: !!publicCode,
    retry: false,
    staleTime: 10 * 60_000,
  });
}

/** Name search while typing (the caller debounces); at least 2 characters, as the server requires. */
export function useReportEnterpriseSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['public-report-enterprises', term],
    queryFn: ({ signal }) => call('GET /public/report-enterprises', { query: { q: term }, signal, ...publicCall }),
    enabled: term.length >= 2,
    retry: false,
    staleTime: 60_000,
  });
}

export function usePublicReportRegions(enabled: boolean) {
  return useQuery({
    queryKey: ['public-report-regions'],
    queryFn: ({ signal }) => call('GET /public/report-regions', { signal, ...publicCall }),
    enabled,
    retry: false,
    staleTime: 60 * 60_000,
  });
}

/** Sends the form (text fields and photo parts) with this browser's device id. */
export function useSubmitPublicReport() {
  return useMutation({
    mutationFn: (form: FormData) =>
      call('POST /public/reports', { body: form, headers: { [reportDeviceHeader]: reportDeviceId() }, ...publicCall }),
  });
}

export interface ReportCredentials {
  trackingCode: string;
  secret: string;
}

export const publicReportKey = ['public-report'] as const;

/**
 * The report as its reporter sees it. The secret travels in a header only, never in the URL or the query key: each
 * lookup is its own `attempt`, so a corrected secret for the same code is asked afresh.
 */
export function usePublicReportStatus(credentials: ReportCredentials | null, attempt: number) {
  return useQuery({
    queryKey: [...publicReportKey, credentials?.trackingCode ?? '', attempt],
    queryFn: ({ signal }) =>
      call('GET /public/reports/{trackingCode}', {
        params: { trackingCode: credentials?.trackingCode ?? '' },
        headers: { [reportSecretHeader]: credentials?.secret ?? '' },
        signal,
        ...publicCall,
      }),
    enabled: !!credentials,
    retry: false,
  });
}

export function useReplyToReport(credentials: ReportCredentials) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      call('POST /public/reports/{trackingCode}/messages', {
        params: { trackingCode: credentials.trackingCode },
        headers: { [reportSecretHeader]: credentials.secret },
        body: { body },
        ...publicCall,
      }),
    onSuccess: (status: PublicReportStatus) => qc.setQueriesData({ queryKey: [...publicReportKey, credentials.trackingCode] }, status),
  });
}
