import { type AuditEvent, auditActionLabels, auditEntityLabels } from '@anzhi/core';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format.ts';

/** Sign-ins and system events need no object; the rest read “修改 成员单位 #3”. */
function describe(e: AuditEvent): string | null {
  if (e.entityType === 'session' || e.entityType === 'system') return null;
  const entity = auditEntityLabels[e.entityType] ?? e.entityType;
  return e.entityId ? `${entity} #${e.entityId}` : entity;
}

/** The last things that changed, for administrators; the full history is one click away. */
export function RecentEventsCard({ events, canOpenAudit }: { events: AuditEvent[]; canOpenAudit: boolean }) {
  return (
    <Card title="最近操作" extra={canOpenAudit ? <Link to="/admin/audit">查看全部审计日志</Link> : null} data-testid="recent-events">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无操作记录" />
      ) : (
        <Flex vertical gap={12}>
          {events.map((e) => (
            <Flex key={e.id} justify="space-between" gap={8} wrap>
              <span>
                <Typography.Text strong>{e.actorName ?? '系统'}</Typography.Text> <Tag>{auditActionLabels[e.action] ?? e.action}</Tag>
                {canOpenAudit && e.entityId && describe(e) ? (
                  <Link to={`/admin/audit?entityType=${encodeURIComponent(e.entityType)}&entityId=${encodeURIComponent(e.entityId)}`}>
                    {describe(e)}
                  </Link>
                ) : (
                  describe(e)
                )}
              </span>
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
