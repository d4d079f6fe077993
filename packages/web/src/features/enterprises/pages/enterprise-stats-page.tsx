import { UnorderedListOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Form, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { useCan } from '../../../lib/session.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { useEnterpriseStats } from '../api.ts';
import { RegionDomainTable } from '../components/region-domain-table.tsx';
import { RiskChart } from '../components/risk-chart.tsx';
import { type EnterpriseFilters, enterpriseListHref, highRiskMissingResponsiblesFilter } from '../enterprise-filters.ts';
import { domainOptions } from '../enterprise-labels.ts';
import '../enterprises.css';
import { LinkButton } from '../../../components/link-button.tsx';

const statsFilterKeys = ['regionCode', 'domain'] as const;

interface StatCardProps {
  title: string;
  value: number;
  to: string;
  hint: string;
  danger?: boolean;
  testId: string;
}

function StatCard({ title, value, to, hint, danger, testId }: StatCardProps) {
  return (
    <Link to={to} className="stats-card" data-testid={testId}>
      <Card size="small">
        <Statistic title={title} value={value} suffix="家" styles={{ content: { color: danger && value > 0 ? '#cf1322' : undefined } }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      </Card>
    </Link>
  );
}

/** Every number opens the list of enterprises behind it. */
export function EnterpriseStatsPage() {
  const params = useListParams(statsFilterKeys);
  const filters = params.filters as EnterpriseFilters;
  const stats = useEnterpriseStats(filters);
  const canPickRegion = useCan('region.read');
  const s = stats.data;

  return (
    <PageContainer
      title="企业统计分析"
      testId="enterprise-stats-page"
      extra={
        <LinkButton to={enterpriseListHref(filters)} icon={<UnorderedListOutlined />}>
          企业列表
        </LinkButton>
      }
    >
      <Card size="small" className="search-form">
        <Form layout="inline" className="search-form-body">
          {canPickRegion ? (
            <Form.Item label="所属区划">
              <RegionTreeSelect
                value={filters.regionCode ?? null}
                onChange={(v) => params.setFilters({ ...filters, regionCode: typeof v === 'string' ? v : undefined })}
                placeholder="全部区划"
              />
            </Form.Item>
          ) : null}
          <Form.Item label="行业领域">
            <Select
              value={filters.domain}
              onChange={(v?: string) => params.setFilters({ ...filters, domain: v })}
              options={domainOptions}
              allowClear
              placeholder="全部领域"
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Form>
      </Card>
      {stats.isError ? (
        <Card>
          <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
        </Card>
      ) : !s ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={12} lg={6}>
              <StatCard title="企业总数" value={s.total} to={enterpriseListHref(filters)} hint="在册生产经营单位" testId="stats-total" />
            </Col>
            <Col xs={12} lg={6}>
              <StatCard
                title="缺安责险"
                value={s.missingInsurance}
                to={enterpriseListHref({ ...filters, missingInsurance: 'true' })}
                hint="须投保但未登记或已过期"
                danger
                testId="stats-missing-insurance"
              />
            </Col>
            <Col xs={12} lg={6}>
              <StatCard
                title="标准化将到期/已过期"
                value={s.standardisationExpiring}
                to={enterpriseListHref({ ...filters, standardisationExpiring: 'true' })}
                hint="90 天内到期或已过期"
                danger
                testId="stats-standardisation"
              />
            </Col>
            <Col xs={12} lg={6}>
              <StatCard
                title="高危行业缺三个责任人"
                value={s.highRiskMissingResponsibles}
                to={enterpriseListHref({ ...filters, ...highRiskMissingResponsiblesFilter })}
                hint="行政领导、部门监管、企业负责人未明确"
                danger
                testId="stats-missing-responsibles"
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={9}>
              <Card title="风险等级分布" size="small" style={{ height: '100%' }}>
                <RiskChart stats={s} filters={filters} />
              </Card>
            </Col>
            <Col xs={24} lg={15}>
              <Card title="区划 × 行业领域" size="small" extra={<span className="muted">点击数字查看名单</span>}>
                <RegionDomainTable stats={s} filters={filters} />
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </PageContainer>
  );
}
