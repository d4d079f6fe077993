import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useCurrentUser } from '../session.ts';
import { checkDb, type OutboxRecord } from './offline-db.ts';
import { userOutbox } from './outbox.ts';
import { syncOutbox } from './sync.ts';
import { useLive } from './use-live.ts';

interface PhoneSync {
  /** The account's outbox, oldest first: pending records and those the server refused. */
  outbox: OutboxRecord[];
  pending: number;
  conflicts: number;
  syncing: boolean;
  online: boolean;
  syncNow: () => Promise<void>;
}

const PhoneSyncContext = createContext<PhoneSync | null>(null);

export function usePhoneSync(): PhoneSync {
  const value = useContext(PhoneSyncContext);
  if (!value) throw new Error('usePhoneSync() outside PhoneSyncProvider');
  return value;
}

const retryEveryMs = 60_000;

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/**
 * The phone's field pages (双重预防 /dual/m, 专项检查 /campaigns/m) share one outbox per account: either layout sends
 * every pending record, whatever its kind.
 * Sends the outbox when the pages open, when the browser comes back online, every minute while records wait, and on
 * 立即同步. `syncOutbox` holds the lock, so these never overlap. "同步完成" is said once, when a round empties the
 * outbox of pending records.
 */
export function PhoneSyncProvider({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const online = useOnline();
  const [syncing, setSyncing] = useState(false);
  const outbox = useLive(() => userOutbox(checkDb(), user.id), [user.id], [] as OutboxRecord[]);
  const pending = outbox.filter((r) => r.state === 'pending').length;
  const conflicts = outbox.length - pending;

  const userId = user.id;
  const syncNow = useCallback(async () => {
    setSyncing(true);
    try {
      const summary = await syncOutbox(checkDb(), userId);
      if (summary.skipped) return;
      if (summary.synced > 0) {
        // Every feature's phone lists are keyed [feature, 'phone', …]: a synced record may be any feature's.
        await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[1] === 'phone' });
        if (summary.waiting === 0) message.success(`同步完成：已上传 ${summary.synced} 条记录`);
      }
      if (summary.refused > 0) message.error(`${summary.refused} 条记录被服务器退回，请查看原因后修改或放弃`);
    } finally {
      setSyncing(false);
    }
  }, [userId, queryClient, message]);

  // The latest syncNow for the listeners below, without re-subscribing them.
  const latest = useRef(syncNow);
  latest.current = syncNow;
  useEffect(() => {
    const run = () => void latest.current();
    run();
    window.addEventListener('online', run);
    const timer = window.setInterval(() => {
      if (navigator.onLine) run();
    }, retryEveryMs);
    return () => {
      window.removeEventListener('online', run);
      window.clearInterval(timer);
    };
  }, []);

  const value = useMemo(
    () => ({ outbox, pending, conflicts, syncing, online, syncNow }),
    [outbox, pending, conflicts, syncing, online, syncNow],
  );
  return <PhoneSyncContext.Provider value={value}>{children}</PhoneSyncContext.Provider>;
}
