import { type AuditEvent, auditActionLabels, type Enterprise } from '@anzhi/core';
import { Empty, Skeleton, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useRegionNames } from '../../../lib/regions-query.ts';
import { useUnitOptions } from '../../../lib/units-query.ts';
import { useEnterpriseHistory } from '../api.ts';
import { changedFields, type HistoryLookups } from './history-fields.ts';

function EventBody({ event, lookups }: { event: AuditEvent; lookups: HistoryLookups }) {
  if (event.before == null) {
    return (
      <Typography.Text type="secondary">{event.action === 'import' ? '从 Excel 导入，登记了这家企业' : '登记了这家企业'}</Typography.Text>
    );
  }
  const changes = changedFields(event.before, event.after, lookups);
  if (!changes.length) return <Typography.Text type="secondary">保存了一次，内容没有变化</Typography.Text>;
  return (
    <div className="enterprise-history-field">
      {changes.map((c) => (
        <div key={c.key} style={{ display: 'contents' }}>
          <Typography.Text type="secondary">{c.label}</Typography.Text>
          <span>
            <span className={c.wasEmpty ? 'muted' : 'enterprise-history-before'}>{c.before}</span> → <strong>{c.after}</strong>
          </span>
        </div>
      ))}
    </div>
  );
}

/** Who changed what and when, from the audit trail: the accountability the plans ask for. */
export function EnterpriseHistory({ enterprise }: { enterprise: Enterprise }) {
  const history = useEnterpriseHistory(enterprise.id);
  const regionNames = useRegionNames();
  const units = useUnitOptions();
  const lookups = useMemo<HistoryLookups>(() => {
    // Users who may not list units (an enterprise account) still know the current unit's name.
    const unitNames = new Map((units.data ?? []).map((u) => [u.id, u.name]));
    if (enterprise.supervisingUnitId && enterprise.supervisingUnitName && !unitNames.has(enterprise.supervisingUnitId)) {
      unitNames.set(enterprise.supervisingUnitId, enterprise.supervisingUnitName);
    }
    const regions = new Map(regionNames);
    if (enterprise.regionName && !regions.has(enterprise.regionCode)) regions.set(enterprise.regionCode, enterprise.regionName);
    const landlords = new Map(enterprise.landlordId && enterprise.landlordName ? [[enterprise.landlordId, enterprise.landlordName]] : []);
    return {
      regionName: (c) => regions.get(c),
      unitName: (id) => unitNames.get(id),
      landlordName: (id) => landlords.get(id),
    };
  }, [regionNames, units.data, enterprise]);

  if (history.isPending) return <Skeleton active />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录" />;
  const events = [...history.data].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Timeline
      data-testid="enterprise-history"
      items={events.map((event) => ({
        key: event.id,
        color: event.before == null ? 'green' : 'blue',
        content: (
          <div className="enterprise-history-event">
            <div>
              <strong>{auditActionLabels[event.action] ?? event.action}</strong>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {formatDateTime(event.at)} · {event.actorName ?? '系统'}
              </Typography.Text>
            </div>
            <EventBody event={event} lookups={lookups} />
          </div>
        ),
      }))}
    />
  );
}
