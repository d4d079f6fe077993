import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { HazardFilters } from '../hazard-filters.ts';
import { metricHref, type ZeroMetric, type ZeroRow } from './dynamic-zero-rows.ts';

const cards: Array<{ metric: ZeroMetric; title: string; hint: string; danger?: boolean; rate?: boolean }> = [
  { metric: 'stock', title: '存量', hint: '截止日仍未销号或核销' },
  { metric: 'stockOpen', title: '存量未清零', hint: '至今仍在办', danger: true },
  { metric: 'stockClearedRate', title: '存量清零率', hint: '已清零 ÷ 存量', rate: true },
  { metric: 'increment', title: '增量', hint: '截止日后发现' },
  { metric: 'open', title: '在办', hint: '尚未销号或撤销' },
  { metric: 'overdue', title: '逾期', hint: '超过整改期限仍未整改', danger: true },
];

/** The 合计 row as big numbers for a leader's phone; each opens its hazards. */
export function ZeroSummaryCards({ total, cutoff, base }: { total: ZeroRow; cutoff: string; base: HazardFilters }) {
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => {
        const raw = total[c.metric as keyof ZeroRow] as number | null;
        const value = c.rate ? (raw === null ? '—' : (raw * 100).toFixed(1)) : (raw ?? 0);
        const red = c.danger && Number(raw) > 0;
        return (
          <Col key={c.metric} xs={12} md={8} xl={4}>
            <Link
              to={metricHref(total, c.metric, cutoff, base) ?? '/hazards'}
              className="hazard-stat-card"
              data-testid={`zero-card-${c.metric}`}
            >
              <Card size="small">
                <Statistic
                  title={c.title}
                  value={value}
                  suffix={c.rate ? (raw === null ? undefined : '%') : '条'}
                  styles={{ content: { color: red ? '#cf1322' : undefined } }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.hint}
                </Typography.Text>
              </Card>
            </Link>
          </Col>
        );
      })}
    </Row>
  );
}
