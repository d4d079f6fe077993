import { EditOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { useEnterprise, useEnterpriseFile } from '../api.ts';
import { BasicInfo, PeopleInfo, RiskInfo, StandingInfo, TenancyInfo } from '../components/enterprise-detail-sections.tsx';
import { EffectiveRiskTag, FileChecks, FileHazards, FileReports, RiskRaisedNotice } from '../components/enterprise-file-sections.tsx';
import { EnterpriseFormDrawer, type EnterpriseFormTarget } from '../components/enterprise-form-drawer.tsx';
import { EnterpriseHistory } from '../components/enterprise-history.tsx';
import { DomainTags, StatusTag, WarningTags } from '../components/enterprise-tags.tsx';
import { cardDocxHref } from '../enterprise-filters.ts';
import '../enterprises.css';
import { LinkButton } from '../../../components/link-button.tsx';

export function EnterpriseDetailPage() {
  const id = Number(useParams().id);
  const enterprise = useEnterprise(id);
  const file = useEnterpriseFile(id);
  const canWrite = useCan('enterprise.write');
  const [editing, setEditing] = useState<EnterpriseFormTarget | null>(null);
  const [tab, setTab] = useState('hazards');

  if (!(id > 0)) return <Result status="404" title="企业不存在" subTitle="链接中的企业编号有误。" />;
  if (enterprise.isError) return <QueryError error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  if (enterprise.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const e = enterprise.data;
  const f = file.data;
  const ledger = `/hazards?enterpriseId=${e.id}`;
  // The file's sections wait for the file; its failure shows in each section, the registry tabs still work.
  const fileSection = (render: (f: NonNullable<typeof file.data>) => ReactNode) =>
    file.isError ? (
      <QueryError error={file.error} onRetry={() => void file.refetch()} />
    ) : f ? (
      render(f)
    ) : (
      <Skeleton active paragraph={{ rows: 4 }} />
    );

  return (
    <div data-testid="enterprise-detail">
      <Card className="enterprise-header" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={4} className="enterprise-title" data-testid="enterprise-name">
                {e.name}
              </Typography.Title>
              <EffectiveRiskTag risk={e.risk} />
              <StatusTag status={e.status} />
            </Flex>
            <Typography.Text type="secondary">{[e.creditCode, e.regionName, e.address].filter(Boolean).join(' · ') || '—'}</Typography.Text>
            <Flex gap={8} wrap>
              <DomainTags domains={e.domains} max={4} />
              <WarningTags enterprise={e} />
            </Flex>
          </Flex>
          <Flex gap={8} wrap>
            {canWrite ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', enterprise: e })}>
                编辑
              </Button>
            ) : null}
            <LinkButton to={`/enterprises/${e.id}/card`} icon={<PrinterOutlined />} data-testid="print-card">
              打印公示牌
            </LinkButton>
            <Button icon={<FileWordOutlined />} href={cardDocxHref(e.id)} download>
              下载公示牌（Word）
            </Button>
          </Flex>
        </Flex>
      </Card>
      <RiskRaisedNotice risk={e.risk} enterpriseId={e.id} />
      <Card className="enterprise-tabs" title="一企一档">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'hazards',
              label: f ? `未销号隐患（${f.openHazards.total}）` : '未销号隐患',
              children: fileSection((x) => <FileHazards section={x.openHazards} empty="没有未销号的隐患" to={`${ledger}&open=true`} />),
            },
            {
              key: 'ended',
              label: '已销号隐患',
              children: fileSection((x) => (
                <FileHazards section={x.endedHazards} empty="没有已销号或不成立的隐患" to={`${ledger}&open=false`} />
              )),
            },
            { key: 'checks', label: '举一反三', children: fileSection((x) => <FileChecks checks={x.checks} />) },
            { key: 'reports', label: '季报年报', children: fileSection((x) => <FileReports reports={x.reports} />) },
            { key: 'basic', label: '基本信息', children: <BasicInfo e={e} /> },
            { key: 'people', label: '人员与责任', children: <PeopleInfo e={e} /> },
            { key: 'standing', label: '资质与保险', children: <StandingInfo e={e} /> },
            { key: 'risk', label: '风险等级', children: <RiskInfo e={e} /> },
            {
              key: 'tenancy',
              label: e.tenantCount > 0 ? `厂中厂（${e.tenantCount}）` : '厂中厂',
              children: <TenancyInfo e={e} />,
            },
            { key: 'history', label: '变更记录', children: <EnterpriseHistory enterprise={e} /> },
          ]}
        />
      </Card>
      <EnterpriseFormDrawer target={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
