import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { OutboxPanel } from '../../../lib/offline/outbox-panel.tsx';
import { PhoneSyncProvider } from '../../../lib/offline/phone-sync.tsx';
import { SyncBar } from '../../../lib/offline/sync-bar.tsx';
import { registerServiceWorker } from '../../../lib/service-worker.ts';
import '../../../lib/offline/phone.css';

/**
 * /campaigns/m/… and /o/:code: the 专项检查 phone pages, usable offline like the dual-prevention ones (ADR 0025) —
 * the same outbox, sync bar and refused-record panel (a 专项检查 carries the path it is fixed at).
 */
export function CampaignPhoneLayout() {
  useEffect(registerServiceWorker, []);
  return (
    <PhoneSyncProvider>
      <div className="phone-pages">
        <SyncBar />
        <OutboxPanel fixPathOf={() => '/campaigns/m'} />
        <Outlet />
      </div>
    </PhoneSyncProvider>
  );
}
