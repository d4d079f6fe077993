import type { CurrentUser } from '@anzhi/core';
import { Col, Flex, Row } from 'antd';
import type { ReactNode } from 'react';
import { QueryError } from '../../../components/query-error.tsx';
import { hasPermission, useCurrentUser } from '../../../lib/session.ts';
import { useDashboardSummary } from '../api.ts';
import { GreetingCard } from '../components/greeting-card.tsx';
import { HazardCards } from '../components/hazard-cards.tsx';
import { RecentEventsCard } from '../components/recent-events-card.tsx';
import { ShortcutsCard } from '../components/shortcuts-card.tsx';
import { StatCards } from '../components/stat-cards.tsx';

/** The township's overview (leader dashboard) is for the office, leaders and the administrator; field roles get their work. */
export function seesOverview(user: CurrentUser): boolean {
  return user.roles.some((r) => r === 'admin' || r === 'office' || r === 'leader');
}

interface DashboardPageProps {
  /** The caller's to-dos (composed in app/: features do not import each other). */
  todos?: ReactNode;
  /** The caller's own numbers beside the hazard figures (to sign, to answer, 我登记的 …). */
  numbers?: ReactNode;
}

/**
 * 工作台: the first screen answers "what must I do now?" — the role's to-dos first, then its own numbers (hazards in its
 * scope: an enterprise's own, a village's region, a unit's supervised enterprises). Only the overview roles see the
 * township's counts of regions, units and accounts.
 */
export function DashboardPage({ todos, numbers }: DashboardPageProps) {
  const user = useCurrentUser();
  const summary = useDashboardSummary();
  const overview = seesOverview(user);
  const canOpenAudit = hasPermission(user, 'audit.read');
  const events = summary.data?.recentEvents ?? [];
  const showEvents = canOpenAudit || events.length > 0;

  return (
    <Flex vertical gap={16} data-testid="dashboard" data-home={overview ? 'overview' : 'field'}>
      <GreetingCard user={user} />
      {todos}
      {summary.isError ? <QueryError error={summary.error} title="统计数据加载失败" onRetry={() => void summary.refetch()} /> : null}
      {summary.data?.hazards ? <HazardCards hazards={summary.data.hazards} title={hazardTitle(user)} /> : null}
      {numbers}
      {overview && !summary.isError ? <StatCards summary={summary.data} loading={summary.isPending} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={showEvents ? 8 : 24}>
          <ShortcutsCard />
        </Col>
        {showEvents ? (
          <Col xs={24} lg={16}>
            <RecentEventsCard events={events} canOpenAudit={canOpenAudit} />
          </Col>
        ) : null}
      </Row>
    </Flex>
  );
}

function hazardTitle(user: CurrentUser): string {
  if (user.roles.includes('enterprise')) return `${user.enterpriseName ?? '本企业'}的隐患`;
  if (user.roles.includes('unit') && !seesOverview(user)) return `${user.unitName ?? '本单位'}监管企业的隐患`;
  if (user.roles.includes('village') && !seesOverview(user)) return '本村（社区）的隐患';
  return '隐患排查治理';
}
