import { BarChartOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Enterprise } from '@anzhi/core';
import { Button, Card, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { useEnterprises } from '../api.ts';
import { enterpriseColumns, type SortKey } from '../components/enterprise-columns.tsx';
import { EnterpriseFormDrawer, type EnterpriseFormTarget } from '../components/enterprise-form-drawer.tsx';
import { EmptyEnterprises, EnterpriseMobileList } from '../components/enterprise-mobile-list.tsx';
import { EnterpriseSearchForm } from '../components/enterprise-search-form.tsx';
import { type EnterpriseFilters, enterpriseExportHref, enterpriseFilterKeys } from '../enterprise-filters.ts';
import '../enterprises.css';
import { LinkButton } from '../../../components/link-button.tsx';

function sortOf(sorter: SorterResult<Enterprise> | SorterResult<Enterprise>[]): SortKey | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order) return undefined;
  return s.columnKey === 'name' ? 'name' : s.columnKey === 'riskLevel' ? 'riskLevel' : undefined;
}

export function EnterprisesPage() {
  const list = useListParams(enterpriseFilterKeys);
  const filters = list.filters as EnterpriseFilters;
  const isMobile = useIsMobile();
  const canWrite = useCan('enterprise.write');
  const canImport = useCan('enterprise.import');
  const [editing, setEditing] = useState<EnterpriseFormTarget | null>(null);
  const enterprises = useEnterprises(filters, list.page, list.pageSize);
  const sort = (filters.sort ?? '-updatedAt') as SortKey;
  const columns = useMemo(() => enterpriseColumns(sort), [sort]);
  const filtered = Object.keys(filters).some((k) => k !== 'sort');
  const empty = <EmptyEnterprises filtered={filtered} />;

  return (
    <PageContainer
      title="企业台账"
      testId="enterprises-page"
      extra={
        <>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              新增企业
            </Button>
          ) : null}
          {canImport ? (
            <LinkButton to="/enterprises/import" icon={<UploadOutlined />}>
              导入
            </LinkButton>
          ) : null}
          <Button icon={<DownloadOutlined />} href={enterpriseExportHref(filters)} download data-testid="enterprise-export">
            导出
          </Button>
          <LinkButton to="/enterprises/stats" icon={<BarChartOutlined />}>
            统计分析
          </LinkButton>
        </>
      }
    >
      <EnterpriseSearchForm filters={filters} onSearch={(f) => list.setFilters(f)} />
      {enterprises.isError ? (
        <Card>
          <QueryError error={enterprises.error} onRetry={() => void enterprises.refetch()} />
        </Card>
      ) : isMobile ? (
        <EnterpriseMobileList
          items={enterprises.data?.items}
          loading={enterprises.isFetching}
          total={enterprises.data?.total ?? 0}
          page={list.page}
          pageSize={list.pageSize}
          onPage={list.setPage}
          empty={empty}
        />
      ) : (
        <Card className="table-card">
          <Table<Enterprise>
            data-testid="enterprise-table"
            rowKey="id"
            columns={columns}
            dataSource={enterprises.data?.items}
            loading={enterprises.isFetching}
            size="middle"
            scroll={{ x: 1090 }}
            onChange={(_pagination, _filters, sorter, extra) => {
              if (extra.action !== 'sort') return;
              list.setFilters({ ...filters, sort: sortOf(sorter) });
            }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: enterprises.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 家`,
              onChange: list.setPage,
            }}
            locale={{ emptyText: empty }}
          />
        </Card>
      )}
      <EnterpriseFormDrawer target={editing} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
