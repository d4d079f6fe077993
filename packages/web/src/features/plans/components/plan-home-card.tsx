import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { usePlans } from '../api.ts';

/** 工作台 for the office and leaders: each published plan's tasks, with the overdue and lagging ones that need a push. */
export function PlanHomeCard() {
  const plans = usePlans({ status: 'published' }, 1, 5);
  return (
    <Card title="行动方案推进" size="small" extra={<Link to="/plans/rankings">五色图</Link>} data-testid="home-plans">
      {plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : plans.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无已发布的方案" />
      ) : (
        <Flex vertical gap={8}>
          {plans.data.items.map((p) => (
            <Link key={p.id} to={`/plans/${p.id}`} aria-label={`查看${p.title}`}>
              <Card size="small" hoverable>
                <Typography.Text strong>{p.title}</Typography.Text>
                <Flex gap={6} wrap style={{ marginTop: 6 }}>
                  <Tag>任务 {p.counts.tasks} 项</Tag>
                  <Tag color="green">已完成 {p.counts.done}</Tag>
                  <Tag color={p.counts.overdue ? 'red' : undefined}>逾期 {p.counts.overdue}</Tag>
                  <Tag color={p.counts.lagging ? 'orange' : undefined}>滞后 {p.counts.lagging}</Tag>
                </Flex>
              </Card>
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}
