import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { type CampaignStatus, type CampaignSummary, campaignStatuses, campaignStatusLabels } from '@anzhi/core';
import { Button, Card, Empty, Flex, Form, Input, Pagination, Select, Spin, Table, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { LinkButton } from '../../../components/link-button.tsx';
import { PageContainer } from '../../../components/page-container.tsx';
import { freezeFirstColumn } from '../../../components/phone-table.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { type CampaignFilters, useCampaigns } from './api.ts';
import { CampaignStatusTag, CoverageBar } from './campaign-parts.tsx';
import { roundsText } from './campaign-view.ts';

const filterKeys = ['q', 'status'] as const;

function CampaignSearch({ filters, onSearch }: { filters: CampaignFilters; onSearch: (f: Record<string, string | undefined>) => void }) {
  const [form] = Form.useForm<CampaignFilters>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ q: filters.q, status: filters.status });
  }, [form, filters]);
  return (
    <Card size="small" className="search-form">
      <Form form={form} layout="inline" className="search-form-body" onFinish={(v) => onSearch({ q: v.q?.trim(), status: v.status })}>
        <Form.Item name="q" label="专项名称">
          <Input allowClear placeholder="名称或依据" style={{ width: 220 }} data-testid="campaign-search-q" />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            options={campaignStatuses.map((s) => ({ value: s, label: campaignStatusLabels[s] }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

const hazardsText = (c: CampaignSummary) => `${c.hazards} / 已销号 ${c.hazardsClosed}`;

function MobileCampaigns({ items }: { items: CampaignSummary[] }) {
  return (
    <Flex vertical gap={8}>
      {items.map((c) => (
        <Link key={c.id} to={`/campaigns/${c.id}`}>
          <Card size="small">
            <Flex justify="space-between" gap={8} align="start">
              <strong>{c.title}</strong>
              <CampaignStatusTag status={c.status} />
            </Flex>
            <div className="muted">
              {c.subject} · {roundsText(c.currentRound, c.rounds)} · 隐患 {hazardsText(c)}
            </div>
            <CoverageBar covered={c.covered} targets={c.targets} counter={c.counter} />
          </Card>
        </Link>
      ))}
    </Flex>
  );
}

/** 专项整治: every campaign of the township, its current round's coverage and the problems it found. */
export function CampaignListPage() {
  const list = useListParams(filterKeys);
  const filters = list.filters as CampaignFilters;
  const isMobile = useIsMobile();
  const canManage = useCan('campaign.manage');
  const campaigns = useCampaigns(filters, list.page, list.pageSize);
  const items = campaigns.data?.items ?? [];
  const filtered = Object.keys(filters).length > 0;
  const empty = <Empty description={filtered ? '没有符合条件的专项' : '还没有专项整治，点击“新建专项”开始'} />;

  const columns: TableColumnsType<CampaignSummary> = [
    { title: '专项名称', dataIndex: 'title', render: (v: string, c) => <Link to={`/campaigns/${c.id}`}>{v}</Link> },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: CampaignStatus) => <CampaignStatusTag status={s} /> },
    { title: '检查对象', dataIndex: 'subject', width: 130 },
    { title: '轮次', key: 'rounds', width: 120, render: (_, c) => roundsText(c.currentRound, c.rounds) },
    {
      title: '本轮覆盖',
      key: 'coverage',
      width: 180,
      render: (_, c) => <CoverageBar covered={c.covered} targets={c.targets} counter={c.counter} />,
    },
    { title: '隐患 / 已销号', key: 'hazards', width: 130, render: (_, c) => hazardsText(c) },
    {
      title: '关联方案任务',
      dataIndex: 'planTaskTitle',
      ellipsis: true,
      render: (v: string | null) => v ?? <span className="muted">未关联</span>,
    },
  ];

  let body: React.ReactNode;
  if (campaigns.isError) body = <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  else if (isMobile)
    body = campaigns.isPending ? (
      <Spin />
    ) : items.length ? (
      <>
        <MobileCampaigns items={items} />
        <Pagination
          style={{ marginTop: 12 }}
          size="small"
          current={list.page}
          pageSize={list.pageSize}
          total={campaigns.data?.total ?? 0}
          onChange={list.setPage}
          hideOnSinglePage
        />
      </>
    ) : (
      empty
    );
  else
    body = (
      <Table<CampaignSummary>
        rowKey="id"
        data-testid="campaign-table"
        columns={freezeFirstColumn(columns, isMobile)}
        dataSource={items}
        loading={campaigns.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: empty }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: campaigns.data?.total ?? 0,
          onChange: list.setPage,
          showTotal: (t) => `共 ${t} 项`,
        }}
      />
    );

  return (
    <PageContainer
      title="专项整治"
      testId="campaign-list-page"
      extra={
        canManage ? (
          <LinkButton type="primary" icon={<PlusOutlined />} to="/campaigns/new" data-testid="campaign-new">
            新建专项
          </LinkButton>
        ) : null
      }
    >
      <CampaignSearch filters={filters} onSearch={list.setFilters} />
      {body}
    </PageContainer>
  );
}
