import { CalendarOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import type { PlanStatus, PlanSummary } from '@anzhi/core';
import { Button, Card, Flex, Form, Input, Pagination, Select, Spin, Table } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { LinkButton } from '../../../components/link-button.tsx';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { type PlanListFilters, usePlans } from '../api.ts';
import { CountsBar, EmptyPlans, PlanStatusTag, periodText, planColumns, planHref } from '../components/plan-list-parts.tsx';
import '../plans.css';

const filterKeys = ['q', 'status'] as const;

function PlanSearch({ filters, onSearch }: { filters: PlanListFilters; onSearch: (f: Record<string, string | undefined>) => void }) {
  const [form] = Form.useForm<{ q?: string; status?: PlanStatus }>();
  useEffect(() => form.setFieldsValue({ q: filters.q, status: filters.status }), [form, filters]);
  return (
    <Card size="small" className="search-form">
      <Form form={form} layout="inline" className="search-form-body" onFinish={(v) => onSearch({ q: v.q?.trim(), status: v.status })}>
        <Form.Item name="q" label="方案名称">
          <Input allowClear placeholder="名称或文号" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            options={[
              { value: 'published', label: '已发布' },
              { value: 'draft', label: '待审核' },
            ]}
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

function MobilePlans({ items }: { items: PlanSummary[] }) {
  return (
    <Flex vertical gap={8}>
      {items.map((p) => (
        <Link key={p.id} to={planHref(p)} className="plan-mobile-item">
          <Card size="small">
            <Flex justify="space-between" gap={8} align="start">
              <strong>{p.title}</strong>
              <PlanStatusTag status={p.status} />
            </Flex>
            <div className="muted">{[p.docNumber, periodText(p)].filter(Boolean).join(' · ')}</div>
            <div style={{ marginTop: 6 }}>
              <CountsBar counts={p.counts} />
            </div>
          </Card>
        </Link>
      ))}
    </Flex>
  );
}

/** 行动方案: every plan of the township, drafts waiting for review and published ones being tracked. */
export function PlanListPage() {
  const list = useListParams(filterKeys);
  const filters = list.filters as PlanListFilters;
  const isMobile = useIsMobile();
  const canManage = useCan('plan.manage');
  const canReport = useCan('plan.report');
  const plans = usePlans(filters, list.page, list.pageSize);
  const empty = <EmptyPlans filtered={Object.keys(filters).length > 0} canImport={canManage} />;
  const items = plans.data?.items ?? [];

  return (
    <PageContainer
      title="行动方案"
      testId="plan-list-page"
      extra={
        <>
          {canManage ? (
            <LinkButton type="primary" to="/plans/import" icon={<UploadOutlined />}>
              导入方案
            </LinkButton>
          ) : null}
          {canReport ? (
            <LinkButton to="/plans/dispatch" icon={<CalendarOutlined />}>
              月调度
            </LinkButton>
          ) : null}
        </>
      }
    >
      <PlanSearch filters={filters} onSearch={list.setFilters} />
      {plans.isError ? (
        <Card>
          <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
        </Card>
      ) : isMobile ? (
        <Spin spinning={plans.isFetching}>
          {items.length ? <MobilePlans items={items} /> : plans.isPending ? <div style={{ minHeight: 120 }} /> : <Card>{empty}</Card>}
          {(plans.data?.total ?? 0) > list.pageSize ? (
            <Pagination
              simple
              align="center"
              style={{ marginTop: 12 }}
              current={list.page}
              pageSize={list.pageSize}
              total={plans.data?.total ?? 0}
              onChange={list.setPage}
            />
          ) : null}
        </Spin>
      ) : (
        <Card className="table-card">
          <Table<PlanSummary>
            data-testid="plan-table"
            rowKey="id"
            columns={planColumns}
            dataSource={items}
            loading={plans.isFetching}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: plans.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (t) => `共 ${t} 份`,
              onChange: list.setPage,
            }}
            locale={{ emptyText: empty }}
          />
        </Card>
      )}
    </PageContainer>
  );
}
