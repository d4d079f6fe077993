import { CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { registerServiceWorker } from '../../../lib/service-worker.ts';
import { OutboxPanel } from './outbox-panel.tsx';
import { PhoneSyncProvider, usePhoneSync } from './phone-sync.tsx';
import './phone.css';

/** The bar above every phone check page: how many records wait for the network, and 立即同步. */
function SyncBar() {
  const { pending, conflicts, syncing, online, syncNow } = usePhoneSync();
  return (
    <div className="phone-sync-bar" data-testid="phone-sync-bar">
      {online ? null : (
        <Tag icon={<DisconnectOutlined />} color="default" data-testid="phone-offline">
          离线
        </Tag>
      )}
      {pending > 0 ? (
        <Tag color="orange" className="phone-sync-count" data-testid="phone-pending">
          待同步 {pending} 条
        </Tag>
      ) : (
        <Tag color="green" data-testid="phone-synced">
          已全部同步
        </Tag>
      )}
      {conflicts > 0 ? (
        <Tag color="red" data-testid="phone-conflicts">
          {conflicts} 条被退回
        </Tag>
      ) : null}
      <Button
        size="large"
        icon={<CloudSyncOutlined />}
        loading={syncing}
        disabled={!online || pending === 0}
        onClick={() => void syncNow()}
        data-testid="phone-sync-now"
        style={{ marginLeft: 'auto' }}
      >
        立即同步
      </Button>
    </div>
  );
}

/** /dual/m/…: the phone's check pages, usable offline (ADR 0025). */
export function PhoneLayout() {
  useEffect(registerServiceWorker, []);
  return (
    <PhoneSyncProvider>
      <div className="phone-pages">
        <SyncBar />
        <OutboxPanel />
        <Outlet />
      </div>
    </PhoneSyncProvider>
  );
}
