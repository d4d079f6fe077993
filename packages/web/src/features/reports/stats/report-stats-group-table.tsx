import type { ReportFigures, ReportStatsRow } from '@anzhi/core';
import { Progress, Table, type TableColumnsType } from 'antd';
import { StatLink } from '../../../components/stat-link.tsx';

type Row = { key: string; label: string; figures: ReportFigures };

/** One group (渠道, 事项, 承办单位, 月份…): a row per value, the received count drawn as a bar; every number opens its list. */
export function ReportStatsGroupTable({ title, rows, testId }: { title: string; rows: Row[] | ReportStatsRow[]; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.figures.received.value ?? 0));
  const columns: TableColumnsType<Row> = [
    { key: 'label', title, dataIndex: 'label', width: 160, fixed: 'left' },
    {
      key: 'received',
      title: '收到',
      width: 200,
      render: (_, r) => (
        <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <span style={{ minWidth: 32, textAlign: 'right' }}>
            <StatLink n={r.figures.received} />
          </span>
          <Progress percent={((r.figures.received.value ?? 0) / max) * 100} showInfo={false} size="small" style={{ flex: 1, margin: 0 }} />
        </span>
      ),
    },
    { key: 'open', title: '办理中', align: 'right', width: 70, render: (_, r) => <StatLink n={r.figures.open} /> },
    {
      key: 'overdue',
      title: '超期',
      align: 'right',
      width: 60,
      render: (_, r) =>
        r.figures.overdue.value ? (
          <span style={{ color: '#cf1322' }}>
            <StatLink n={r.figures.overdue} />
          </span>
        ) : (
          <StatLink n={r.figures.overdue} />
        ),
    },
    { key: 'founded', title: '属实', align: 'right', width: 60, render: (_, r) => <StatLink n={r.figures.founded} /> },
    { key: 'unfounded', title: '不属实', align: 'right', width: 70, render: (_, r) => <StatLink n={r.figures.unfounded} /> },
    { key: 'rate', title: '属实率', align: 'right', width: 76, render: (_, r) => <StatLink n={r.figures.foundedRate} suffix="%" /> },
    { key: 'named', title: '实名', align: 'right', width: 60, render: (_, r) => <StatLink n={r.figures.named} /> },
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '暂无举报' }}
      data-testid={testId}
    />
  );
}
