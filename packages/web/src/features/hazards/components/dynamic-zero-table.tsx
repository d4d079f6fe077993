import { Card, Empty, Flex, Table, type TableColumnsType, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import type { HazardFilters } from '../hazard-filters.ts';
import { metricHref, type ZeroGroupBy, type ZeroMetric, type ZeroRow } from './dynamic-zero-rows.ts';

const percent = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);

interface CellProps {
  row: ZeroRow;
  metric: ZeroMetric;
  cutoff: string;
  base: HazardFilters;
  danger?: boolean;
}

function Cell({ row, metric, cutoff, base, danger }: CellProps) {
  const raw = row[metric as keyof ZeroRow] as number | null;
  const text: ReactNode = metric.endsWith('Rate') ? percent(raw) : raw;
  if (text === null) return <span className="muted">—</span>;
  const href = metricHref(row, metric, cutoff, base);
  const style = danger && Number(raw) > 0 ? { color: '#cf1322', fontWeight: 600 } : undefined;
  if (!href) {
    return (
      <Tooltip title="台账暂不能单独筛选这一组">
        <span style={style}>{text}</span>
      </Tooltip>
    );
  }
  return (
    <Link to={href} style={style} data-testid={`zero-${row.total ? 'total' : row.key}-${metric}`}>
      {text}
    </Link>
  );
}

interface DynamicZeroTableProps {
  rows: ZeroRow[];
  groupBy: ZeroGroupBy;
  cutoff: string;
  base: HazardFilters;
  loading: boolean;
}

const cardGroups: Array<[string, Array<[ZeroMetric, string, boolean?]>]> = [
  [
    '存量',
    [
      ['stock', '存量'],
      ['stockClosed', '已清零'],
      ['stockOpen', '未清零', true],
      ['stockClearedRate', '清零率'],
    ],
  ],
  [
    '增量',
    [
      ['increment', '增量'],
      ['incrementClosed', '已销号'],
      ['incrementOpen', '在办'],
      ['incrementClosedRate', '销号率'],
    ],
  ],
  [
    '当前',
    [
      ['open', '在办'],
      ['overdue', '逾期', true],
      ['overdueRate', '逾期率'],
      ['avgDaysToClose', '平均整改天数'],
    ],
  ],
];

/** On a phone: one card per group with all thirteen numbers in three short rows, each still a link to its hazards. */
function DynamicZeroCards({ rows, cutoff, base }: Pick<DynamicZeroTableProps, 'rows' | 'cutoff' | 'base'>) {
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的隐患" />;
  return (
    <Flex vertical gap={8} data-testid="dynamic-zero-cards">
      {rows.map((row) => (
        <Card key={row.total ? '__total' : row.key || '__none'} size="small" title={row.total ? <strong>{row.label}</strong> : row.label}>
          <Flex vertical gap={6}>
            {cardGroups.map(([group, metrics]) => (
              <Flex key={group} gap={10} wrap align="baseline">
                <span className="muted" style={{ minWidth: 32 }}>
                  {group}
                </span>
                {metrics.map(([metric, label, danger]) => (
                  <span key={metric}>
                    <span className="muted">{label}</span> <Cell row={row} metric={metric} cutoff={cutoff} base={base} danger={danger} />
                  </span>
                ))}
              </Flex>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** 动态清零 by village or industry: every number opens the ledger filtered to exactly its hazards. */
export function DynamicZeroTable({ rows, groupBy, cutoff, base, loading }: DynamicZeroTableProps) {
  const isMobile = useIsMobile();
  const cell = (metric: ZeroMetric, title: string, opts: { danger?: boolean; width?: number; tip?: string } = {}) => ({
    title: opts.tip ? <Tooltip title={opts.tip}>{title}</Tooltip> : title,
    key: metric,
    align: 'right' as const,
    width: opts.width ?? 76,
    render: (_: unknown, row: ZeroRow) => <Cell row={row} metric={metric} cutoff={cutoff} base={base} danger={opts.danger} />,
  });
  const columns: TableColumnsType<ZeroRow> = [
    {
      title: groupBy === 'region' ? '区域' : groupBy === 'domain' ? '行业领域' : '行业门类',
      dataIndex: 'label',
      key: 'label',
      fixed: 'left',
      width: 150,
      render: (label: string, row) => (row.total ? <strong>{label}</strong> : label),
    },
    {
      title: `存量（截至 ${cutoff}）`,
      children: [
        cell('stock', '存量', { tip: '截止日前发现、截止日仍未销号或核销的隐患' }),
        cell('stockClosed', '已清零'),
        cell('stockOpen', '未清零', { danger: true, tip: '存量中仍在办的隐患（核销不成立的既不算清零也不算未清零）' }),
        cell('stockClearedRate', '清零率', { width: 84, tip: '已清零 ÷ 存量；点击查看已清零的隐患' }),
      ],
    },
    {
      title: '增量（截止日后发现）',
      children: [
        cell('increment', '增量'),
        cell('incrementClosed', '已销号'),
        cell('incrementOpen', '在办'),
        cell('incrementClosedRate', '销号率', { width: 84, tip: '已销号 ÷ 增量（不予认定、撤销的不算销号）；点击查看已销号的隐患' }),
      ],
    },
    {
      title: '当前',
      children: [
        cell('open', '在办'),
        cell('overdue', '逾期', { danger: true }),
        cell('overdueRate', '逾期率', { width: 84, tip: '逾期 ÷ 在办；点击查看逾期的隐患' }),
        cell('closed', '已销号'),
        cell('avgDaysToClose', '平均整改天数', { width: 110, tip: '已销号隐患从发现到销号的平均天数；点击查看这些隐患' }),
      ],
    },
  ];
  if (isMobile) return <DynamicZeroCards rows={rows} cutoff={cutoff} base={base} />;
  return (
    <Table<ZeroRow>
      className="zero-table"
      data-testid="dynamic-zero-table"
      rowKey={(r) => (r.total ? '__total' : r.key || '__none')}
      size="small"
      bordered
      loading={loading}
      pagination={false}
      columns={columns}
      dataSource={rows}
      rowClassName={(r) => (r.total ? 'zero-total-row' : '')}
      scroll={{ x: 150 + 76 * 10 + 84 * 3 + 110 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的隐患" /> }}
    />
  );
}
