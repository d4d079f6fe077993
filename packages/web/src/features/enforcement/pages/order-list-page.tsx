import { orderStatuses, orderStatusLabels, type RecheckState, recheckStateLabels } from '@anzhi/core';
import { Card, Empty, Flex, List, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { type OrderFilters, type OrderView, useOrders } from '../triad-api.ts';
import { RecheckStateTag } from '../triad-labels.tsx';

const pageSize = 20;
const states: RecheckState[] = ['notYetDue', 'due', 'overdue', 'closed'];
const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** 责令限期整改指令书: the filters live in the URL (?state=overdue&unitId=…) so a number elsewhere opens this list. */
export function OrderListPage() {
  const [params, setParams] = useSearchParams();
  const isMobile = useIsMobile();
  const page = num(params.get('page')) ?? 1;
  const filters: OrderFilters = {
    state: (states as string[]).includes(params.get('state') ?? '') ? (params.get('state') as RecheckState) : undefined,
    status: (orderStatuses as readonly string[]).includes(params.get('status') ?? '')
      ? (params.get('status') as OrderFilters['status'])
      : undefined,
    unitId: num(params.get('unitId')),
    enterpriseId: num(params.get('enterpriseId')),
    checkId: num(params.get('checkId')),
    year: num(params.get('year')),
    notFixed: params.get('notFixed') === 'true' ? true : undefined,
  };
  const orders = useOrders(filters, page, pageSize);
  const set = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    next.delete('page');
    setParams(next);
  };

  const columns: TableColumnsType<OrderView> = [
    {
      title: '文号',
      dataIndex: 'orderNo',
      render: (v: string | null, o) => <Link to={`/enforcement/orders/${o.id}`}>{v ?? `指令书 ${o.id}`}</Link>,
    },
    { title: '企业', dataIndex: 'enterpriseName' },
    { title: '执法单位', dataIndex: 'unitName' },
    { title: '整改项', key: 'n', width: 80, render: (_, o) => o.items.length },
    { title: '下达日期', dataIndex: 'issuedOn', width: 110 },
    { title: '整改期限', dataIndex: 'deadline', width: 110 },
    { title: '复查期限', dataIndex: 'recheckDueOn', width: 110 },
    { title: '状态', key: 'state', width: 110, render: (_, o) => <RecheckStateTag state={o.state} status={o.status} /> },
  ];

  let body: ReactNode;
  if (orders.isError) body = <QueryError error={orders.error} onRetry={() => void orders.refetch()} />;
  else if (isMobile)
    body = (
      <List
        loading={orders.isPending}
        dataSource={orders.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无整改指令书" /> }}
        pagination={
          (orders.data?.total ?? 0) > pageSize
            ? { current: page, pageSize, total: orders.data?.total, onChange: (p) => set('page', p), simple: true, align: 'center' }
            : false
        }
        renderItem={(o) => (
          <List.Item key={o.id}>
            <Link to={`/enforcement/orders/${o.id}`} style={{ width: '100%' }}>
              <Card size="small" hoverable>
                <Flex vertical gap={4}>
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text strong>{o.enterpriseName}</Typography.Text>
                    <RecheckStateTag state={o.state} status={o.status} />
                  </Flex>
                  <span className="muted">{o.orderNo}</span>
                  <span>
                    整改期限 {o.deadline}，复查期限 {o.recheckDueOn}
                  </span>
                </Flex>
              </Card>
            </Link>
          </List.Item>
        )}
      />
    );
  else
    body = (
      <Table<OrderView>
        rowKey="id"
        columns={columns}
        dataSource={orders.data?.items ?? []}
        loading={orders.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="暂无整改指令书" /> }}
        pagination={{
          current: page,
          pageSize,
          total: orders.data?.total ?? 0,
          onChange: (p) => set('page', p),
          showTotal: (t) => `共 ${t} 份`,
        }}
      />
    );

  return (
    <PageContainer title="整改指令" testId="enforcement-orders-page">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="复查状态"
          style={{ minWidth: 140 }}
          value={filters.state}
          onChange={(v) => set('state', v)}
          options={states.map((s) => ({ value: s, label: s === 'closed' ? '已复查/撤销' : recheckStateLabels[s] }))}
        />
        <Select
          allowClear
          placeholder="指令书状态"
          style={{ minWidth: 140 }}
          value={filters.status}
          onChange={(v) => set('status', v)}
          options={orderStatuses.map((s) => ({ value: s, label: orderStatusLabels[s] }))}
        />
        {filters.year ? (
          <Tag closable onClose={() => set('year', undefined)}>
            {filters.year} 年
          </Tag>
        ) : null}
        {filters.notFixed ? (
          <Tag color="orange" closable onClose={() => set('notFixed', undefined)}>
            复查未整改、未立案
          </Tag>
        ) : null}
      </Flex>
      {body}
    </PageContainer>
  );
}
