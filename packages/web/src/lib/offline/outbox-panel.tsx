import { Alert, Button, List, Popconfirm, Space } from 'antd';
import { Link } from 'react-router';
import { checkDb, type OutboxRecord } from './offline-db.ts';
import { discardRecord } from './outbox.ts';
import { usePhoneSync } from './phone-sync.tsx';

/**
 * Records the server refused, each with its Chinese reason: fix it (opens the form again: the path the record was
 * saved with, else `fixPathOf`) or discard it.
 */
export function OutboxPanel({ fixPathOf }: { fixPathOf: (row: OutboxRecord) => string }) {
  const { outbox } = usePhoneSync();
  const refused = outbox.filter((r) => r.state === 'conflict');
  if (refused.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      message={`${refused.length} 条记录未被接收`}
      data-testid="phone-refused"
      description={
        <List
          size="small"
          dataSource={refused}
          renderItem={(row) => (
            <List.Item
              actions={[
                <Link key="fix" to={row.fixPath ?? fixPathOf(row)}>
                  修改
                </Link>,
                <Popconfirm key="drop" title="放弃这条记录？放弃后不可恢复" onConfirm={() => void discardRecord(checkDb(), row.clientId)}>
                  <Button type="link" danger size="small">
                    放弃
                  </Button>
                </Popconfirm>,
              ]}
            >
              <Space direction="vertical" size={0}>
                <strong>{row.title}</strong>
                <span>{row.error}</span>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
