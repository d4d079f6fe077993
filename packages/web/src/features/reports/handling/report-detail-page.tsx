import {
  formatTrackingCode,
  reportChannelLabels,
  type reportEventKinds,
  reportMatterLabels,
  reportMessageKindLabels,
  reportSourceLabels,
  reportStatusLabels,
} from '@anzhi/core';
import { App, Button, Card, Descriptions, Empty, Flex, Image, Input, Select, Skeleton, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { ReportRewardPanel } from '../components/report-reward-panel.tsx';
import { type ReportDetail, useReport, useReportStep, useRevealIdentity } from './api.ts';
import { dateTime, ReportStatusTag } from './report-labels.tsx';
import { ReportOutcomeModal } from './report-outcome-modal.tsx';
import { ReportStepModal, type SimpleStep } from './report-step-modal.tsx';

const eventLabels: Record<(typeof reportEventKinds)[number], string> = {
  received: '收到举报',
  accepted: '受理并交办',
  assigned: '改派承办单位',
  rejected: '不予受理',
  merged: '合并办理',
  unmerged: '取消合并',
  extended: '核查延期',
  founded: '核查属实',
  unfounded: '核查不属实',
  linkedHazard: '关联隐患',
  linkedCase: '关联执法案件',
  messaged: '发送消息',
  identityViewed: '查看举报人信息',
  rewardProposed: '拟定奖励',
  rewardApproved: '批准奖励',
  rewardDeclined: '不予奖励',
  rewardPaid: '发放奖励',
  rewardWaived: '逾期未领取',
  reminded: '到期提醒',
  overdue: '核查逾期',
};

const stepButtons: Array<[SimpleStep, string]> = [
  ['accept', '受理并交办'],
  ['reject', '不予受理'],
  ['assign', '改派'],
  ['extend', '延期'],
  ['merge', '合并'],
  ['unmerge', '取消合并'],
];

/** 查看举报人: a confirm that says the view is recorded, then the name and phone (never cached). */
function IdentityButton({ report }: { report: ReportDetail }) {
  const { modal, message } = App.useApp();
  const reveal = useRevealIdentity(report.id);
  if (!report.identity.named) return <Tag>匿名举报</Tag>;
  if (!report.identity.canView) return <Tag color="blue">实名举报</Tag>;
  if (reveal.data)
    return (
      <Tag color="gold">
        举报人：{reveal.data.name ?? '（未留姓名）'} {reveal.data.phone ?? ''}
      </Tag>
    );
  return (
    <Button
      onClick={() =>
        modal.confirm({
          title: '查看举报人信息',
          content: '举报人信息依法保密。本次查看将被记录（查看人、时间），仅用于回访或发放奖励，不得泄露。',
          okText: '确认查看',
          onOk: () => reveal.mutateAsync().catch((e) => message.error(errorMessage(e))),
        })
      }
    >
      查看举报人
    </Button>
  );
}

function Messages({ report }: { report: ReportDetail }) {
  const send = useReportStep(report.id, 'messages');
  const { message } = App.useApp();
  const [kind, setKind] = useState<'question' | 'notice'>('question');
  const [body, setBody] = useState('');
  return (
    <Card size="small" title="与举报人的沟通（举报人凭查询码查看并答复）">
      {report.messages.length === 0 ? <Empty description="暂无消息" /> : null}
      <Flex vertical gap={8}>
        {report.messages.map((m) => (
          <div key={m.id} style={{ alignSelf: m.fromReporter ? 'flex-start' : 'flex-end', maxWidth: '90%' }}>
            <Tag color={m.fromReporter ? 'green' : 'blue'}>{reportMessageKindLabels[m.kind]}</Tag>
            <span className="muted">
              {m.fromReporter ? '举报人' : (m.authorName ?? '')} · {dateTime(m.at)}
            </span>
            <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
          </div>
        ))}
      </Flex>
      {report.actions.includes('message') ? (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Select
            value={kind}
            onChange={setKind}
            style={{ width: 160 }}
            options={[
              { value: 'question', label: '补充询问' },
              { value: 'notice', label: '通知' },
            ]}
          />
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder="发给举报人的内容（不要写入内部核查情况）"
          />
          <Button
            type="primary"
            loading={send.isPending}
            disabled={body.trim().length < 2}
            onClick={() =>
              send.mutate(
                { kind, body },
                {
                  onSuccess: () => {
                    setBody('');
                    message.success('已发送');
                  },
                  onError: (e) => message.error(errorMessage(e)),
                },
              )
            }
          >
            发送
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}

/** 举报详情: the report, its photos and links, the conversation with the reporter, the internal timeline, the steps. */
export function ReportDetailPage() {
  const id = Number(useParams().id);
  const query = useReport(id);
  const [step, setStep] = useState<SimpleStep | null>(null);
  const [deciding, setDeciding] = useState(false);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  const r = query.data;

  return (
    <PageContainer
      title={`举报 ${formatTrackingCode(r.trackingCode)}`}
      testId="report-detail-page"
      extra={
        <Flex gap={8} wrap>
          <IdentityButton report={r} />
          {stepButtons
            .filter(([s]) => r.actions.includes(s))
            .map(([s, label]) => (
              <Button key={s} type={s === 'accept' ? 'primary' : 'default'} danger={s === 'reject'} onClick={() => setStep(s)}>
                {label}
              </Button>
            ))}
          {r.actions.includes('outcome') ? (
            <Button type="primary" onClick={() => setDeciding(true)}>
              核查办结
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="状态">
            <ReportStatusTag status={r.status} />
          </Descriptions.Item>
          <Descriptions.Item label="渠道">
            {reportChannelLabels[r.channel]} · {reportSourceLabels[r.source]}
          </Descriptions.Item>
          <Descriptions.Item label="被举报企业">
            {r.enterpriseId ? <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> : (r.enterpriseName ?? '—')}
          </Descriptions.Item>
          <Descriptions.Item label="所在区划">{r.regionName ?? r.regionCode}</Descriptions.Item>
          <Descriptions.Item label="地点">{r.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="问题类别">{r.matter ? reportMatterLabels[r.matter] : '待定'}</Descriptions.Item>
          <Descriptions.Item label="收到时间">{dateTime(r.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{r.assignedUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="受理日期">{r.acceptedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="核查期限">
            {r.dueOn ? (
              <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
                {r.dueOn}
                {r.overdue ? '（已逾期）' : ''}
              </span>
            ) : (
              '—'
            )}
            {r.extendedDays ? <span className="muted">（已延期 {r.extendedDays} 天）</span> : null}
          </Descriptions.Item>
          {r.decidedOn ? <Descriptions.Item label="办结日期">{r.decidedOn}</Descriptions.Item> : null}
          {r.outcomeNote ? <Descriptions.Item label="核查情况（内部）">{r.outcomeNote}</Descriptions.Item> : null}
          {r.rejectReason ? <Descriptions.Item label="不予受理理由">{r.rejectReason}</Descriptions.Item> : null}
          {r.concealedDeaths !== null ? <Descriptions.Item label="核实瞒报死亡人数">{r.concealedDeaths}</Descriptions.Item> : null}
          <Descriptions.Item label="关联" span={2}>
            <Flex gap={8} wrap>
              {r.hazard ? (
                <Link to={`/hazards/${r.hazard.id}`}>
                  隐患 {r.hazard.code} {r.hazard.title}
                </Link>
              ) : null}
              {r.enforcementCheck ? (
                <Link to={`/enforcement/checks/${r.enforcementCheck.id}`}>执法检查 {r.enforcementCheck.code}</Link>
              ) : null}
              {r.enforcementPenalty ? (
                <Link to={`/enforcement/penalties/${r.enforcementPenalty.id}`}>
                  处罚案件 {r.enforcementPenalty.decisionNo ?? r.enforcementPenalty.id}
                </Link>
              ) : null}
              {r.duplicateOf ? (
                <Link to={`/reports/${r.duplicateOf.id}`}>
                  合并到 {formatTrackingCode(r.duplicateOf.trackingCode)}（{reportStatusLabels[r.duplicateOf.status]}）
                </Link>
              ) : null}
              {r.duplicates.map((d) => (
                <Link key={d.id} to={`/reports/${d.id}`}>
                  重复举报 {formatTrackingCode(d.trackingCode)}
                </Link>
              ))}
              {!r.hazard && !r.enforcementCheck && !r.enforcementPenalty && !r.duplicateOf && !r.duplicates.length ? '—' : null}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label="举报内容" span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{r.description}</div>
          </Descriptions.Item>
        </Descriptions>
        {r.photos.length ? (
          <Card size="small" title="照片">
            <Image.PreviewGroup>
              <Flex gap={8} wrap>
                {r.photos.map((p) => (
                  <Image
                    key={p.id}
                    width={96}
                    height={96}
                    style={{ objectFit: 'cover' }}
                    src={p.thumbUrl ?? p.url}
                    preview={{ src: p.url }}
                  />
                ))}
              </Flex>
            </Image.PreviewGroup>
          </Card>
        ) : null}
        {r.status === 'founded' ? <ReportRewardPanel reportId={r.id} /> : null}
        <Messages report={r} />
        <Card size="small" title="办理过程（内部）">
          <Timeline
            items={r.events.map((e) => ({
              key: e.id,
              children: (
                <>
                  <strong>{eventLabels[e.kind]}</strong>{' '}
                  <span className="muted">
                    {e.actorName ?? '系统'} · {dateTime(e.at)}
                  </span>
                  {e.note ? <div>{e.note}</div> : null}
                </>
              ),
            }))}
          />
        </Card>
      </Flex>
      <ReportStepModal report={r} step={step} onClose={() => setStep(null)} />
      {deciding ? <ReportOutcomeModal report={r} open={deciding} onClose={() => setDeciding(false)} /> : null}
    </PageContainer>
  );
}
