import type { VenueCoverageRow } from '@anzhi/core';
import { Col, DatePicker, Empty, Flex, Progress, Row, Select, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { StatFigure } from '../../../components/stat-figure.tsx';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useVenueCoverage } from './api.ts';
import { chinaMonth } from './venue-labels.tsx';

/** The patrol list that a coverage figure counts: same month and region, narrowed by the figure's filter. */
function listHref(month: string, regionCode: string | undefined, filter?: string) {
  const q = new URLSearchParams({ month });
  if (regionCode) q.set('regionCode', regionCode);
  if (filter) q.set('filter', filter);
  return `/dual/venues?${q}`;
}

const Num = ({ n, to }: { n: number; to: string }) => (n > 0 ? <Link to={to}>{n}</Link> : <span>0</span>);

/** 小场所巡查覆盖率: per grid (or village) and month — venues, patrolled, coverage, findings, open hazards. */
export function VenueCoveragePage() {
  const [params, setParams] = useSearchParams();
  const isMobile = useIsMobile();
  const monthParam = params.get('month');
  const month = monthParam && /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : chinaMonth();
  const months = Number(params.get('months')) || 3;
  const regionCode = params.get('regionCode') ?? undefined;
  const coverage = useVenueCoverage({ month, months, regionCode });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (!value) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };

  const rows = coverage.data?.rows ?? [];
  const current = rows.filter((r) => r.month === month);
  const total = (k: 'venues' | 'patrolled' | 'findings' | 'openHazards') => current.reduce((n, r) => n + r[k], 0);
  const venues = total('venues');
  const patrolled = total('patrolled');

  const columns: TableColumnsType<VenueCoverageRow> = [
    { title: '月份', dataIndex: 'month', width: 90 },
    { title: '村（网格）', dataIndex: 'regionName', render: (v: string | null, r) => v ?? r.regionCode },
    { title: '场所数', dataIndex: 'venues', width: 80, render: (n: number, r) => <Num n={n} to={listHref(r.month, r.regionCode)} /> },
    {
      title: '已巡查',
      dataIndex: 'patrolled',
      width: 80,
      render: (n: number, r) => <Num n={n} to={listHref(r.month, r.regionCode, 'patrolled')} />,
    },
    {
      title: '未巡查',
      key: 'unpatrolled',
      width: 80,
      render: (_, r) => <Num n={r.venues - r.patrolled} to={listHref(r.month, r.regionCode, 'unpatrolled')} />,
    },
    {
      title: '覆盖率',
      dataIndex: 'coveragePercent',
      width: 160,
      render: (p: number) => <Progress percent={p} size="small" status={p >= 100 ? 'success' : p < 60 ? 'exception' : 'normal'} />,
    },
    {
      title: '发现问题',
      dataIndex: 'findings',
      width: 90,
      render: (n: number, r) => <Num n={n} to={listHref(r.month, r.regionCode, 'abnormal')} />,
    },
    {
      title: '未销号隐患',
      dataIndex: 'openHazards',
      width: 100,
      render: (n: number, r) => <Num n={n} to={listHref(r.month, r.regionCode, 'openHazards')} />,
    },
  ];

  return (
    <PageContainer title="小场所巡查覆盖率" testId="venue-coverage-page">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => set('month', d ? d.format('YYYY-MM') : undefined)}
          style={{ width: 140 }}
        />
        <Select
          value={months}
          onChange={(v: number) => set('months', String(v))}
          style={{ width: 120 }}
          options={[1, 3, 6, 12].map((n) => ({ value: n, label: `近 ${n} 个月` }))}
        />
        <div style={{ width: isMobile ? '100%' : 240 }}>
          <RegionTreeSelect
            placeholder="全部村（网格）"
            value={regionCode ?? null}
            onChange={(v) => set('regionCode', typeof v === 'string' ? v : undefined)}
          />
        </div>
      </Flex>
      {coverage.isError ? (
        <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}>
              <StatFigure
                title={`${month} 场所`}
                testId="venue-figure-venues"
                main={<Num n={venues} to={listHref(month, regionCode)} />}
                sub="在营的九小场所"
              />
            </Col>
            <Col xs={12} md={6}>
              <StatFigure
                title="已巡查"
                testId="venue-figure-patrolled"
                main={<Num n={patrolled} to={listHref(month, regionCode, 'patrolled')} />}
                sub={venues ? `覆盖率 ${Math.round((patrolled * 100) / venues)}%` : '—'}
              />
            </Col>
            <Col xs={12} md={6}>
              <StatFigure
                title="发现问题"
                testId="venue-figure-findings"
                main={<Num n={total('findings')} to={listHref(month, regionCode, 'abnormal')} />}
                sub="巡查异常项"
              />
            </Col>
            <Col xs={12} md={6}>
              <StatFigure
                title="未销号隐患"
                testId="venue-figure-hazards"
                main={<Num n={total('openHazards')} to={listHref(month, regionCode, 'openHazards')} />}
                sub="本月巡查发现、仍未销号"
              />
            </Col>
          </Row>
          <Table<VenueCoverageRow>
            rowKey={(r) => `${r.regionCode}-${r.month}`}
            columns={columns}
            dataSource={[...rows].sort((a, b) => b.month.localeCompare(a.month) || a.regionCode.localeCompare(b.regionCode))}
            loading={coverage.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={false}
            locale={{ emptyText: <Empty description="本范围内还没有登记的小场所" /> }}
          />
        </>
      )}
    </PageContainer>
  );
}
