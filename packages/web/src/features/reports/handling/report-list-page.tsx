import { PlusOutlined } from '@ant-design/icons';
import {
  formatTrackingCode,
  type ReportChannel,
  type ReportMatter,
  type ReportSource,
  type ReportStatus,
  reportChannelLabels,
  reportChannels,
  reportMatterLabels,
  reportMatters,
  reportSourceLabels,
  reportSources,
  reportStatuses,
  reportStatusLabels,
} from '@anzhi/core';
import { Button, Card, Empty, Flex, Input, List, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { type ReportFilters, type ReportListItem, useReports } from './api.ts';
import { dateTime, ReportStatusTag } from './report-labels.tsx';

const pageSize = 20;
const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
const bool = (v: string | null) => (v === 'true' ? true : v === 'false' ? false : undefined);
const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (values.includes(v as T) ? (v as T) : undefined);

/** `received,verifying` → the same, keeping only real statuses. */
function statusesOf(v: string | null): string | undefined {
  const list = (v ?? '').split(',').filter((s): s is ReportStatus => (reportStatuses as readonly string[]).includes(s));
  return list.length ? list.join(',') : undefined;
}

/** The filters the URL carries (the statistics link here with the same keys). */
function filtersOf(params: URLSearchParams): ReportFilters {
  return {
    status: statusesOf(params.get('status')),
    channel: oneOf<ReportChannel>(reportChannels, params.get('channel')),
    source: oneOf<ReportSource>(reportSources, params.get('source')),
    matter: oneOf<ReportMatter>(reportMatters, params.get('matter')),
    regionCode: params.get('regionCode') ?? undefined,
    unitId: num(params.get('unitId')),
    enterpriseId: num(params.get('enterpriseId')),
    named: bool(params.get('named')),
    overdue: bool(params.get('overdue')),
    linked: bool(params.get('linked')),
    domain: params.get('domain') ?? undefined,
    month: params.get('month') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    q: params.get('q') ?? undefined,
  };
}

const Due = ({ r }: { r: ReportListItem }) =>
  r.dueOn ? (
    <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{r.overdue ? `已逾期（${r.dueOn}）` : r.dueOn}</span>
  ) : (
    <>—</>
  );

/** 举报列表: 待受理 first, overdue in red; filters live in the URL. */
export function ReportListPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const canTriage = useCan('report.triage');
  const page = num(params.get('page')) ?? 1;
  const filters = filtersOf(params);
  const list = useReports(filters, page, pageSize);
  const set = (key: string, value: string | number | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const flagTags: Array<[string, string]> = [
    ['named', '实名'],
    ['linked', '已关联隐患'],
    ['regionCode', '区划'],
    ['unitId', '承办单位'],
    ['enterpriseId', '企业'],
    ['domain', '行业领域'],
    ['month', '月份'],
    ['from', '起'],
    ['to', '止'],
  ];

  const columns: TableColumnsType<ReportListItem> = [
    {
      title: '查询码',
      key: 'code',
      width: 140,
      render: (_, r) => <Link to={`/reports/${r.id}`}>{formatTrackingCode(r.trackingCode)}</Link>,
    },
    { title: '状态', dataIndex: 'status', width: 110, render: (s: ReportStatus) => <ReportStatusTag status={s} /> },
    { title: '被举报企业', key: 'ent', render: (_, r) => r.enterpriseName ?? <span className="muted">{r.regionName ?? '—'}</span> },
    { title: '内容', dataIndex: 'excerpt', ellipsis: true },
    { title: '类别', dataIndex: 'matter', width: 130, render: (m: ReportMatter | null) => (m ? reportMatterLabels[m] : '—') },
    {
      title: '渠道',
      key: 'channel',
      width: 150,
      render: (_, r) => (
        <>
          {r.channel === 'internal' ? <Tag color="magenta">{reportChannelLabels.internal}</Tag> : null}
          {reportSourceLabels[r.source]}
        </>
      ),
    },
    { title: '承办单位', dataIndex: 'assignedUnitName', render: (v: string | null) => v ?? '—' },
    { title: '收到时间', dataIndex: 'receivedAt', width: 170, render: (v: string) => dateTime(v) },
    { title: '核查期限', key: 'due', width: 150, render: (_, r) => <Due r={r} /> },
    {
      title: '关联',
      key: 'links',
      width: 120,
      render: (_, r) => (
        <>
          {r.named ? <Tag>实名</Tag> : null}
          {r.duplicateCount ? <Tag color="purple">重复 {r.duplicateCount}</Tag> : null}
          {r.hazardId ? <Tag color="red">隐患</Tag> : null}
        </>
      ),
    },
  ];

  let body: ReactNode;
  if (list.isError) body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  else if (isMobile)
    body = (
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无举报" /> }}
        pagination={
          (list.data?.total ?? 0) > pageSize
            ? { current: page, pageSize, total: list.data?.total, onChange: (p) => set('page', p), simple: true, align: 'center' }
            : false
        }
        renderItem={(r) => (
          <List.Item key={r.id}>
            <Link to={`/reports/${r.id}`} style={{ width: '100%' }}>
              <Card size="small" hoverable>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{r.enterpriseName ?? r.regionName ?? formatTrackingCode(r.trackingCode)}</Typography.Text>
                  <ReportStatusTag status={r.status} />
                </Flex>
                <div>{r.excerpt}</div>
                <span className="muted">
                  {formatTrackingCode(r.trackingCode)} · {dateTime(r.receivedAt)}
                </span>
                {r.dueOn ? (
                  <div>
                    核查期限 <Due r={r} />
                  </div>
                ) : null}
              </Card>
            </Link>
          </List.Item>
        )}
      />
    );
  else
    body = (
      <Table<ReportListItem>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="暂无举报" /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: (p) => set('page', p),
          showTotal: (t) => `共 ${t} 件`,
        }}
      />
    );

  return (
    <PageContainer
      title="举报受理"
      testId="reports-page"
      extra={
        canTriage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/reports/new')}>
            登记来电来信
          </Button>
        ) : null
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="查询码、内容、地点、企业"
          defaultValue={filters.q}
          onSearch={(v) => set('q', v.trim())}
          style={{ width: isMobile ? '100%' : 240 }}
        />
        <Select
          allowClear
          mode="multiple"
          placeholder="状态"
          style={{ minWidth: 160 }}
          value={filters.status ? filters.status.split(',') : []}
          onChange={(v: string[]) => set('status', v.join(','))}
          options={reportStatuses.map((s) => ({ value: s, label: reportStatusLabels[s] }))}
        />
        <Select
          allowClear
          placeholder="类别"
          style={{ minWidth: 140 }}
          value={filters.matter}
          onChange={(v) => set('matter', v)}
          options={reportMatters.map((s) => ({ value: s, label: reportMatterLabels[s] }))}
        />
        <Select
          allowClear
          placeholder="渠道"
          style={{ minWidth: 120 }}
          value={filters.channel}
          onChange={(v) => set('channel', v)}
          options={reportChannels.map((s) => ({ value: s, label: reportChannelLabels[s] }))}
        />
        <Select
          allowClear
          placeholder="来源"
          style={{ minWidth: 140 }}
          value={filters.source}
          onChange={(v) => set('source', v)}
          options={reportSources.map((s) => ({ value: s, label: reportSourceLabels[s] }))}
        />
        <Select
          allowClear
          placeholder="是否逾期"
          style={{ minWidth: 120 }}
          value={params.get('overdue') ?? undefined}
          onChange={(v) => set('overdue', v)}
          options={[
            { value: 'true', label: '核查逾期' },
            { value: 'false', label: '未逾期' },
          ]}
        />
        {flagTags
          .filter(([k]) => params.get(k))
          .map(([k, label]) => (
            <Tag key={k} closable onClose={() => set(k, undefined)}>
              {label}：{params.get(k) === 'true' ? '是' : params.get(k) === 'false' ? '否' : params.get(k)}
            </Tag>
          ))}
      </Flex>
      {body}
    </PageContainer>
  );
}
