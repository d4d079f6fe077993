import { type AuditEvent, fieldLabels } from '@anzhi/core';
import { Descriptions, Table, Tag, Typography } from 'antd';

type Row = { key: string; before: unknown; after: unknown; changed: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function show(value: unknown) {
  if (value === undefined || value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>;
}

function diffRows(before: Record<string, unknown>, after: Record<string, unknown>): Row[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.map((key) => ({
    key,
    before: before[key],
    after: after[key],
    changed: JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  }));
}

/** Before and after of one change, field by field; changed fields highlighted. */
export function AuditDiff({ event }: { event: AuditEvent }) {
  const { before, after } = event;
  const comparable = (before === null || isRecord(before)) && (after === null || isRecord(after));

  return (
    <div>
      {before === null && after === null ? (
        <Typography.Text type="secondary">此事件没有记录数据变化。</Typography.Text>
      ) : comparable ? (
        <Table<Row>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={diffRows(before ?? {}, after ?? {})}
          rowClassName={(r) => (r.changed && before !== null && after !== null ? 'audit-diff-changed' : '')}
          columns={[
            {
              title: '字段',
              dataIndex: 'key',
              width: 160,
              render: (k: string, r) => (
                <>
                  {fieldLabels[k] ?? k}
                  {r.changed && before !== null && after !== null ? (
                    <Tag color="gold" style={{ marginInlineStart: 6 }}>
                      已修改
                    </Tag>
                  ) : null}
                </>
              ),
            },
            { title: '修改前', dataIndex: 'before', render: show },
            { title: '修改后', dataIndex: 'after', render: show },
          ]}
        />
      ) : (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'before', label: '修改前', children: show(before) },
            { key: 'after', label: '修改后', children: show(after) },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        事件编号 #{event.id} · 哈希{' '}
        <Typography.Text code copyable>
          {event.hash}
        </Typography.Text>
      </Typography.Paragraph>
    </div>
  );
}
