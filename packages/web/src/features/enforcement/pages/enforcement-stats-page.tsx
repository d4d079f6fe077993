import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Select, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { useCan } from '../../../lib/session.ts';
import { StatsCards } from '../components/stats-cards.tsx';
import { StatsFlags } from '../components/stats-flags.tsx';
import { StatsUnitTable } from '../components/stats-unit-table.tsx';
import { type EnforcementStatsFilters, enforcementStatsExportUrl, useEnforcementStats } from '../stats-api.ts';

const thisYear = new Date().getFullYear();

/** Filters live in the URL (year, unitId, regionCode) so a link opens the same view. */
function useStatsFilters() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const unitId = Number(params.get('unitId')) || undefined;
  const regionCode = params.get('regionCode') ?? undefined;
  const filters = useMemo<EnforcementStatsFilters>(() => ({ year, unitId, regionCode }), [year, unitId, regionCode]);
  const set = (key: string, value: string | number | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { filters, set };
}

/** 执法统计: planned vs done per unit and month, coverage, hazards per check, 立案率, penalties and 约谈/关闭 signals. */
export function EnforcementStatsPage() {
  const { filters, set } = useStatsFilters();
  const stats = useEnforcementStats(filters);
  const canPickUnit = useCan('unit.read');
  const canPickRegion = useCan('region.read');
  return (
    <PageContainer
      title="执法统计"
      testId="enforcement-stats-page"
      extra={
        <Button icon={<DownloadOutlined />} href={enforcementStatsExportUrl(filters)} data-testid="stats-export">
          导出 Excel
        </Button>
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
              data-testid="stats-year"
            />
          </Form.Item>
          {canPickUnit ? (
            <Form.Item label="执法单位">
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
          <Typography.Text type="secondary">统计截至 {stats.data.asOf}，点击数字查看对应清单。</Typography.Text>
          <StatsCards f={stats.data.totals} />
          <Card size="small" title="各执法单位按月计划与完成（计划/完成）">
            <StatsUnitTable units={stats.data.units} loading={stats.isFetching} />
          </Card>
          <StatsFlags stats={stats.data} />
        </Flex>
      )}
    </PageContainer>
  );
}
