import { checkCycleLabels, type DueCheck, taskPeriodStatusLabels } from '@anzhi/core';
import { Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { OfflineNotice } from '../../../lib/offline/offline-notice.tsx';
import { usePhoneSync } from '../../../lib/offline/phone-sync.tsx';
import { useTodayChecks } from './api.ts';
import { dualRecords } from './dual-outbox.ts';

const statusColour = { open: 'blue', done: 'green', missed: 'red' } as const;

/** Due checks grouped by their owner post (岗位) or person, in the order the server gives. */
function groupByPost(items: DueCheck[]): Array<{ key: string; label: string; items: DueCheck[] }> {
  const groups = new Map<string, { key: string; label: string; items: DueCheck[] }>();
  for (const item of items) {
    const key = item.postId !== null ? `post-${item.postId}` : `owner-${item.ownerName ?? ''}`;
    const label = item.ownerName ? `责任人：${item.ownerName}` : item.postId !== null ? `岗位 ${item.postId}` : '未指定岗位';
    const group = groups.get(key) ?? { key, label, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** /dual/m/checks — 今日排查: today's due checks on the phone, from the server or the copy kept offline. */
export function ChecksPage() {
  const today = useTodayChecks();
  const { outbox } = usePhoneSync();
  const waiting = new Set(
    dualRecords(outbox)
      .filter((r) => r.record.kind === 'task')
      .map((r) => r.record.taskPeriodId),
  );

  if (today.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (today.isError) return <QueryError error={today.error} title="今日排查任务加载失败" onRetry={() => void today.refetch()} />;
  const { data, offlineSince } = today.data;

  return (
    <div data-testid="phone-checks">
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        今日排查 <Typography.Text type="secondary">{data.asOf}</Typography.Text>
      </Typography.Title>
      <OfflineNotice since={offlineSince} />
      {data.items.length === 0 ? <Empty description="今天没有需要排查的任务" /> : null}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {groupByPost(data.items).map((group) => (
          <div key={group.key}>
            <Typography.Text type="secondary">{group.label}</Typography.Text>
            <div className="phone-card-list" style={{ marginTop: 6 }}>
              {group.items.map((check) => {
                const pending = waiting.has(check.taskPeriodId);
                return (
                  <Link key={check.taskPeriodId} to={`/dual/m/checks/${check.taskPeriodId}`} className="phone-tap" data-testid="due-check">
                    <Card size="small" hoverable>
                      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                        <span style={{ fontSize: 16 }}>{check.title}</span>
                        {pending ? (
                          <Tag color="orange">待同步</Tag>
                        ) : (
                          <Tag color={statusColour[check.status]}>{taskPeriodStatusLabels[check.status]}</Tag>
                        )}
                      </Space>
                      <Typography.Text type="secondary">
                        {checkCycleLabels[check.cycle]} · {check.items.length} 项{check.cycle === 'shift' ? ` · 第 ${check.slot} 班` : ''}
                      </Typography.Text>
                    </Card>
                  </Link>
                );
              })}
            </div>
          </div>
        ))}
      </Space>
    </div>
  );
}
