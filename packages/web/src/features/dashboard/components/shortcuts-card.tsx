import type { Permission } from '@anzhi/core';
import { Button, Card, Flex } from 'antd';
import { Link } from 'react-router';
import { hasPermission, useCurrentUser } from '../../../lib/session.ts';

const shortcuts: Array<{ to: string; label: string; permission: Permission }> = [
  { to: '/hazards/new', label: '登记隐患', permission: 'hazard.report' },
  { to: '/hazards', label: '隐患台账', permission: 'hazard.read' },
  { to: '/plans/dispatch', label: '月调度', permission: 'plan.report' },
  { to: '/admin/users', label: '管理用户账号', permission: 'user.write' },
  { to: '/admin/units', label: '维护成员单位', permission: 'unit.write' },
  { to: '/admin/regions', label: '维护行政区划', permission: 'region.write' },
  { to: '/admin/audit', label: '查看审计日志', permission: 'audit.read' },
];

/** What this role can start from here (its to-dos are in the card above). */
export function ShortcutsCard() {
  const user = useCurrentUser();
  const mine = shortcuts.filter((s) => hasPermission(user, s.permission));
  if (!mine.length) return null;
  return (
    <Card title="常用操作">
      <Flex gap={8} wrap>
        {mine.map((s) => (
          <Link key={s.to} to={s.to}>
            <Button size="large">{s.label}</Button>
          </Link>
        ))}
      </Flex>
    </Card>
  );
}
