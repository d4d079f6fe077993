import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { useCan } from '../../../lib/session.ts';
import { ReportStatsCards } from './report-stats-cards.tsx';
import { ReportStatsGroupTable } from './report-stats-group-table.tsx';
import { type ReportStatsFilters, reportListExportUrl, reportStatsExportUrl, useReportStats } from './stats-api.ts';

const thisYear = new Date().getFullYear();

/** Filters live in the URL (year, unitId, regionCode) so a link opens the same view. */
function useStatsFilters() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const unitId = Number(params.get('unitId')) || undefined;
  const regionCode = params.get('regionCode') ?? undefined;
  const filters = useMemo<ReportStatsFilters>(() => ({ year, unitId, regionCode }), [year, unitId, regionCode]);
  const set = (key: string, value: string | number | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { filters, set };
}

/** 举报统计: by channel, source, matter, domain, region, unit, status and month; time to verify, founded rate, rewards. */
export function ReportStatsPage() {
  const { filters, set } = useStatsFilters();
  const stats = useReportStats(filters);
  const canPickUnit = useCan('unit.read');
  const canPickRegion = useCan('region.read');
  return (
    <PageContainer
      title="举报统计"
      testId="report-stats-page"
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={reportStatsExportUrl(filters)} data-testid="report-stats-export">
            导出统计
          </Button>
          <Button icon={<DownloadOutlined />} href={reportListExportUrl(filters)} data-testid="report-list-export">
            导出举报清单
          </Button>
        </Space>
      }
    >
      <Card size="small" className="search-form">
        <Form layout="inline" className="search-form-body">
          <Form.Item label="年度">
            <Select
              value={filters.year}
              style={{ width: 110 }}
              onChange={(v) => set('year', v === thisYear ? undefined : v)}
              options={Array.from({ length: 5 }, (_, k) => ({ value: thisYear - k, label: `${thisYear - k}年` }))}
              data-testid="report-stats-year"
            />
          </Form.Item>
          {canPickUnit ? (
            <Form.Item label="承办单位">
              <UnitSelect value={filters.unitId ?? null} onChange={(v) => set('unitId', v)} placeholder="全部单位" style={{ width: 220 }} />
            </Form.Item>
          ) : null}
          {canPickRegion ? (
            <Form.Item label="区域">
              <RegionTreeSelect
                value={filters.regionCode ?? null}
                onChange={(v) => set('regionCode', typeof v === 'string' ? v : undefined)}
                placeholder="全部区域"
              />
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      {stats.isError ? (
        <Card>
          <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
        </Card>
      ) : stats.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">
            统计 {stats.data.from} 至 {stats.data.to} 收到的举报，办理中和超期截至 {stats.data.asOf}；点击数字查看对应清单。
          </Typography.Text>
          <ReportStatsCards s={stats.data} />
          <Card size="small" title="按月">
            <ReportStatsGroupTable
              title="月份"
              rows={stats.data.months.map((m) => ({ key: m.month, label: `${Number(m.month.slice(5))}月`, figures: m.figures }))}
              testId="report-stats-months"
            />
          </Card>
          <Row gutter={[16, 16]}>
            {stats.data.groups.map((g) => (
              <Col key={g.kind} xs={24} xl={12}>
                <Card size="small" title={`按${g.label}`}>
                  <ReportStatsGroupTable title={g.label} rows={g.rows} testId={`report-stats-${g.kind}`} />
                </Card>
              </Col>
            ))}
          </Row>
        </Flex>
      )}
    </PageContainer>
  );
}
