import { ShopOutlined } from '@ant-design/icons';
import type { PublicReportEnterprise, PublicReportReceipt } from '@anzhi/core';
import { Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../../lib/api-client.ts';
import { usePublicReportEnterprise } from '../api.ts';
import { EnterpriseSearch } from '../components/enterprise-search.tsx';
import { PublicReportLayout } from '../components/public-report-layout.tsx';
import { ReportForm } from '../components/report-form.tsx';
import type { ReportTarget } from '../components/report-form-values.ts';
import { ReportReceipt } from '../components/report-receipt.tsx';
import { keepCredentials } from '../report-credentials-store.ts';

function TargetHeader({ target, onChange }: { target: ReportTarget; onChange: () => void }) {
  return (
    <Card size="small" data-testid="report-target">
      <Flex align="center" justify="space-between" gap={8}>
        {target.kind === 'enterprise' ? (
          <div>
            <Typography.Text type="secondary">反映的企业</Typography.Text>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="report-enterprise-name">
              <ShopOutlined style={{ marginRight: 6 }} />
              {target.enterprise.name}
            </Typography.Title>
            {target.enterprise.regionName ? <Typography.Text type="secondary">{target.enterprise.regionName}</Typography.Text> : null}
          </div>
        ) : (
          <Typography.Text strong>反映某个地点（未找到企业）</Typography.Text>
        )}
        <Button type="link" onClick={onChange} style={{ flexShrink: 0, paddingInline: 0 }} data-testid="report-change-target">
          {target.kind === 'enterprise' ? '不是这家企业？' : '改为选择企业'}
        </Button>
      </Flex>
    </Card>
  );
}

/**
 * `/report/e/:publicCode` (the QR code on the enterprise's 三个责任人 公示牌: the enterprise is prefilled) and `/report`
 * (the reporter searches the enterprise or describes a place). After submit the receipt replaces the form.
 */
export function ReportFormPage() {
  const { publicCode } = useParams();
  const navigate = useNavigate();
  const qr = usePublicReportEnterprise(publicCode);
  const [picked, setPicked] = useState<ReportTarget | null>(null);
  const [receipt, setReceipt] = useState<PublicReportReceipt | null>(null);
  const page = (children: React.ReactNode) => <PublicReportLayout testId="report-page">{children}</PublicReportLayout>;

  if (receipt) {
    return page(<ReportReceipt receipt={receipt} onTrack={() => navigate('/report/track')} />);
  }

  if (publicCode && !picked) {
    if (qr.isError) {
      const unknown = qr.error instanceof ApiError && (qr.error.status === 404 || qr.error.status === 400);
      return page(
        <Result
          status={unknown ? '404' : 'warning'}
          title={unknown ? '未找到二维码对应的企业' : '加载失败'}
          subTitle={unknown ? '企业可能已注销或二维码有误，您可以搜索企业名称或直接反映地点。' : errorMessage(qr.error)}
          extra={
            <Button type="primary" size="large" onClick={() => navigate('/report')}>
              搜索企业
            </Button>
          }
        />,
      );
    }
    if (!qr.data) return page(<Skeleton active paragraph={{ rows: 6 }} />);
  }

  const enterprise = (e: PublicReportEnterprise): ReportTarget => ({ kind: 'enterprise', enterprise: e });
  const target: ReportTarget | null = picked ?? (publicCode && qr.data ? enterprise(qr.data) : null);

  const submitted = (r: PublicReportReceipt) => {
    keepCredentials({ trackingCode: r.trackingCode, secret: r.secret });
    setReceipt(r);
    window.scrollTo(0, 0);
  };
  const changeTarget = () => {
    setPicked(null);
    if (publicCode) navigate('/report');
  };

  if (!target) {
    return page(<EnterpriseSearch onEnterprise={(e) => setPicked(enterprise(e))} onPlace={() => setPicked({ kind: 'place' })} />);
  }
  return page(
    <Flex vertical gap={12}>
      <TargetHeader target={target} onChange={changeTarget} />
      <ReportForm key={target.kind === 'enterprise' ? target.enterprise.publicCode : 'place'} target={target} onSubmitted={submitted} />
    </Flex>,
  );
}
