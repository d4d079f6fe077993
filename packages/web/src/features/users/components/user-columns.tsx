import { roleLabels, type User } from '@anzhi/core';
import type { TableColumnsType } from 'antd';
import { Flex, Tag } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { UserStatusTags } from './user-status-tags.tsx';

export function userColumns(regionNames: Map<string, string>): TableColumnsType<User> {
  return [
    { title: '用户名', dataIndex: 'username', key: 'username', width: 130 },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName', width: 100 },
    {
      title: '角色',
      dataIndex: 'roles',
      key: 'roles',
      width: 170,
      render: (roles: User['roles']) => (
        <Flex gap={4} wrap>
          {roles.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {roleLabels[r] ?? r}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: '所属单位 / 企业',
      key: 'unitName',
      width: 180,
      render: (_, u) => u.unitName ?? (u.enterpriseName ? `企业：${u.enterpriseName}` : '—'),
    },
    {
      title: '所辖区划',
      dataIndex: 'regionCodes',
      key: 'regionCodes',
      width: 180,
      render: (codes: string[]) => (codes.length ? codes.map((c) => regionNames.get(c) ?? c).join('、') : '—'),
    },
    { title: '状态', key: 'status', width: 140, render: (_, u) => <UserStatusTags user={u} /> },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v, '从未登录'),
    },
  ];
}
