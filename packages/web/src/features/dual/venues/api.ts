import type { VenueCoverageQuery, VenueCreateBody, VenuePatrolFilter } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';

/** The patrol list's filters as the URL carries them (the coverage page links here with the same keys). */
export interface VenueFilters {
  month?: string;
  regionCode?: string;
  filter?: VenuePatrolFilter;
}

const venuesKey = ['venue-patrols'] as const;

export function useVenuePatrols(filters: VenueFilters) {
  return useQuery({
    queryKey: [...venuesKey, 'list', filters],
    queryFn: ({ signal }) => call('GET /venue-patrols', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useVenueCoverage(query: Partial<VenueCoverageQuery>) {
  return useQuery({
    queryKey: [...venuesKey, 'coverage', query],
    queryFn: ({ signal }) => call('GET /venue-patrols/coverage', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRegisterVenue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VenueCreateBody) => call('POST /venues', { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: venuesKey }),
  });
}

/** Registry rows to link a venue to (出租方 or the operator's enterprise), searched by name. */
export function useLandlordOptions(q: string) {
  return useQuery({
    queryKey: ['enterprises', 'landlord-options', q],
    queryFn: ({ signal }) => call('GET /enterprises', { query: { q, page: 1, pageSize: 20 }, signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
