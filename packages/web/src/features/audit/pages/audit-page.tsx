import type { AuditEvent } from '@anzhi/core';
import { Card, DatePicker, Empty, Flex, Form, Input, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { freezeFirstColumn } from '../../../components/phone-table.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { SearchForm } from '../../../components/search-form.tsx';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { useAuditEvents } from '../api.ts';
import { auditColumns } from '../components/audit-columns.tsx';
import { AuditDiff } from '../components/audit-diff.tsx';
import { actionOptions, entityTypeOptions } from '../components/audit-labels.ts';
import { useVerifyChainControl } from '../components/verify-chain.tsx';

const filterKeys = ['entityType', 'entityId', 'action', 'actorUserId', 'q', 'from', 'to'] as const;

interface FormValues {
  entityType?: string;
  entityId?: string;
  action?: string;
  q?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditPage() {
  const list = useListParams(filterKeys);
  const { filters } = list;
  const [searchForm] = Form.useForm<FormValues>();
  const events = useAuditEvents({ ...filters, page: list.page, pageSize: list.pageSize });
  const verify = useVerifyChainControl();
  const isMobile = useIsMobile();

  const formValues = useMemo<FormValues>(
    () => ({
      entityType: filters.entityType,
      entityId: filters.entityId,
      action: filters.action,
      q: filters.q,
      range: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null,
    }),
    [filters],
  );

  const onSearch = (v: FormValues) => {
    const [start, end] = v.range ?? [null, null];
    list.setFilters({
      entityType: v.entityType,
      entityId: v.entityId?.trim(),
      action: v.action,
      actorUserId: filters.actorUserId,
      q: v.q?.trim(),
      // Whole days in local time, sent with their offset as the contract asks.
      from: start ? start.startOf('day').format() : undefined,
      to: end ? end.endOf('day').format() : undefined,
    });
  };

  const filtered = Object.keys(filters).length > 0;

  return (
    <PageContainer title="审计日志" testId="audit-page" extra={verify.button}>
      <Flex vertical gap={16}>
        {verify.result}
        <SearchForm<FormValues> form={searchForm} values={formValues} onSearch={onSearch} onReset={() => list.setFilters({})}>
          <Form.Item name="entityType" label="对象类型">
            <Select options={entityTypeOptions} placeholder="全部" allowClear />
          </Form.Item>
          <Form.Item name="entityId" label="对象编号">
            <Input placeholder="如 12" allowClear style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="action" label="操作">
            <Select options={actionOptions} placeholder="全部" allowClear />
          </Form.Item>
          <Form.Item name="range" label="时间范围">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input placeholder="操作人、IP 或内容" allowClear />
          </Form.Item>
        </SearchForm>
      </Flex>
      <Card className="table-card" style={{ marginTop: 16 }}>
        {events.isError ? (
          <QueryError error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <Table<AuditEvent>
            rowKey="id"
            className="phone-table"
            columns={freezeFirstColumn(auditColumns, isMobile)}
            dataSource={events.data?.items}
            loading={events.isFetching}
            size="middle"
            scroll={{ x: 900 }}
            expandable={{ expandedRowRender: (e) => <AuditDiff event={e} />, fixed: isMobile ? 'left' : undefined }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: events.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条记录`,
              onChange: list.setPage,
            }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有符合条件的审计记录' : '尚无审计记录'} />,
            }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
