import { ApiError } from '../api-client.ts';
import { checkDb } from './offline-db.ts';
import { getSnapshot, putSnapshot } from './outbox.ts';

/** A list from the server, or the copy kept on the phone when the server cannot be reached. */
export interface Cached<T> {
  data: T;
  /** When the copy was saved (epoch ms), set only when it was read from the phone. */
  offlineSince?: number;
}

/**
 * Loads from the server and keeps a copy on the phone; without a network answers the copy. Only a network failure
 * (no answer at all) falls back: a refusal from the server is shown as it is.
 */
export async function loadWithCopy<T>(userId: number, what: string, load: () => Promise<T>): Promise<Cached<T>> {
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

/** Query options of a phone list: tried without a network (the copy answers), not retried, fresh for 30 s. */
export const offlineQuery = { networkMode: 'always' as const, retry: false, staleTime: 30_000 };
