import { UnorderedListOutlined } from '@ant-design/icons';
import { Card, DatePicker, Flex, Form, Segmented, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { LinkButton } from '../../../components/link-button.tsx';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { useCan, useCurrentUser } from '../../../lib/session.ts';
import { useDynamicZero } from '../api.ts';
import { DynamicZeroChart } from '../components/dynamic-zero-chart.tsx';
import { type ZeroGroupBy, zeroRows } from '../components/dynamic-zero-rows.ts';
import { DynamicZeroTable } from '../components/dynamic-zero-table.tsx';
import { HazardGroupCharts } from '../components/hazard-group-charts.tsx';
import { ZeroSummaryCards } from '../components/zero-summary-cards.tsx';
import { type HazardFilters, hazardListHref } from '../hazard-filters.ts';
import '../hazards.css';

/** 动态清零 is counted against the stock at the end of 2023 in the current campaign; the user can pick another day. */
const DEFAULT_CUTOFF = '2023-12-31';

function useStatsParams() {
  const [params, setParams] = useSearchParams();
  const cutoff = params.get('cutoff') ?? DEFAULT_CUTOFF;
  const grade = params.get('grade') ?? 'major';
  const by = params.get('by');
  // 按行业 counts by 行业领域 (the platform's industries) unless 国民经济门类 is asked for.
  const groupBy: ZeroGroupBy = by === 'domain' || by === 'industry' ? by : 'region';
  const regionCode = params.get('regionCode') ?? undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { cutoff, grade, groupBy, regionCode, set };
}

export function HazardStatsPage() {
  const p = useStatsParams();
  const user = useCurrentUser();
  const canPickRegion = useCan('region.read');
  const base = useMemo<HazardFilters>(
    () => ({ grade: p.grade === 'all' ? undefined : p.grade, regionCode: p.regionCode }),
    [p.grade, p.regionCode],
  );
  const zero = useDynamicZero(p.cutoff, p.groupBy, base);
  // The region the server splits into its children (its statsRoot): the filter, else the user's one region.
  const root = p.regionCode ?? (!user.roles.includes('admin') && user.regionCodes.length === 1 ? (user.regionCodes[0] ?? null) : null);
  const rows = useMemo(() => zeroRows(zero.data?.rows ?? [], p.groupBy, root), [zero.data, p.groupBy, root]);
  const total = rows.find((r) => r.total);

  return (
    <PageContainer
      title="隐患统计分析"
      testId="hazard-stats-page"
      extra={
        <LinkButton to={hazardListHref(base)} icon={<UnorderedListOutlined />}>
          隐患台账
        </LinkButton>
      }
    >
      <Card size="small" className="search-form">
        <Form layout="inline" className="search-form-body">
          <Form.Item label="存量截止日">
            <DatePicker
              value={dayjs(p.cutoff)}
              allowClear={false}
              inputReadOnly
              onChange={(d) => p.set('cutoff', d ? d.format('YYYY-MM-DD') : undefined)}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="stats-cutoff"
            />
          </Form.Item>
          <Form.Item label="隐患等级">
            <Segmented
              value={p.grade}
              onChange={(v) => p.set('grade', String(v))}
              options={[
                { value: 'major', label: '重大' },
                { value: 'general', label: '一般' },
                { value: 'all', label: '全部' },
              ]}
            />
          </Form.Item>
          <Form.Item label="分组">
            <Segmented
              value={p.groupBy}
              onChange={(v) => p.set('by', v === 'region' ? undefined : String(v))}
              data-testid="stats-group-by"
              options={[
                { value: 'region', label: '按区域' },
                { value: 'domain', label: '按行业领域' },
                { value: 'industry', label: '按国民经济门类' },
              ]}
            />
          </Form.Item>
          {canPickRegion ? (
            <Form.Item label="区域">
              <RegionTreeSelect
                value={p.regionCode ?? null}
                onChange={(v) => p.set('regionCode', typeof v === 'string' ? v : undefined)}
                placeholder="全部区域"
              />
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      {zero.isError ? (
        <Card>
          <QueryError error={zero.error} onRetry={() => void zero.refetch()} />
        </Card>
      ) : zero.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {total ? <ZeroSummaryCards total={total} cutoff={p.cutoff} base={base} /> : null}
          <Card title="动态清零" size="small" extra={<span className="muted">点击数字查看对应隐患</span>}>
            <DynamicZeroTable rows={rows} groupBy={p.groupBy} cutoff={p.cutoff} base={base} loading={zero.isFetching} />
          </Card>
          {rows.length ? (
            <Card
              title={
                p.groupBy === 'region' ? '各区域存量与增量' : p.groupBy === 'domain' ? '各行业领域存量与增量' : '各国民经济门类存量与增量'
              }
              size="small"
              extra={<span className="muted">点击柱形查看隐患</span>}
            >
              <DynamicZeroChart rows={rows} cutoff={p.cutoff} base={base} />
            </Card>
          ) : null}
          <HazardGroupCharts filters={base} />
        </Flex>
      )}
    </PageContainer>
  );
}
