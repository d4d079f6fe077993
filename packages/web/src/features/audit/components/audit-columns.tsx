import { type AuditEvent, auditActionLabels } from '@anzhi/core';
import type { TableColumnsType } from 'antd';
import { Flex, Tag } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { actionColors, entityText, roleText } from './audit-labels.ts';

export const auditColumns: TableColumnsType<AuditEvent> = [
  { title: '时间', dataIndex: 'at', key: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  {
    title: '操作人',
    key: 'actor',
    width: 120,
    render: (_, e) => e.actorName ?? (e.actorUserId ? `用户 #${e.actorUserId}` : '系统'),
  },
  {
    title: '角色',
    dataIndex: 'actorRoles',
    key: 'actorRoles',
    width: 150,
    render: (roles: string[]) =>
      roles.length ? (
        <Flex gap={4} wrap>
          {roles.map((r) => (
            <Tag key={r} style={{ marginInlineEnd: 0 }}>
              {roleText(r)}
            </Tag>
          ))}
        </Flex>
      ) : (
        '—'
      ),
  },
  { title: 'IP', dataIndex: 'ip', key: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  { title: '对象', key: 'entity', width: 150, render: (_, e) => entityText(e) },
  {
    title: '操作',
    dataIndex: 'action',
    key: 'action',
    width: 110,
    render: (a: string) => <Tag color={actionColors[a] ?? 'default'}>{auditActionLabels[a] ?? a}</Tag>,
  },
];
