import { type Enterprise, isInsuranceMissing, requiresInsurance, standardisationExpiring } from '@anzhi/core';
import { Descriptions, type DescriptionsProps, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useEnterpriseTenants } from '../api.ts';
import { flagLabel, industryLabel, scaleLabel, smallVenueLabel, standardisationLabel, today } from '../enterprise-labels.ts';
import { EffectiveRiskTag } from './enterprise-file-sections.tsx';
import { fiveToOneLabels } from './enterprise-form-values.ts';
import { DomainTags, RiskTag, StatusTag, TagList } from './enterprise-tags.tsx';

const column = { xs: 1, sm: 1, md: 2, xl: 3 } as const;
const none = <span className="muted">—</span>;
const pending = <Typography.Text type="danger">（待明确）</Typography.Text>;

function Person({ name, phone, missing = none }: { name: string | null; phone: string | null; missing?: ReactNode }) {
  if (!name) return missing;
  return (
    <span>
      {name}
      {phone ? (
        <a href={`tel:${phone}`} style={{ marginInlineStart: 8 }}>
          {phone}
        </a>
      ) : null}
    </span>
  );
}

function Details({ items, title }: { items: DescriptionsProps['items']; title?: string }) {
  return <Descriptions title={title} size="small" bordered column={column} items={items} style={{ marginBottom: 16 }} />;
}

export function BasicInfo({ e }: { e: Enterprise }) {
  return (
    <Details
      items={[
        { key: 'creditCode', label: '统一社会信用代码', children: e.creditCode ?? none },
        { key: 'region', label: '所属区划', children: e.regionName ?? e.regionCode },
        { key: 'status', label: '经营状态', children: <StatusTag status={e.status} /> },
        { key: 'address', label: '生产经营地址', children: e.address ?? none, span: { xs: 1, md: 2, xl: 3 } },
        { key: 'industry', label: '国民经济行业', children: industryLabel(e.industryCode) || none, span: { xs: 1, md: 2, xl: 2 } },
        { key: 'scale', label: '规模', children: scaleLabel(e.scale) || none },
        { key: 'domains', label: '行业领域', children: <DomainTags domains={e.domains} max={10} /> },
        { key: 'flags', label: '重点标签', children: <TagList codes={e.flags} label={flagLabel} colour="purple" max={10} /> },
        { key: 'smallVenue', label: '九小场所', children: smallVenueLabel(e.smallVenueType) || '否' },
        { key: 'employees', label: '从业人数', children: e.employees != null ? `${e.employees} 人` : none },
        {
          key: 'coordinates',
          label: '经纬度',
          children: e.longitude != null && e.latitude != null ? `${e.longitude}, ${e.latitude}` : none,
        },
        { key: 'updatedAt', label: '最后更新', children: formatDateTime(e.updatedAt) },
      ]}
    />
  );
}

export function PeopleInfo({ e }: { e: Enterprise }) {
  const unit = e.supervisingUnitName ? (
    <Flex gap={8} wrap align="center">
      <span>{e.supervisingUnitName}</span>
      <Tag color={e.supervisingUnitOverridden ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }}>
        {e.supervisingUnitOverridden ? '手工指定' : '按三管三必须自动确定'}
      </Tag>
    </Flex>
  ) : (
    <Typography.Text type="warning">未确定（无监管该行业领域的成员单位）</Typography.Text>
  );
  const five = e.fiveToOne;
  return (
    <>
      <Details
        title="三个责任人"
        items={[
          {
            key: 'townshipLeader',
            label: '行政领导责任人',
            children: <Person name={e.townshipLeader} phone={e.townshipLeaderPhone} missing={pending} />,
          },
          {
            key: 'unitSupervisor',
            label: '部门监管责任人',
            children: <Person name={e.unitSupervisor} phone={e.unitSupervisorPhone} missing={pending} />,
          },
          { key: 'principal', label: '企业主要负责人', children: <Person name={e.principal} phone={e.principalPhone} missing={pending} /> },
          { key: 'unit', label: '监管单位', children: unit, span: { xs: 1, md: 2, xl: 3 } },
        ]}
      />
      <Details
        title="企业人员"
        items={[
          { key: 'legal', label: '法定代表人', children: <Person name={e.legalRepresentative} phone={e.legalRepresentativePhone} /> },
          { key: 'principal', label: '主要负责人', children: <Person name={e.principal} phone={e.principalPhone} /> },
          { key: 'controller', label: '实际控制人', children: <Person name={e.actualController} phone={e.actualControllerPhone} /> },
          { key: 'safety', label: '安全管理人员', children: <Person name={e.safetyManager} phone={e.safetyManagerPhone} /> },
        ]}
      />
      {five && Object.values(five).some(Boolean) ? (
        <Details
          title="五包一"
          items={Object.entries(fiveToOneLabels).map(([key, label]) => ({
            key,
            label,
            children: five[key as keyof typeof five] ?? none,
          }))}
        />
      ) : null}
    </>
  );
}

function expiryTag(expired: boolean, expiring: boolean) {
  if (expired) return <Tag color="red">已过期</Tag>;
  if (expiring) return <Tag color="orange">即将到期</Tag>;
  return null;
}

export function StandingInfo({ e }: { e: Enterprise }) {
  const on = today();
  const stdExpired = !!e.standardisationExpiry && e.standardisationExpiry < on;
  const stdExpiring = standardisationExpiring(e.standardisationExpiry, on);
  const needsInsurance = requiresInsurance(e.domains);
  const insuranceMissing = isInsuranceMissing(e, on);
  const insuranceState = insuranceMissing ? (
    <Tag color="red">{e.insuranceExpiry ? '已过期' : '缺失'}</Tag>
  ) : needsInsurance ? (
    <Tag color="green">已投保</Tag>
  ) : null;
  return (
    <>
      <Details
        title="安全生产标准化"
        items={[
          { key: 'level', label: '标准化等级', children: standardisationLabel(e.standardisationLevel) || '未达标或未登记' },
          {
            key: 'expiry',
            label: '有效期至',
            children: (
              <Flex gap={8} align="center">
                {formatDate(e.standardisationExpiry)}
                {expiryTag(stdExpired, stdExpiring && !stdExpired)}
              </Flex>
            ),
          },
        ]}
      />
      <Details
        title="安全生产责任保险（安责险）"
        items={[
          {
            key: 'required',
            label: '是否须投保',
            children: (
              <Flex gap={8} align="center" wrap>
                {needsInsurance ? '是（所属行业领域须投保）' : '否（非强制投保行业领域）'}
                {insuranceState}
              </Flex>
            ),
            span: { xs: 1, md: 2, xl: 3 },
          },
          { key: 'insurer', label: '承保机构', children: e.insurer ?? none },
          { key: 'policy', label: '保单号', children: e.insurancePolicyNo ?? none },
          { key: 'expiry', label: '到期日', children: formatDate(e.insuranceExpiry) },
        ]}
      />
    </>
  );
}

export function RiskInfo({ e }: { e: Enterprise }) {
  const { risk } = e;
  return (
    <Details
      items={[
        { key: 'level', label: '登记的风险等级', children: <RiskTag level={e.riskLevel} /> },
        ...(risk.raised
          ? [{ key: 'effective', label: '显示的风险等级', children: <EffectiveRiskTag risk={risk} />, span: { xs: 1, md: 2, xl: 2 } }]
          : []),
        { key: 'by', label: '评定人', children: e.riskLevelSetBy ?? none },
        { key: 'at', label: '评定时间', children: formatDateTime(e.riskLevelSetAt) },
        { key: 'reason', label: '评定理由', children: e.riskLevelReason ?? none, span: { xs: 1, md: 2, xl: 3 } },
        // 双重预防: the enterprise's own highest assessed risk (its worst risk event), who assessed it and when.
        { key: 'assessed', label: '企业风险辨识评估', children: <RiskTag level={e.assessedRiskLevel} /> },
        { key: 'assessedBy', label: '评估人', children: e.assessedRiskBy ?? none },
        { key: 'assessedAt', label: '评估时间', children: formatDateTime(e.assessedRiskAt) },
      ]}
    />
  );
}

export function TenancyInfo({ e }: { e: Enterprise }) {
  const tenants = useEnterpriseTenants(e.id, e.tenantCount > 0);
  if (!e.landlordId && e.tenantCount === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="不涉及厂中厂（未登记出租方或承租企业）" />;
  }
  return (
    <Flex vertical gap={16}>
      {e.landlordId ? (
        <div>
          本企业为厂中厂承租企业，出租方：<Link to={`/enterprises/${e.landlordId}`}>{e.landlordName ?? `企业编号 ${e.landlordId}`}</Link>
        </div>
      ) : null}
      {e.tenantCount > 0 ? (
        <div>
          <Typography.Title level={5}>承租企业（{e.tenantCount} 家）</Typography.Title>
          {tenants.isPending ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : tenants.isError ? (
            <QueryError error={tenants.error} onRetry={() => void tenants.refetch()} />
          ) : (
            <ul className="enterprise-tenants">
              {tenants.data.map((t) => (
                <li key={t.id}>
                  <Link to={`/enterprises/${t.id}`}>{t.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </Flex>
  );
}
