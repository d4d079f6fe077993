import {
  type CheckKind,
  type CheckStatus,
  type CheckSummary,
  checkKindLabels,
  checkKinds,
  checkStatuses,
  checkStatusLabels,
} from '@anzhi/core';
import { Button, Card, DatePicker, Empty, Flex, Form, List, Segmented, Select, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { type CheckFilters, useChecks } from './api.ts';

const filterKeys = ['unitId', 'status', 'kind', 'enterpriseId', 'month', 'mine', 'year', 'failed', 'failedMajor'] as const;
const statusColor: Record<CheckStatus, string> = { planned: 'blue', inProgress: 'orange', signed: 'green', cancelled: 'default' };

const StatusTag = ({ status }: { status: CheckStatus }) => <Tag color={statusColor[status]}>{checkStatusLabels[status]}</Tag>;

/** 我的检查 on a phone: one big card per check, today's first. */
function CheckCards({ items }: { items: CheckSummary[] }) {
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <List
      dataSource={items}
      renderItem={(c) => (
        <Link to={`/enforcement/checks/${c.id}`} data-testid={`check-card-${c.id}`} style={{ display: 'block', marginBottom: 12 }}>
          <Card size="small" hoverable style={{ borderLeft: c.scheduledOn === today ? '4px solid #1677ff' : undefined }}>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {c.enterpriseName}
              </Typography.Text>
              <StatusTag status={c.status} />
            </Flex>
            <div style={{ color: '#666', marginTop: 6 }}>
              {c.scheduledOn === today ? '今天' : c.scheduledOn} · {checkKindLabels[c.kind]} · {c.inspectorNames.join('、')}
            </div>
            <div style={{ color: '#999', fontSize: 12 }}>
              {c.code} · {c.unitName}
            </div>
          </Card>
        </Link>
      )}
    />
  );
}

/** 现场检查: 我的检查 (big cards on a phone) and the desk list for the office and units, filtered from the URL. */
export function CheckListPage() {
  const mobile = useIsMobile();
  const canInspect = useCan('enforcement.inspect');
  const navigate = useNavigate();
  const { filters, page, pageSize, setFilters, setPage } = useListParams(filterKeys);
  const query = useChecks(filters as CheckFilters, page, pageSize);
  const set = (patch: Partial<Record<(typeof filterKeys)[number], string | undefined>>) => setFilters({ ...filters, ...patch });
  const month = filters.month ? dayjs(`${filters.month}-01`) : null;

  const filtersBar = (
    <Form layout={mobile ? 'vertical' : 'inline'} style={{ marginBottom: 12 }}>
      {canInspect ? (
        <Form.Item>
          <Segmented
            data-testid="check-mine"
            value={filters.mine === 'true' ? 'mine' : 'all'}
            options={[
              { value: 'mine', label: '我的检查' },
              { value: 'all', label: '全部' },
            ]}
            onChange={(v) => set({ mine: v === 'mine' ? 'true' : undefined })}
          />
        </Form.Item>
      ) : null}
      <Form.Item label="月份">
        <DatePicker picker="month" value={month} onChange={(d) => set({ month: d ? d.format('YYYY-MM') : undefined })} />
      </Form.Item>
      <Form.Item label="状态">
        <Select
          allowClear
          style={{ minWidth: 120 }}
          value={filters.status}
          options={checkStatuses.map((s) => ({ value: s, label: checkStatusLabels[s] }))}
          onChange={(v) => set({ status: v })}
        />
      </Form.Item>
      {mobile ? null : (
        <Form.Item label="类型">
          <Select
            allowClear
            style={{ minWidth: 160 }}
            value={filters.kind}
            options={checkKinds.map((k) => ({ value: k, label: checkKindLabels[k as CheckKind] }))}
            onChange={(v) => set({ kind: v })}
          />
        </Form.Item>
      )}
    </Form>
  );

  let body: React.ReactNode;
  if (query.isError) body = <QueryError error={query.error} onRetry={() => query.refetch()} />;
  else if (query.isPending) body = <Spin style={{ display: 'block', margin: 48 }} />;
  else if (!query.data.items.length) body = <Empty description="没有符合条件的检查" data-testid="check-list-empty" />;
  else if (mobile) body = <CheckCards items={query.data.items} />;
  else
    body = (
      <Table<CheckSummary>
        rowKey="id"
        dataSource={query.data.items}
        onRow={(c) => ({ onClick: () => navigate(`/enforcement/checks/${c.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize, total: query.data.total, onChange: setPage, showTotal: (n) => `共 ${n} 次` }}
        columns={[
          { title: '编号', dataIndex: 'code', render: (v: string, c) => <Link to={`/enforcement/checks/${c.id}`}>{v}</Link> },
          { title: '企业', dataIndex: 'enterpriseName' },
          { title: '执法单位', dataIndex: 'unitName' },
          { title: '类型', dataIndex: 'kind', render: (k: CheckKind) => checkKindLabels[k] },
          { title: '计划日期', dataIndex: 'scheduledOn' },
          { title: '执法人员', dataIndex: 'inspectorNames', render: (v: string[]) => v.join('、') },
          { title: '状态', dataIndex: 'status', render: (s: CheckStatus) => <StatusTag status={s} /> },
        ]}
      />
    );

  return (
    <PageContainer
      title="现场检查"
      testId="check-list-page"
      extra={Object.values(filters).some(Boolean) ? <Button onClick={() => setFilters({})}>清除筛选</Button> : undefined}
    >
      {filtersBar}
      {filters.year || filters.failed || filters.failedMajor ? (
        <div style={{ marginBottom: 12 }}>
          {filters.year ? <Tag>{filters.year} 年</Tag> : null}
          {filters.failedMajor === 'true' ? (
            <Tag color="red">有不符合的重大隐患判定项</Tag>
          ) : filters.failed === 'true' ? (
            <Tag color="orange">有不符合项</Tag>
          ) : null}
        </div>
      ) : null}
      {body}
    </PageContainer>
  );
}
