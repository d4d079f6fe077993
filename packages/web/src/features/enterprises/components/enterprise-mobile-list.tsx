import type { Enterprise } from '@anzhi/core';
import { Card, Empty, Flex, Pagination, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCan, useCurrentUser } from '../../../lib/session.ts';
import { DomainTags, FlagTags, ShownRiskTag, StatusTag, WarningTags } from './enterprise-tags.tsx';

interface EnterpriseMobileListProps {
  items: Enterprise[] | undefined;
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  empty: ReactNode;
}

/** On a phone a table would scroll sideways; one card per enterprise, the whole card a tap target. */
export function EnterpriseMobileList({ items, loading, total, page, pageSize, onPage, empty }: EnterpriseMobileListProps) {
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="enterprise-table" className="enterprise-mobile-list">
        {items?.length ? (
          items.map((e) => (
            <Link key={e.id} to={`/enterprises/${e.id}`} className="enterprise-mobile-item">
              <Card size="small">
                <Flex justify="space-between" align="start" gap={8}>
                  <strong className="enterprise-mobile-name">{e.name}</strong>
                  <ShownRiskTag risk={e.risk} />
                </Flex>
                <div className="muted enterprise-mobile-meta">
                  {e.regionName ?? e.regionCode}
                  {e.principal ? ` · ${e.principal}` : ''}
                  {e.principalPhone ? ` ${e.principalPhone}` : ''}
                </div>
                <div className="muted enterprise-mobile-meta">监管单位：{e.supervisingUnitName ?? '未确定'}</div>
                <Flex gap={4} wrap style={{ marginTop: 6 }}>
                  <StatusTag status={e.status} />
                  <DomainTags domains={e.domains} max={2} />
                  <FlagTags flags={e.flags} max={1} />
                </Flex>
                <div style={{ marginTop: 6 }}>
                  <WarningTags enterprise={e} />
                </div>
              </Card>
            </Link>
          ))
        ) : loading ? (
          <div style={{ minHeight: 120 }} />
        ) : (
          <Card>{empty}</Card>
        )}
        {total > 0 ? (
          <Pagination
            simple
            align="center"
            current={page}
            pageSize={pageSize}
            total={total}
            onChange={onPage}
            showTotal={(t) => `共 ${t} 家`}
          />
        ) : null}
      </Flex>
    </Spin>
  );
}

/**
 * The empty list says what is true for the reader: a member unit sees only the enterprises of its supervised domains,
 * and "尚未登记企业，可新增" is no help to someone who may not register any.
 */
export function EmptyEnterprises({ filtered }: { filtered: boolean }) {
  const user = useCurrentUser();
  const canWrite = useCan('enterprise.write');
  const canImport = useCan('enterprise.import');
  const description = filtered
    ? '没有符合条件的企业'
    : user.roles.includes('unit')
      ? '您监管的行业领域暂无企业'
      : canWrite
        ? `尚未登记企业，可新增${canImport ? '或从 Excel 导入' : ''}`
        : '您的范围内暂无企业';
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} />;
}
