import { DownloadOutlined, EditOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, List, Popconfirm, Result, Spin, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { LinkButton } from '../../../components/link-button.tsx';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useRegionNames } from '../../../lib/regions-query.ts';
import { useCan } from '../../../lib/session.ts';
import { type CampaignDetail, campaignSummaryUrl, campaignTableUrl, objectLabelsUrl, useCampaign, useCloseCampaign } from './api.ts';
import { CampaignStatusTag } from './campaign-parts.tsx';
import { scopeSummary } from './campaign-view.ts';
import { ProgressPanel } from './progress-panel.tsx';
import { RoundsTimeline } from './rounds-timeline.tsx';

function Header({ campaign }: { campaign: CampaignDetail }) {
  const regionNames = useRegionNames();
  return (
    <Card size="small">
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
        <Descriptions.Item label="状态">
          <CampaignStatusTag status={campaign.status} />
        </Descriptions.Item>
        <Descriptions.Item label="检查对象">
          {campaign.subject}（计量单位：{campaign.counter}）
        </Descriptions.Item>
        <Descriptions.Item label="检查范围" span={2}>
          <span data-testid="campaign-scope">{scopeSummary(campaign.scope, { typeName: campaign.subject, regionNames })}</span>
        </Descriptions.Item>
        <Descriptions.Item label="依据" span={2}>
          {campaign.basis || <span className="muted">未填写</span>}
        </Descriptions.Item>
        <Descriptions.Item label="关联方案任务" span={2}>
          {campaign.planTaskId && campaign.planId ? (
            <Link to={`/plans/${campaign.planId}`}>
              {campaign.planTaskTitle ?? `任务 #${campaign.planTaskId}`}
              {campaign.planTargetMetric ? `（量化目标：${campaign.planTargetMetric}）` : ''}
            </Link>
          ) : (
            <span className="muted">未关联</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="责任单位" span={2}>
          {campaign.units.length ? campaign.units.map((u) => <Tag key={u.id}>{u.name}</Tag>) : <span className="muted">未指定</span>}
        </Descriptions.Item>
        <Descriptions.Item label="创建">
          {campaign.createdByName ?? '—'} · {formatDateTime(campaign.createdAt)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Checklist({ campaign }: { campaign: CampaignDetail }) {
  return (
    <Card size="small" title={`检查内容（${campaign.checklist.length} 项）`}>
      <List
        size="small"
        dataSource={campaign.checklist}
        renderItem={(item, i) => (
          <List.Item>
            <span>
              {i + 1}. {item.text} {item.major ? <Tag color="red">重大隐患</Tag> : null}
              {item.criteriaCode ? <Tag color="blue">{item.criteriaCode}</Tag> : null}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Actions({ campaign }: { campaign: CampaignDetail }) {
  const canManage = useCan('campaign.manage');
  const { message } = App.useApp();
  const close = useCloseCampaign(campaign.id);
  const running = campaign.status !== 'closed';
  return (
    <>
      <Button icon={<DownloadOutlined />} href={campaignSummaryUrl(campaign.id)} data-testid="campaign-summary-docx">
        导出情况报告
      </Button>
      <Button icon={<DownloadOutlined />} href={campaignTableUrl(campaign.id)} data-testid="campaign-table-xlsx">
        导出统计表
      </Button>
      {campaign.scope.kind === 'ledger' ? (
        <Button icon={<PrinterOutlined />} href={objectLabelsUrl(campaign.scope.typeId)}>
          打印对象标签
        </Button>
      ) : null}
      {canManage && running ? (
        <LinkButton icon={<EditOutlined />} to={`/campaigns/${campaign.id}/edit`} data-testid="campaign-edit">
          修改
        </LinkButton>
      ) : null}
      {canManage && running ? (
        <Popconfirm
          title="结束整个专项？"
          description="结束后不再开始新的轮次，也不再接收检查记录。"
          okText="结束专项"
          onConfirm={() =>
            close.mutateAsync().then(
              () => void message.success('专项已结束'),
              (e: unknown) => void message.error(errorMessage(e)),
            )
          }
        >
          <Button danger icon={<StopOutlined />} loading={close.isPending}>
            结束专项
          </Button>
        </Popconfirm>
      ) : null}
    </>
  );
}

/** 专项详情: what the campaign is, its rounds with 开始/结束, and its progress where every number opens its list. */
export function CampaignDetailPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const campaign = useCampaign(valid ? id : undefined);
  const canManage = useCan('campaign.manage');
  if (!valid) return <Result status="404" title="专项不存在" />;
  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const c = campaign.data;
  return (
    <PageContainer title={c.title} testId="campaign-detail-page" extra={<Actions campaign={c} />}>
      <Flex vertical gap={12}>
        <Header campaign={c} />
        <RoundsTimeline campaign={c} canManage={canManage} />
        <ProgressPanel campaign={c} />
        <Checklist campaign={c} />
      </Flex>
    </PageContainer>
  );
}
