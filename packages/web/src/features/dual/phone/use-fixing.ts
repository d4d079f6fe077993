import { useSearchParams } from 'react-router';
import type { OutboxRecord } from './offline-db.ts';
import { usePhoneSync } from './phone-sync.tsx';

/** The refused record named by `?fix=<clientId>`, if it is still in the outbox. */
export function useFixing(): OutboxRecord | undefined {
  const [params] = useSearchParams();
  const { outbox } = usePhoneSync();
  const id = params.get('fix');
  return id ? outbox.find((r) => r.clientId === id && r.state === 'conflict') : undefined;
}
