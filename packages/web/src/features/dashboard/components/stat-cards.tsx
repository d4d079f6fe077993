import { ApartmentOutlined, EnvironmentOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '@anzhi/core';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { hasPermission, useCurrentUser } from '../../../lib/session.ts';
import type { DashboardSummary } from '../api.ts';

interface StatDef {
  key: keyof Omit<DashboardSummary, 'recentEvents' | 'hazards'>;
  title: string;
  icon: ReactNode;
  to: string;
  permission: Permission;
}

const stats: StatDef[] = [
  { key: 'regionCount', title: '行政区划', icon: <ApartmentOutlined />, to: '/admin/regions', permission: 'region.read' },
  {
    key: 'villageCount',
    title: '村（社区）',
    icon: <EnvironmentOutlined />,
    to: '/admin/regions',
    permission: 'region.read',
  },
  { key: 'unitCount', title: '成员单位', icon: <TeamOutlined />, to: '/admin/units', permission: 'unit.read' },
  { key: 'userCount', title: '用户账号', icon: <UserOutlined />, to: '/admin/users', permission: 'user.read' },
];

/** Every number opens the list behind it (when the user may see that list). */
export function StatCards({ summary, loading }: { summary?: DashboardSummary; loading: boolean }) {
  const user = useCurrentUser();
  return (
    <Row gutter={[16, 16]}>
      {stats.map((s) => {
        const linked = hasPermission(user, s.permission);
        const card = (
          <Card hoverable={linked} data-testid={`stat-${s.key}`}>
            {loading ? (
              <Skeleton active paragraph={false} />
            ) : (
              <Statistic title={s.title} value={summary?.[s.key] ?? '—'} prefix={s.icon} />
            )}
          </Card>
        );
        return (
          <Col key={s.key} xs={12} md={6}>
            {linked ? (
              <Link to={s.to} aria-label={`查看${s.title}`}>
                {card}
              </Link>
            ) : (
              card
            )}
          </Col>
        );
      })}
    </Row>
  );
}
