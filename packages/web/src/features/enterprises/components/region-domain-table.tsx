import { type EnterpriseStats, supervisionDomainCodes } from '@anzhi/core';
import { Empty, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { type EnterpriseFilters, enterpriseListHref } from '../enterprise-filters.ts';
import { domainLabel } from '../enterprise-labels.ts';

interface MatrixRow {
  key: string;
  regionCode: string | null;
  regionName: string;
  counts: Record<string, number>;
}

function matrix(stats: EnterpriseStats) {
  const domains = supervisionDomainCodes.filter((d) => stats.byRegionDomain.some((r) => r.domain === d && r.count > 0)) as string[];
  const rows = new Map<string, MatrixRow>();
  const totals: Record<string, number> = {};
  for (const r of stats.byRegionDomain) {
    const row = rows.get(r.regionCode) ?? { key: r.regionCode, regionCode: r.regionCode, regionName: r.regionName, counts: {} };
    row.counts[r.domain] = (row.counts[r.domain] ?? 0) + r.count;
    rows.set(r.regionCode, row);
    totals[r.domain] = (totals[r.domain] ?? 0) + r.count;
  }
  const sorted = [...rows.values()].sort((a, b) => (a.regionCode ?? '').localeCompare(b.regionCode ?? ''));
  return { domains, rows: sorted, totals };
}

/**
 * Villages (or townships) × supervision domains. An enterprise in two domains counts in both columns, so rows
 * have no total; each column's 合计 is exact.
 */
export function RegionDomainTable({ stats, filters }: { stats: EnterpriseStats; filters: EnterpriseFilters }) {
  const { domains, rows, totals } = useMemo(() => matrix(stats), [stats]);
  const columns = useMemo<TableColumnsType<MatrixRow>>(
    () => [
      {
        title: '区划',
        dataIndex: 'regionName',
        key: 'region',
        fixed: 'left',
        width: 150,
        render: (name: string, row) =>
          row.regionCode ? (
            <Link to={enterpriseListHref({ ...filters, regionCode: row.regionCode })}>{name}</Link>
          ) : (
            <strong>{name}</strong>
          ),
      },
      ...domains.map((domain) => ({
        title: domainLabel(domain),
        key: domain,
        align: 'center' as const,
        width: 84,
        render: (_: unknown, row: MatrixRow) => {
          const count = row.counts[domain];
          if (!count) return <span className="muted">—</span>;
          const target = row.regionCode ? { ...filters, regionCode: row.regionCode, domain } : { ...filters, domain };
          return (
            <Link to={enterpriseListHref(target)} title={`查看${row.regionName}${domainLabel(domain)}企业`}>
              {count}
            </Link>
          );
        },
      })),
    ],
    [domains, filters],
  );
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有企业" />;
  const totalRow: MatrixRow = { key: 'total', regionCode: null, regionName: '合计', counts: totals };
  return (
    <Table<MatrixRow>
      className="stats-matrix"
      data-testid="stats-matrix"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={[...rows, totalRow]}
      scroll={{ x: 150 + domains.length * 84 }}
    />
  );
}
