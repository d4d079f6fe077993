import { riskLevelColours } from '@anzhi/core';
import { Card, Empty, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { OfflineNotice } from '../../../lib/offline/offline-notice.tsx';
import { usePhoneSync } from '../../../lib/offline/phone-sync.tsx';
import { useVenuePatrols } from './api.ts';
import { dualRecords } from './dual-outbox.ts';

/** This month on the device's calendar, e.g. 2026-12. */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** /dual/m/patrols — 小场所巡查: the grid's small venues of this month, patrolled or not. */
export function PatrolsPage() {
  const month = thisMonth();
  const list = useVenuePatrols(month);
  const { outbox } = usePhoneSync();
  const waiting = new Set(
    dualRecords(outbox)
      .filter((r) => r.record.kind === 'patrol')
      .map((r) => r.record.enterpriseId),
  );

  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError) return <QueryError error={list.error} title="巡查清单加载失败" onRetry={() => void list.refetch()} />;
  const { data, offlineSince } = list.data;

  return (
    <div data-testid="phone-patrols">
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        小场所巡查 <Typography.Text type="secondary">{data.month}</Typography.Text>
      </Typography.Title>
      <OfflineNotice since={offlineSince} />
      <Progress
        percent={data.total ? Math.round((data.patrolled / data.total) * 100) : 0}
        format={() => `${data.patrolled}/${data.total}`}
      />
      {data.items.length === 0 ? <Empty description="本网格还没有登记小场所" /> : null}
      <div className="phone-card-list" style={{ marginTop: 8 }}>
        {data.items.map((venue) => {
          const colour = riskLevelColours[venue.riskColour];
          return (
            <Link key={venue.enterpriseId} to={`/dual/m/patrols/${venue.enterpriseId}`} className="phone-tap" data-testid="patrol-venue">
              <Card size="small" hoverable style={{ borderLeft: `6px solid ${colour.hex}` }}>
                <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                  <span style={{ fontSize: 16 }}>{venue.name}</span>
                  {waiting.has(venue.enterpriseId) ? (
                    <Tag color="orange">待同步</Tag>
                  ) : venue.patrolCount > 0 ? (
                    <Tag color={venue.lastAbnormalCount ? 'red' : 'green'}>
                      {venue.lastAbnormalCount ? `已巡查 · ${venue.lastAbnormalCount} 项异常` : '已巡查'}
                    </Tag>
                  ) : (
                    <Tag>未巡查</Tag>
                  )}
                </Space>
                <Typography.Text type="secondary">
                  {venue.smallVenueTypeLabel} · {colour.name}
                  {venue.address ? ` · ${venue.address}` : ''}
                </Typography.Text>
              </Card>
            </Link>
          );
        })}
      </div>
    </div>
  );
}
