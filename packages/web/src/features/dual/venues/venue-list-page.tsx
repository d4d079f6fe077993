import { PlusOutlined } from '@ant-design/icons';
import { type VenuePatrolFilter, type VenuePatrolItem, venuePatrolFilterLabels, venuePatrolFilters } from '@anzhi/core';
import { Button, Card, DatePicker, Empty, Flex, List, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useVenuePatrols, type VenueFilters } from './api.ts';
import { chinaMonth, dateTime, VenueColourTag } from './venue-labels.tsx';
import { VenueRegisterDrawer } from './venue-register-drawer.tsx';

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (values.includes(v as T) ? (v as T) : undefined);

function filtersOf(params: URLSearchParams): VenueFilters {
  const month = params.get('month');
  return {
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined,
    regionCode: params.get('regionCode') ?? undefined,
    filter: oneOf<VenuePatrolFilter>(venuePatrolFilters, params.get('filter')),
  };
}

function PatrolState({ v }: { v: VenuePatrolItem }) {
  if (v.patrolCount === 0) return <Tag color="red">本月未巡查</Tag>;
  return (
    <>
      <Tag color="green">已巡查 {v.patrolCount} 次</Tag>
      {v.findings > 0 ? <Tag color="orange">发现问题 {v.findings} 项</Tag> : null}
      {v.openHazards > 0 ? (
        <Link to={`/hazards?enterpriseId=${v.enterpriseId}&open=true`}>
          <Tag color="volcano">未销号隐患 {v.openHazards}</Tag>
        </Link>
      ) : null}
    </>
  );
}

/** 小场所巡查清单: the grid's venues with type, colour and whether they were patrolled this month; quick registration. */
export function VenueListPage() {
  const [params, setParams] = useSearchParams();
  const isMobile = useIsMobile();
  const canRegister = useCan('enterprise.write');
  const [registering, setRegistering] = useState(false);
  const filters = filtersOf(params);
  const list = useVenuePatrols(filters);
  const set = (key: string, value: string | undefined | null) => {
    const next = new URLSearchParams(params);
    if (!value) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const month = list.data?.month ?? filters.month ?? chinaMonth();

  const columns: TableColumnsType<VenuePatrolItem> = [
    { title: '场所名称', dataIndex: 'name', render: (v: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> },
    { title: '类型', dataIndex: 'smallVenueTypeLabel', width: 130 },
    { title: '风险颜色', dataIndex: 'riskColour', width: 130, render: (_, r) => <VenueColourTag level={r.riskColour} /> },
    { title: '村（网格）', dataIndex: 'regionName', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '地址', dataIndex: 'address', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '联系人',
      key: 'principal',
      width: 160,
      render: (_, r) => (r.principal ? `${r.principal} ${r.principalPhone ?? ''}` : '—'),
    },
    { title: '关联企业', dataIndex: 'landlordName', width: 160, render: (v: string | null) => v ?? '—' },
    { title: `${month} 巡查`, key: 'patrol', width: 260, render: (_, r) => <PatrolState v={r} /> },
    { title: '最近巡查', dataIndex: 'lastPatrolAt', width: 150, render: (v: string | null) => dateTime(v) },
  ];

  let body: ReactNode;
  if (list.isError) body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  else if (isMobile)
    body = (
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="本范围内还没有登记的小场所" /> }}
        renderItem={(v) => (
          <List.Item key={v.enterpriseId}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8} align="start">
                <Typography.Text strong>{v.name}</Typography.Text>
                <VenueColourTag level={v.riskColour} />
              </Flex>
              <div className="muted">
                {v.smallVenueTypeLabel} · {v.regionName ?? v.regionCode}
                {v.address ? ` · ${v.address}` : ''}
              </div>
              {v.principal ? (
                <div>
                  联系人 {v.principal} {v.principalPhone ? <a href={`tel:${v.principalPhone}`}>{v.principalPhone}</a> : null}
                </div>
              ) : null}
              <div style={{ marginTop: 4 }}>
                <PatrolState v={v} />
              </div>
              {v.lastPatrolAt ? <div className="muted">最近巡查 {dateTime(v.lastPatrolAt)}</div> : null}
            </Card>
          </List.Item>
        )}
      />
    );
  else
    body = (
      <Table<VenuePatrolItem>
        rowKey="enterpriseId"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="本范围内还没有登记的小场所" /> }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处` }}
      />
    );

  return (
    <PageContainer
      title="小场所巡查"
      testId="venue-list-page"
      extra={
        canRegister ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="venue-register">
            快速登记
          </Button>
        ) : null
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => set('month', d ? d.format('YYYY-MM') : undefined)}
          style={{ width: isMobile ? '48%' : 140 }}
        />
        <Select
          allowClear
          placeholder="全部场所"
          value={filters.filter}
          onChange={(v?: string) => set('filter', v)}
          style={{ width: isMobile ? '48%' : 170 }}
          options={venuePatrolFilters.map((f) => ({ value: f, label: venuePatrolFilterLabels[f] }))}
        />
        <div style={{ width: isMobile ? '100%' : 240 }}>
          <RegionTreeSelect
            placeholder="全部村（网格）"
            value={filters.regionCode ?? null}
            onChange={(v) => set('regionCode', typeof v === 'string' ? v : undefined)}
          />
        </div>
        <Link to={`/dual/venues/coverage?month=${month}`}>查看覆盖率</Link>
      </Flex>
      {list.data ? (
        <Typography.Paragraph>
          {month} 共 {list.data.total} 处，已巡查 {list.data.patrolled} 处，未巡查 {list.data.total - list.data.patrolled} 处
        </Typography.Paragraph>
      ) : null}
      {body}
      <VenueRegisterDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        defaultRegion={filters.regionCode && filters.regionCode.length >= 12 ? filters.regionCode : undefined}
      />
    </PageContainer>
  );
}
