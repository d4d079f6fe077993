import { DownloadOutlined } from '@ant-design/icons';
import { checkCycleLabels, type DualOversightFigures, type DualOversightQuery, type StatNumber } from '@anzhi/core';
import { Button, Card, DatePicker, Empty, Flex, Form, Skeleton, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { StatLink } from '../../../components/stat-link.tsx';
import { useCan } from '../../../lib/session.ts';
import { dualOversightExportUrl, useDualOversight } from './api.ts';

type Row = { key: string; label: string; figures: DualOversightFigures };

/** A figure with a colour cue: red when something is missing, orange when late, green when all on time. */
function Cue({ n, tone, testId }: { n: StatNumber; tone: 'bad' | 'warn' | 'good'; testId?: string }) {
  if (!n.value) return <StatLink n={n} testId={testId} />;
  const color = tone === 'bad' ? 'red' : tone === 'warn' ? 'orange' : 'green';
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      <StatLink n={n} testId={testId} />
    </Tag>
  );
}

function rateTone(rate: number | null): 'bad' | 'warn' | 'good' {
  if (rate === null) return 'good';
  return rate < 80 ? 'bad' : rate < 95 ? 'warn' : 'good';
}

function columns(title: string): TableColumnsType<Row> {
  const cycles = (['shift', 'day', 'week', 'month', 'quarter'] as const).map((cycle) => ({
    key: cycle,
    title: `${checkCycleLabels[cycle]}（按期/逾期/漏查）`,
    width: 150,
    render: (_: unknown, r: Row) => {
      const c = r.figures.cycles.find((x) => x.cycle === cycle);
      if (!c?.due.value) return <Typography.Text type="secondary">—</Typography.Text>;
      return (
        <span>
          <StatLink n={c.onTime} /> / <Cue n={c.late} tone="warn" /> / <Cue n={c.missed} tone="bad" />
        </span>
      );
    },
  }));
  return [
    { key: 'label', title, dataIndex: 'label', width: 180, fixed: 'left' },
    { key: 'due', title: '应排查', align: 'right', width: 80, render: (_, r) => <StatLink n={r.figures.due} /> },
    {
      key: 'rate',
      title: '按期率',
      align: 'right',
      width: 90,
      render: (_, r) => <Cue n={{ ...r.figures.onTimeRate }} tone={rateTone(r.figures.onTimeRate.value)} />,
    },
    ...cycles,
    {
      key: 'principal',
      title: '主要负责人排查（已做/缺失）',
      width: 170,
      render: (_, r) => (
        <span>
          <StatLink n={r.figures.principalDone} /> / <Cue n={r.figures.principalMissing} tone="bad" />
        </span>
      ),
    },
    {
      key: 'review',
      title: '风险点（长期未复评）',
      width: 150,
      render: (_, r) => (
        <span>
          <StatLink n={r.figures.riskPoints} />（<Cue n={r.figures.reviewOverdue} tone="warn" />）
        </span>
      ),
    },
    {
      key: 'signals',
      title: '待核实提示',
      align: 'right',
      width: 100,
      render: (_, r) => <Cue n={r.figures.openSignals} tone="bad" testId={`oversight-signals-${r.key}`} />,
    },
  ];
}

/** 双重预防监督: due checks on time / late / missed by cycle, principal's checks, reviews, signals — every figure opens its list. */
export function DualOversightPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<DualOversightQuery>(
    () => ({
      from: params.get('from') ?? undefined,
      to: params.get('to') ?? undefined,
      regionCode: params.get('regionCode') ?? undefined,
      domain: params.get('domain') ?? undefined,
    }),
    [params],
  );
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    setParams(p, { replace: true });
  };
  const q = useDualOversight(filters);
  const canPickRegion = useCan('region.read');
  return (
    <PageContainer
      title="双重预防监督"
      testId="dual-oversight-page"
      extra={
        <Button icon={<DownloadOutlined />} href={dualOversightExportUrl(filters)} data-testid="dual-oversight-export">
          导出 Excel
        </Button>
      }
    >
      <Card size="small" className="search-form">
        <Form layout="inline" className="search-form-body">
          <Form.Item label="到期时段">
            <DatePicker.RangePicker
              value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
              onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
              data-testid="dual-oversight-range"
            />
          </Form.Item>
          {canPickRegion ? (
            <Form.Item label="区域">
              <RegionTreeSelect
                value={filters.regionCode ?? null}
                onChange={(v) => set({ regionCode: typeof v === 'string' ? v : undefined })}
                placeholder="全部区域"
              />
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      {q.isError ? (
        <Card>
          <QueryError error={q.error} onRetry={() => void q.refetch()} />
        </Card>
      ) : q.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            统计 {q.data.from} 至 {q.data.to} 到期的排查任务（截至 {q.data.asOf}）：按期 = 在周期最后一天前完成；逾期 = 周期结束后才补做；
            漏查 = 周期已结束仍无记录。合计应排查 <StatLink n={q.data.totals.due} />
            ，按期率 <StatLink n={q.data.totals.onTimeRate} suffix="%" />， 待核实形式主义提示 <StatLink n={q.data.totals.openSignals} />
            。点击数字查看对应清单。
          </Typography.Text>
          <Card size="small">
            <Tabs
              items={q.data.groups.map((g) => ({
                key: g.kind,
                label: `按${g.label}`,
                children: g.rows.length ? (
                  <Table<Row>
                    rowKey="key"
                    size="small"
                    columns={columns(g.label)}
                    dataSource={g.rows}
                    pagination={g.rows.length > 50 ? { pageSize: 50 } : false}
                    scroll={{ x: 'max-content' }}
                    data-testid={`dual-oversight-${g.kind}`}
                  />
                ) : (
                  <Empty description="暂无排查任务或风险点" />
                ),
              }))}
            />
          </Card>
        </Flex>
      )}
    </PageContainer>
  );
}
