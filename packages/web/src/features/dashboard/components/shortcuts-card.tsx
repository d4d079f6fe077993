import type { Permission } from '@anzhi/core';
import { Button, Card, Empty, Flex } from 'antd';
import { Link } from 'react-router';
import { hasPermission, useCurrentUser } from '../../../lib/session.ts';

const shortcuts: Array<{ to: string; label: string; permission: Permission }> = [
  { to: '/admin/users', label: '管理用户账号', permission: 'user.write' },
  { to: '/admin/units', label: '维护成员单位', permission: 'unit.write' },
  { to: '/admin/regions', label: '维护行政区划', permission: 'region.write' },
  { to: '/admin/audit', label: '查看审计日志', permission: 'audit.read' },
];

/** What this role can start from here; more work items arrive with the hazard and task modules. */
export function ShortcutsCard() {
  const user = useCurrentUser();
  const mine = shortcuts.filter((s) => hasPermission(user, s.permission));
  return (
    <Card title="常用操作">
      {mine.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无需要您处理的事项" />
      ) : (
        <Flex gap={8} wrap>
          {mine.map((s) => (
            <Link key={s.to} to={s.to}>
              <Button>{s.label}</Button>
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}
