import { BarChartOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { HazardSummary } from '@anzhi/core';
import { Button, Card, Table } from 'antd';
import { LinkButton } from '../../../components/link-button.tsx';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { useHazardFeed, useHazards } from '../api.ts';
import { hazardColumns, hazardTableWidth } from '../components/hazard-columns.tsx';
import { HazardExtraFilters } from '../components/hazard-extra-filters.tsx';
import { EmptyHazards, HazardMobileList } from '../components/hazard-mobile-list.tsx';
import { HazardQuickFilters } from '../components/hazard-quick-filters.tsx';
import { HazardSearchForm } from '../components/hazard-search-form.tsx';
import { type HazardFilters, hazardExportHref, hazardFilterKeys } from '../hazard-filters.ts';
import '../hazards.css';

export function HazardLedgerPage() {
  const list = useListParams(hazardFilterKeys);
  const filters = list.filters as HazardFilters;
  const isMobile = useIsMobile();
  const canReport = useCan('hazard.report');
  const canExport = useCan('hazard.export');
  const table = useHazards(filters, list.page, list.pageSize, !isMobile);
  const feed = useHazardFeed(filters, isMobile);
  const filtered = Object.keys(filters).length > 0;
  const empty = <EmptyHazards filtered={filtered} />;
  const feedItems = feed.data?.pages.flatMap((p) => p.items) ?? [];
  const error = isMobile ? feed.error : table.error;
  const retry = () => void (isMobile ? feed.refetch() : table.refetch());
  const shown = isMobile ? feedItems : table.data?.items;

  return (
    <PageContainer
      title="隐患台账"
      testId="hazard-ledger-page"
      extra={
        <>
          {canReport ? (
            <LinkButton type="primary" to="/hazards/new" icon={<PlusOutlined />} data-testid="hazard-new">
              登记隐患
            </LinkButton>
          ) : null}
          {canExport ? (
            <Button icon={<DownloadOutlined />} href={hazardExportHref(filters)} download data-testid="hazard-export">
              导出
            </Button>
          ) : null}
          <LinkButton to="/hazards/stats" icon={<BarChartOutlined />}>
            统计分析
          </LinkButton>
        </>
      }
    >
      <HazardQuickFilters filters={filters} onChange={(f) => list.setFilters(f)} />
      <HazardSearchForm filters={filters} onSearch={(f) => list.setFilters({ ...filters, ...f })} onReset={() => list.setFilters({})} />
      <HazardExtraFilters
        filters={filters}
        onChange={(f) => list.setFilters(f)}
        // Every row of an enterprise's list names that enterprise: the tag can too.
        names={{ enterpriseName: filters.enterpriseId ? shown?.[0]?.enterpriseName : undefined }}
      />
      {error ? (
        <Card>
          <QueryError error={error} onRetry={retry} />
        </Card>
      ) : isMobile ? (
        <HazardMobileList
          items={feedItems}
          total={feed.data?.pages[0]?.total}
          totalCapped={feed.data?.pages[0]?.totalCapped}
          loading={feed.isPending}
          hasMore={feed.hasNextPage}
          loadingMore={feed.isFetchingNextPage}
          onLoadMore={() => void feed.fetchNextPage()}
          empty={empty}
        />
      ) : (
        <Card className="table-card">
          <Table<HazardSummary>
            data-testid="hazard-table"
            rowKey="id"
            columns={hazardColumns}
            dataSource={table.data?.items}
            loading={table.isFetching}
            size="middle"
            scroll={{ x: hazardTableWidth }}
            rowClassName={(h) => (h.overdue ? 'hazard-row-overdue' : '')}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: table.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => (table.data?.totalCapped ? `超过 ${total} 条，可加筛选条件缩小范围` : `共 ${total} 条`),
              onChange: list.setPage,
            }}
            locale={{ emptyText: table.isPending ? ' ' : empty }}
          />
        </Card>
      )}
    </PageContainer>
  );
}
