import { AlertOutlined, CheckCircleOutlined, ClockCircleOutlined, FileSearchOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { DashboardSummary } from '../api.ts';

type HazardNumbers = NonNullable<DashboardSummary['hazards']>;

/** The hazard loop at a glance; each number opens the ledger filtered to exactly the hazards it counts. */
export function HazardCards({ hazards, title = '隐患排查治理' }: { hazards: HazardNumbers; title?: string }) {
  const month = hazards.monthStart;
  const cards: Array<{ key: keyof HazardNumbers; title: string; icon: ReactNode; to: string; danger?: boolean }> = [
    { key: 'open', title: '未销号隐患', icon: <FileSearchOutlined />, to: '/hazards?open=true' },
    { key: 'openMajor', title: '未销号重大隐患', icon: <AlertOutlined />, to: '/hazards?open=true&grade=major', danger: true },
    { key: 'overdue', title: '逾期未整改', icon: <WarningOutlined />, to: '/hazards?overdue=true', danger: true },
    { key: 'foundThisMonth', title: '本月新发现', icon: <ClockCircleOutlined />, to: `/hazards?foundFrom=${month}` },
    { key: 'closedThisMonth', title: '本月已销号', icon: <CheckCircleOutlined />, to: `/hazards?status=closed&closedFrom=${month}` },
  ];
  return (
    <Card title={title} size="small" data-testid="hazard-cards">
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.key} flex="1 1 150px">
            <Link to={c.to} aria-label={`查看${c.title}`} data-testid={`hazard-stat-${c.key}`}>
              <Card hoverable size="small">
                <Statistic
                  title={c.title}
                  value={hazards[c.key]}
                  prefix={c.icon}
                  valueStyle={c.danger && Number(hazards[c.key]) > 0 ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
