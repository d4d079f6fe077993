import { type TodoKind, todoKinds } from '@anzhi/core';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../lib/session.ts';
import { useTodos } from '../api.ts';

const numberOf: Record<TodoKind, { title: string; to: string }> = {
  'hazard.step': { title: '待我处理的隐患', to: '/todos' },
  'hazard.check': { title: '待反馈举一反三', to: '/hazards/checks' },
  'hazard.report': { title: '待签署季报年报', to: '/hazards/reports' },
  'plan.dispatch': { title: '待报送月调度', to: '/plans/dispatch' },
  'enforcement.recheck': { title: '待整改复查', to: '/enforcement/orders?state=due' },
  'report.accept': { title: '待受理举报', to: '/reports?status=received' },
  'report.verify': { title: '待核查举报（临期、逾期）', to: '/reports?status=verifying' },
  'report.reward': { title: '待审批、发放举报奖励', to: '/reports/rewards' },
  'campaign.round': { title: '临期未完成的专项整治轮次', to: '/campaigns' },
};

/** The caller's own counts: to-dos by kind and 我发起的 still open; each opens the list behind it. */
export function TodoNumbers() {
  const user = useCurrentUser();
  const mine = useTodos('mine', { limit: 1 });
  const initiated = useTodos('initiated', { limit: 1 });
  if (!mine.data) return null;
  const byKind = mine.data.byKind;
  const enterprise = user.roles.includes('enterprise');
  const unit = user.roles.includes('unit');
  // A role's own duties always show, even at 0: the enterprise's reports and checks, the unit's dispatch.
  const always = (k: TodoKind) =>
    k === 'hazard.step' || (enterprise && (k === 'hazard.check' || k === 'hazard.report')) || (unit && k === 'plan.dispatch');
  const shown = todoKinds.filter((k) => always(k) || (byKind[k] ?? 0) > 0);
  const cards = shown.map((k) => ({ key: k, ...numberOf[k], value: byKind[k] ?? 0 }));
  if (!enterprise && initiated.data) {
    cards.push({ key: 'initiated' as TodoKind, title: '我登记、发起的未办结', to: '/todos?box=initiated', value: initiated.data.total });
  }
  return (
    <Card title="我的工作" size="small" data-testid="todo-numbers">
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.key} flex="1 1 150px">
            <Link to={c.to} aria-label={`查看${c.title}`} data-testid={`todo-number-${c.key}`}>
              <Card hoverable size="small">
                <Statistic title={c.title} value={c.value} valueStyle={c.value > 0 ? { color: '#d4380d' } : undefined} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
