import { type HazardSummary, hazardChannelLabels, isCleared, isOpen } from '@anzhi/core';
import { Button, Card, Empty, Flex, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DeadlineText, EscalationTag, GradeTag, HazardStatusTag, SupervisionTag } from './hazard-tags.tsx';

interface HazardMobileListProps {
  items: HazardSummary[];
  total: number | undefined;
  /** The search matched more than `total` rows (a text search's count stops at a cap). */
  totalCapped?: boolean;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  empty: ReactNode;
}

function HazardCard({ h }: { h: HazardSummary }) {
  return (
    <Link to={`/hazards/${h.id}`} className="hazard-mobile-item" data-testid="hazard-card">
      <Card size="small">
        <Flex justify="space-between" align="start" gap={8}>
          <strong className="hazard-mobile-title">{h.title}</strong>
          <GradeTag grade={h.grade} />
        </Flex>
        <div className="muted hazard-mobile-meta">
          {h.enterpriseName ?? h.placeName ?? '—'} · {h.regionName ?? h.regionCode}
        </div>
        <div className="muted hazard-mobile-meta">
          {h.code} · {hazardChannelLabels[h.channel]} · 发现 {h.foundOn}
        </div>
        <Flex gap={6} wrap align="center" style={{ marginTop: 8 }}>
          <HazardStatusTag status={h.status} />
          <SupervisionTag level={h.supervisionLevel} />
          <EscalationTag step={h.escalationStep} />
          {isCleared(h.status) ? (
            <span className="muted">销号 {h.closedOn}</span>
          ) : h.deadline && isOpen(h.status) ? (
            <DeadlineText h={h} prefix="期限 " />
          ) : null}
        </Flex>
      </Card>
    </Link>
  );
}

/** On a phone: one card per hazard, the whole card a tap target, and 加载更多 at the bottom instead of page numbers. */
export function HazardMobileList({ items, total, totalCapped, loading, hasMore, loadingMore, onLoadMore, empty }: HazardMobileListProps) {
  if (loading && !items.length) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 5 }} />
      </Card>
    );
  }
  if (!items.length) return <Card>{empty}</Card>;
  return (
    <Flex vertical gap={8} data-testid="hazard-table" className="hazard-mobile-list">
      {total !== undefined ? <div className="muted">{totalCapped ? `超过 ${total} 条` : `共 ${total} 条`}</div> : null}
      {items.map((h) => (
        <HazardCard key={h.id} h={h} />
      ))}
      {hasMore ? (
        <Button block size="large" loading={loadingMore} onClick={onLoadMore} data-testid="hazard-load-more">
          加载更多
        </Button>
      ) : (
        <div className="muted" style={{ textAlign: 'center', padding: 8 }}>
          已全部加载
        </div>
      )}
    </Flex>
  );
}

export function EmptyHazards({ filtered }: { filtered: boolean }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有符合条件的隐患' : '尚未登记隐患'} />;
}
