import type { CheckDetail } from '@anzhi/core';
import { App, Button, Card, Input, List, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCheckMutations } from './api.ts';

/** A signed record changes only by an amendment with its reason (更正，留痕). */
export function CheckAmendPanel({ check }: { check: CheckDetail }) {
  const { message } = App.useApp();
  const { amend } = useCheckMutations(check.id);
  const [reason, setReason] = useState('');
  const [explained, setExplained] = useState(check.explained ?? '');
  const [place, setPlace] = useState(check.place ?? '');
  const submit = () =>
    amend.mutate(
      { reason: reason.trim(), changes: { place: place.trim() || null, explained: explained.trim() || null } },
      {
        onSuccess: () => {
          message.success('已更正');
          setReason('');
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  return (
    <Card size="small" title="更正记录" style={{ marginTop: 12 }}>
      <List
        size="small"
        locale={{ emptyText: '无更正' }}
        dataSource={check.amendments}
        renderItem={(a) => (
          <List.Item>
            {a.at.slice(0, 10)} {a.actorName ?? ''}：{a.reason}
          </List.Item>
        )}
      />
      {check.canRecord ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input placeholder="检查地点" value={place} onChange={(e) => setPlace(e.target.value)} />
          <Input.TextArea placeholder="现场讲" value={explained} onChange={(e) => setExplained(e.target.value)} />
          <Input placeholder="更正原因（必填）" value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button disabled={reason.trim().length < 2} loading={amend.isPending} onClick={submit}>
            提交更正
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
