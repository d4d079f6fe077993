import { type DueCheckList, dueCheckList, type VenuePatrolList, venuePatrolList } from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client.ts';
import { loadWithCopy, offlineQuery } from '../../../lib/offline/load-with-copy.ts';
import { useCurrentUser } from '../../../lib/session.ts';

export const todayChecksKey = ['dual', 'phone', 'today'] as const;
export const venuePatrolsKey = (month: string) => ['dual', 'phone', 'patrols', month] as const;

/** 今日排查: the signed-in account's due checks of today with their checklists. */
export function useTodayChecks() {
  const user = useCurrentUser();
  return useQuery({
    ...offlineQuery,
    queryKey: [...todayChecksKey, user.id],
    queryFn: () => loadWithCopy<DueCheckList>(user.id, 'today', async () => dueCheckList.parse(await request('GET', '/check-tasks/today'))),
  });
}

/** 小场所巡查: the grid's small venues of a month, patrolled or not. */
export function useVenuePatrols(month: string) {
  const user = useCurrentUser();
  return useQuery({
    ...offlineQuery,
    queryKey: [...venuePatrolsKey(month), user.id],
    queryFn: () =>
      loadWithCopy<VenuePatrolList>(user.id, `patrols:${month}`, async () =>
        venuePatrolList.parse(await request('GET', '/venue-patrols', { query: { month } })),
      ),
  });
}
