import { useSearchParams } from 'react-router';
import { usePhoneSync } from '../../../lib/offline/phone-sync.tsx';
import { type DualOutboxRecord, dualRecords } from './dual-outbox.ts';

/** The refused record named by `?fix=<clientId>`, if it is still in the outbox. */
export function useFixing(): DualOutboxRecord | undefined {
  const [params] = useSearchParams();
  const { outbox } = usePhoneSync();
  const id = params.get('fix');
  return id ? dualRecords(outbox).find((r) => r.clientId === id && r.state === 'conflict') : undefined;
}
