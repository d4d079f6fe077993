import { useQuery } from '@tanstack/react-query';
import { call } from './api-client.ts';
import { useCan } from './session.ts';

/** All member units for pickers (a township has dozens, not thousands); under the `units` key so edits refresh it. */
export const unitOptionsQueryKey = ['units', 'options'] as const;

export function useUnitOptions() {
  const canRead = useCan('unit.read');
  return useQuery({
    queryKey: unitOptionsQueryKey,
    queryFn: () => call('GET /units', { query: { page: 1, pageSize: 500 } }).then((r) => r.items),
    enabled: canRead,
    staleTime: 5 * 60_000,
  });
}
