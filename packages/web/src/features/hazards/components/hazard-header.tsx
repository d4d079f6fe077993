import { type HazardDetail, isCleared } from '@anzhi/core';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { EscalationTag, GradeTag, HazardStatusTag, OverdueTag, SupervisionTag } from './hazard-tags.tsx';

/** Who, what and how urgent, at a glance; the actions sit on the right on a desk, in a bottom bar on a phone. */
export function HazardHeader({ h, actions }: { h: HazardDetail; actions?: ReactNode }) {
  return (
    <Card className="hazard-header" data-testid="hazard-header">
      <Flex justify="space-between" align="start" gap={16} wrap>
        <Flex vertical gap={8} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Flex gap={8} align="center" wrap>
            <GradeTag grade={h.grade} />
            <Typography.Title level={4} className="hazard-title" data-testid="hazard-title">
              {h.title}
            </Typography.Title>
          </Flex>
          <Typography.Text type="secondary">
            {h.code} · {h.enterpriseName ?? h.placeName ?? '—'} · {h.regionName ?? h.regionCode}
          </Typography.Text>
          <Flex gap={8} wrap align="center">
            <HazardStatusTag status={h.status} />
            <OverdueTag h={h} />
            <SupervisionTag level={h.supervisionLevel} />
            <EscalationTag step={h.escalationStep} />
            <span className="muted">
              {isCleared(h.status) ? `销号 ${h.closedOn ?? '—'}` : h.deadline ? `整改期限 ${h.deadline}` : '整改期限待定'}
            </span>
          </Flex>
        </Flex>
        {actions}
      </Flex>
    </Card>
  );
}
