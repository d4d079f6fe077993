import type { PlanCounts } from '@anzhi/core';
import { Card, Col, Row, Statistic } from 'antd';
import { taskStatusHex } from '../plan-labels.ts';

const cards: Array<{ key: keyof PlanCounts; title: string; colour?: string; danger?: boolean }> = [
  { key: 'tasks', title: '任务总数' },
  { key: 'done', title: '已完成', colour: taskStatusHex.done },
  { key: 'inProgress', title: '推进中', colour: taskStatusHex.inProgress },
  { key: 'lagging', title: '滞后', colour: taskStatusHex.lagging, danger: true },
  { key: 'overdue', title: '逾期', colour: taskStatusHex.overdue, danger: true },
  { key: 'notStarted', title: '未启动' },
];

interface PlanCountCardsProps {
  counts: PlanCounts;
  active: string | undefined;
  onPick: (status: string | undefined) => void;
}

/** The plan's numbers; each one filters the tree to the tasks behind it. */
export function PlanCountCards({ counts, active, onPick }: PlanCountCardsProps) {
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => {
        const value = counts[c.key];
        const status = c.key === 'tasks' ? undefined : c.key;
        const selected = active === status || (!active && !status);
        return (
          <Col key={c.key} xs={8} md={4}>
            <button
              type="button"
              className={`plan-count-card${selected ? ' is-active' : ''}`}
              onClick={() => onPick(selected ? undefined : status)}
              data-testid={`plan-count-${c.key}`}
            >
              <Card size="small">
                <Statistic
                  title={c.title}
                  value={value}
                  suffix="项"
                  styles={{ content: { color: c.danger && value > 0 ? c.colour : c.danger ? undefined : c.colour } }}
                />
              </Card>
            </button>
          </Col>
        );
      })}
    </Row>
  );
}
