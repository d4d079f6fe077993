import { type DueCheckList, dueCheckList, type VenuePatrolList, venuePatrolList } from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, request } from '../../../lib/api-client.ts';
import { useCurrentUser } from '../../../lib/session.ts';
import { checkDb } from './offline-db.ts';
import { getSnapshot, putSnapshot } from './outbox.ts';

/** A list from the server, or the copy kept on the phone when the server cannot be reached. */
export interface Cached<T> {
  data: T;
  /** When the copy was saved (epoch ms), set only when it was read from the phone. */
  offlineSince?: number;
}

export const todayChecksKey = ['dual', 'phone', 'today'] as const;
export const venuePatrolsKey = (month: string) => ['dual', 'phone', 'patrols', month] as const;

/**
 * Loads from the server and keeps a copy on the phone; without a network answers the copy. Only a network failure
 * (no answer at all) falls back: a refusal from the server is shown as it is.
 */
async function loadWithCopy<T>(userId: number, what: string, load: () => Promise<T>): Promise<Cached<T>> {
  try {
    const data = await load();
    await putSnapshot(checkDb(), userId, what, data).catch(() => undefined);
    return { data };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 0)) throw error;
    const copy = await getSnapshot<T>(checkDb(), userId, what).catch(() => undefined);
    if (!copy) throw error;
    return { data: copy.data, offlineSince: copy.savedAt };
  }
}

const offlineQuery = { networkMode: 'always' as const, retry: false, staleTime: 30_000 };

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
