import { PlusOutlined } from '@ant-design/icons';
import { type PenaltyStatus, penaltyStatuses, penaltyStatusLabels } from '@anzhi/core';
import { Button, Card, Empty, Flex, List, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { PenaltyFormModal } from '../components/penalty-form-modal.tsx';
import { type PenaltyFilters, type PenaltyView, usePenalties } from '../triad-api.ts';
import { PenaltyStatusTag, yuan } from '../triad-labels.tsx';

const pageSize = 20;
const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
const thisYear = new Date().getFullYear();

/** 行政处罚案件: filters in the URL (?year=2026&unitId=…&majorHazard=true) so statistics open the cases they count. */
export function PenaltyListPage() {
  const [params, setParams] = useSearchParams();
  const isMobile = useIsMobile();
  const canPenalize = useCan('enforcement.penalize');
  const [creating, setCreating] = useState(false);
  const page = num(params.get('page')) ?? 1;
  const status = params.get('status');
  const major = params.get('majorHazard');
  const filters: PenaltyFilters = {
    status: (penaltyStatuses as readonly string[]).includes(status ?? '') ? (status as PenaltyStatus) : undefined,
    year: num(params.get('year')),
    unitId: num(params.get('unitId')),
    enterpriseId: num(params.get('enterpriseId')),
    orderId: num(params.get('orderId')),
    checkId: num(params.get('checkId')),
    majorHazard: major === 'true' ? true : major === 'false' ? false : undefined,
    imposed: params.get('imposed') === 'true' ? true : undefined,
  };
  const cases = usePenalties(filters, page, pageSize);
  const set = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    next.delete('page');
    setParams(next);
  };

  const columns: TableColumnsType<PenaltyView> = [
    { title: '案件', key: 'id', render: (_, p) => <Link to={`/enforcement/penalties/${p.id}`}>{p.decisionNo ?? `案件 ${p.id}`}</Link> },
    { title: '当事人', dataIndex: 'enterpriseName' },
    { title: '执法单位', dataIndex: 'unitName' },
    { title: '罚款', dataIndex: 'amount', render: (v: number | null) => yuan(v) },
    {
      title: '标记',
      key: 'flags',
      render: (_, p) => (
        <>
          {p.majorHazard ? <Tag color="red">重大隐患</Tag> : null}
          {p.dualInquiry ? <Tag color="purple">一案双查</Tag> : null}
        </>
      ),
    },
    { title: '立案日期', dataIndex: 'filedOn', width: 110 },
    { title: '决定日期', dataIndex: 'decidedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'status', width: 110, render: (s: PenaltyStatus) => <PenaltyStatusTag status={s} /> },
  ];

  let body: ReactNode;
  if (cases.isError) body = <QueryError error={cases.error} onRetry={() => void cases.refetch()} />;
  else if (isMobile)
    body = (
      <List
        loading={cases.isPending}
        dataSource={cases.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无处罚案件" /> }}
        pagination={
          (cases.data?.total ?? 0) > pageSize
            ? { current: page, pageSize, total: cases.data?.total, onChange: (p) => set('page', p), simple: true, align: 'center' }
            : false
        }
        renderItem={(p) => (
          <List.Item key={p.id}>
            <Link to={`/enforcement/penalties/${p.id}`} style={{ width: '100%' }}>
              <Card size="small" hoverable>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{p.enterpriseName}</Typography.Text>
                  <PenaltyStatusTag status={p.status} />
                </Flex>
                <span className="muted">
                  {p.decisionNo ?? `立案 ${p.filedOn}`} · {yuan(p.amount)}
                </span>
              </Card>
            </Link>
          </List.Item>
        )}
      />
    );
  else
    body = (
      <Table<PenaltyView>
        rowKey="id"
        columns={columns}
        dataSource={cases.data?.items ?? []}
        loading={cases.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="暂无处罚案件" /> }}
        pagination={{
          current: page,
          pageSize,
          total: cases.data?.total ?? 0,
          onChange: (p) => set('page', p),
          showTotal: (t) => `共 ${t} 件`,
        }}
      />
    );

  return (
    <PageContainer
      title="处罚案件"
      testId="enforcement-penalties-page"
      extra={
        canPenalize ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            立案
          </Button>
        ) : null
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="年度"
          style={{ minWidth: 110 }}
          value={filters.year}
          onChange={(v) => set('year', v)}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ minWidth: 130 }}
          value={filters.status}
          onChange={(v) => set('status', v)}
          options={penaltyStatuses.map((s) => ({ value: s, label: penaltyStatusLabels[s] }))}
        />
        <Select
          allowClear
          placeholder="重大隐患"
          style={{ minWidth: 130 }}
          value={major ?? undefined}
          onChange={(v) => set('majorHazard', v)}
          options={[
            { value: 'true', label: '涉及重大隐患' },
            { value: 'false', label: '不涉及' },
          ]}
        />
        {filters.imposed ? (
          <Tag color="blue" closable onClose={() => set('imposed', undefined)}>
            已作出处罚决定
          </Tag>
        ) : null}
      </Flex>
      {body}
      <PenaltyFormModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
