import {
  type CheckCycle,
  type CheckPeriodItem,
  type CheckTemplate,
  checkCycleLabels,
  checkCycles,
  checkTemplateLabels,
  checkTemplates,
  type DueCheckOutcome,
  dueCheckOutcomeLabels,
  dueCheckOutcomes,
  noDomain,
  supervisionDomains,
} from '@anzhi/core';
import { Button, Card, DatePicker, Empty, Form, Select, Skeleton, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useRegionList } from '../../../lib/regions-query.ts';
import { type DueCheckFilters, useDueChecks } from './api.ts';
import { RecordDrawer } from './records-page.tsx';

const outcomeColors: Record<CheckPeriodItem['outcome'], string> = { onTime: 'green', late: 'orange', missed: 'red', open: 'blue' };
const domainLabels: Record<string, string> = { ...Object.fromEntries(supervisionDomains), [noDomain]: '未关联行业领域' };
const PAGE_SIZE = 20;

/**
 * 应排查清单: the due checks an oversight figure counts (按时、逾期完成、漏查、待排查), its filters read from the URL the
 * figure links to; a done check opens its record.
 */
export function DueChecksPage() {
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const text = (k: string) => params.get(k) ?? undefined;
  const filters: DueCheckFilters = {
    enterpriseId: Number(params.get('enterpriseId')) || undefined,
    regionCode: text('regionCode'),
    exactRegion: params.get('exactRegion') === 'true' || undefined,
    domain: text('domain'),
    from: text('from'),
    to: text('to'),
    outcome: text('outcome') as DueCheckOutcome | undefined,
    cycle: text('cycle') as CheckCycle | undefined,
    template: text('template') as CheckTemplate | undefined,
  };
  const set = (values: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(values)) v ? p.set(k, v) : p.delete(k);
    setParams(p, { replace: true });
    setPage(1);
  };
  const q = useDueChecks(filters, page, PAGE_SIZE);
  const regions = useRegionList();
  const regionName = filters.regionCode
    ? (regions.data?.find((r) => r.code === filters.regionCode)?.name ?? filters.regionCode)
    : undefined;
  const enterpriseName = q.data?.items.find((i) => i.enterpriseId === filters.enterpriseId)?.enterpriseName;
  return (
    <PageContainer title="应排查清单" testId="dual-due-checks-page">
      <Card size="small" className="search-form">
        <Form layout="inline" className="search-form-body">
          {filters.enterpriseId || filters.regionCode || filters.domain ? (
            <Form.Item label="范围">
              <Space wrap size={4}>
                {filters.enterpriseId ? (
                  <Tag closable onClose={() => set({ enterpriseId: undefined })}>
                    企业：{enterpriseName ?? `#${filters.enterpriseId}`}
                  </Tag>
                ) : null}
                {filters.regionCode ? (
                  <Tag closable onClose={() => set({ regionCode: undefined, exactRegion: undefined })}>
                    区划：{regionName}
                    {filters.exactRegion ? '（本级企业）' : ''}
                  </Tag>
                ) : null}
                {filters.domain ? (
                  <Tag closable onClose={() => set({ domain: undefined })}>
                    行业领域：{domainLabels[filters.domain] ?? filters.domain}
                  </Tag>
                ) : null}
              </Space>
            </Form.Item>
          ) : null}
          <Form.Item label="期末日期">
            <DatePicker.RangePicker
              value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
              allowEmpty={[true, true]}
              onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            />
          </Form.Item>
          <Form.Item label="结果">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 130 }}
              value={filters.outcome}
              onChange={(v) => set({ outcome: v })}
              options={dueCheckOutcomes.map((o) => ({ value: o, label: dueCheckOutcomeLabels[o] }))}
              data-testid="due-checks-outcome"
            />
          </Form.Item>
          <Form.Item label="周期">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 110 }}
              value={filters.cycle}
              onChange={(v) => set({ cycle: v })}
              options={checkCycles.map((c) => ({ value: c, label: checkCycleLabels[c] }))}
            />
          </Form.Item>
          <Form.Item label="模板">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 190 }}
              value={filters.template}
              onChange={(v) => set({ template: v })}
              options={checkTemplates.map((t) => ({ value: t, label: checkTemplateLabels[t] }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {q.isError ? (
        <Card>
          <QueryError error={q.error} onRetry={() => void q.refetch()} />
        </Card>
      ) : q.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <Table<CheckPeriodItem>
          rowKey="id"
          size="middle"
          loading={q.isFetching}
          dataSource={q.data.items}
          locale={{ emptyText: <Empty description="没有符合条件的应排查任务" /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: q.data.total,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 项`,
          }}
          scroll={{ x: 760 }}
          data-testid="due-checks-table"
          columns={[
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '排查任务', dataIndex: 'taskTitle' },
            {
              title: '周期',
              width: 100,
              render: (_, r) => `${checkCycleLabels[r.cycle]}${r.cycle === 'shift' ? ` 第${r.slot}班` : ''}`,
            },
            {
              title: '排查期',
              width: 200,
              render: (_, r) => (r.periodStart === r.periodEnd ? r.periodStart : `${r.periodStart}～${r.periodEnd}`),
            },
            {
              title: '结果',
              width: 100,
              render: (_, r) => <Tag color={outcomeColors[r.outcome]}>{dueCheckOutcomeLabels[r.outcome]}</Tag>,
            },
            {
              title: '完成日期',
              width: 130,
              render: (_, r) =>
                r.recordId ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.recordId)}>
                    {r.doneOn ?? '查看记录'}
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      <RecordDrawer id={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
