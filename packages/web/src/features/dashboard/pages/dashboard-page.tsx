import { Col, Flex, Row } from 'antd';
import { QueryError } from '../../../components/query-error.tsx';
import { hasPermission, useCurrentUser } from '../../../lib/session.ts';
import { useDashboardSummary } from '../api.ts';
import { GreetingCard } from '../components/greeting-card.tsx';
import { HazardCards } from '../components/hazard-cards.tsx';
import { RecentEventsCard } from '../components/recent-events-card.tsx';
import { ShortcutsCard } from '../components/shortcuts-card.tsx';
import { StatCards } from '../components/stat-cards.tsx';

export function DashboardPage() {
  const user = useCurrentUser();
  const summary = useDashboardSummary();
  const canOpenAudit = hasPermission(user, 'audit.read');
  const events = summary.data?.recentEvents ?? [];
  const showEvents = canOpenAudit || events.length > 0;

  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <GreetingCard user={user} />
      {summary.isError ? (
        <QueryError error={summary.error} title="统计数据加载失败" onRetry={() => void summary.refetch()} />
      ) : (
        <StatCards summary={summary.data} loading={summary.isPending} />
      )}
      {summary.data?.hazards ? <HazardCards hazards={summary.data.hazards} /> : null}
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
