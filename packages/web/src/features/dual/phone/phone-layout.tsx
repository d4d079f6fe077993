import { useEffect } from 'react';
import { Outlet } from 'react-router';
import type { OutboxRecord } from '../../../lib/offline/offline-db.ts';
import { OutboxPanel } from '../../../lib/offline/outbox-panel.tsx';
import { PhoneSyncProvider } from '../../../lib/offline/phone-sync.tsx';
import { SyncBar } from '../../../lib/offline/sync-bar.tsx';
import { registerServiceWorker } from '../../../lib/service-worker.ts';
import '../../../lib/offline/phone.css';
import type { CheckRecordInput } from '@anzhi/core';

/** Where a refused 排查记录 is opened again to be fixed (records of other kinds carry their own path). */
export function fixPath(row: OutboxRecord): string {
  const record = row.record as CheckRecordInput;
  const base = record.kind === 'task' ? `/dual/m/checks/${record.taskPeriodId}` : `/dual/m/patrols/${record.enterpriseId}`;
  return `${base}?fix=${row.clientId}`;
}

/** /dual/m/…: the phone's check pages, usable offline (ADR 0025). */
export function PhoneLayout() {
  useEffect(registerServiceWorker, []);
  return (
    <PhoneSyncProvider>
      <div className="phone-pages">
        <SyncBar />
        <OutboxPanel fixPathOf={fixPath} />
        <Outlet />
      </div>
    </PhoneSyncProvider>
  );
}
