import { CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { usePhoneSync } from './phone-sync.tsx';

/** The bar above every phone field page: how many records wait for the network, and 立即同步. */
export function SyncBar() {
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
