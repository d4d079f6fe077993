import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/** The current answer of an IndexedDB query, kept up to date as the tables change (Dexie's liveQuery). */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => setValue(initial) });
    return () => subscription.unsubscribe();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the query depends on
  }, deps);
  return value;
}
