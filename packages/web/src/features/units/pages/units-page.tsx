import { PlusOutlined } from '@ant-design/icons';
import type { Unit, UnitKind } from '@anzhi/core';
import { Button, Card, Empty, Form, Input, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { freezeFirstColumn } from '../../../components/phone-table.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { SearchForm } from '../../../components/search-form.tsx';
import { useRegionNames } from '../../../lib/regions-query.ts';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { useUnits } from '../api.ts';
import { UnitActions } from '../components/unit-actions.tsx';
import { unitColumns } from '../components/unit-columns.tsx';
import { UnitFormDrawer, type UnitFormTarget } from '../components/unit-form-drawer.tsx';
import { unitKindOptions } from '../components/unit-options.ts';

const filterKeys = ['q', 'kind'] as const;

interface Filters {
  q?: string;
  kind?: UnitKind;
}

export function UnitsPage() {
  const list = useListParams(filterKeys);
  const filters = list.filters as Filters;
  const [searchForm] = Form.useForm<Filters>();
  const canWrite = useCan('unit.write');
  const regionNames = useRegionNames();
  const isMobile = useIsMobile();
  const [editing, setEditing] = useState<UnitFormTarget | null>(null);
  const units = useUnits({ ...filters, page: list.page, pageSize: list.pageSize });

  const columns = useMemo(() => {
    const cols = unitColumns(regionNames);
    if (canWrite) {
      cols.push({
        title: '操作',
        key: 'actions',
        width: 130,
        // On a phone a pinned column would cover most of the row.
        fixed: isMobile ? undefined : 'right',
        render: (_, unit: Unit) => <UnitActions unit={unit} onEdit={(u) => setEditing({ mode: 'edit', unit: u })} />,
      });
    }
    return freezeFirstColumn(cols, isMobile);
  }, [regionNames, canWrite, isMobile]);

  const filtered = Object.keys(filters).length > 0;

  return (
    <PageContainer
      title="成员单位"
      testId="units-page"
      extra={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            新增成员单位
          </Button>
        ) : null
      }
    >
      <SearchForm<Filters>
        form={searchForm}
        values={filters}
        onSearch={(v) => list.setFilters({ q: v.q?.trim(), kind: v.kind })}
        onReset={() => list.setFilters({})}
      >
        <Form.Item name="q" label="关键词">
          <Input placeholder="名称、简称或别名" allowClear />
        </Form.Item>
        <Form.Item name="kind" label="类别">
          <Select options={unitKindOptions} placeholder="全部类别" allowClear />
        </Form.Item>
      </SearchForm>
      <Card className="table-card">
        {units.isError ? (
          <QueryError error={units.error} onRetry={() => void units.refetch()} />
        ) : (
          <Table<Unit>
            className="phone-table"
            rowKey="id"
            columns={columns}
            dataSource={units.data?.items}
            loading={units.isFetching}
            size="middle"
            scroll={{ x: 1100 }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: units.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 个单位`,
              onChange: list.setPage,
            }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有符合条件的成员单位' : '尚无成员单位'} />,
            }}
          />
        )}
      </Card>
      <UnitFormDrawer target={editing} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
