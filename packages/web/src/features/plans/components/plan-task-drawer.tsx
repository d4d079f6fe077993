import { FilePdfOutlined } from '@ant-design/icons';
import { type PlanAssignee, type PlanProgressNode, type PlanReportView, planReportFilingLabels, planReportStatusLabels } from '@anzhi/core';
import { Card, Descriptions, Drawer, Empty, Flex, Image, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { periodLabel, targetText } from '../plan-labels.ts';
import {
  assigneeState,
  isVillagesAssignee,
  missingVillages,
  type ReportState,
  reportOf,
  TaskStatusTag,
  type Village,
} from './plan-status.tsx';

function Files({ files }: { files: PlanReportView['files'] }) {
  if (!files.length) return null;
  return (
    <Flex gap={8} wrap>
      <Image.PreviewGroup>
        {files.map((f) =>
          f.thumbUrl ? (
            <Image key={f.id} src={f.thumbUrl} preview={{ src: f.url }} width={72} height={72} style={{ objectFit: 'cover' }} />
          ) : (
            <a key={f.id} href={f.url} target="_blank" rel="noreferrer" className="plan-file-link">
              <FilePdfOutlined /> 附件 {f.id}
            </a>
          ),
        )}
      </Image.PreviewGroup>
    </Flex>
  );
}

/** What one report says: status, words, figures, evidence. */
function ReportBody({ r, period }: { r: PlanReportView; period: string }) {
  return (
    <Flex vertical gap={6}>
      <div>
        <Tag>{planReportStatusLabels[r.status]}</Tag>
        <span className="muted">
          {r.period !== period ? `${periodLabel(r.period)}填报 · ` : ''}
          {r.reportedByName} {formatDateTime(r.reportedAt)}
        </span>
        {r.late ? <Tag color="orange">逾期报送</Tag> : null}
        {r.filing === 'noChange' ? <Tag color="default">{planReportFilingLabels.noChange}</Tag> : null}
      </div>
      {r.summary ? <Typography.Paragraph className="plan-pre">{r.summary}</Typography.Paragraph> : null}
      {r.problems ? <Typography.Paragraph type="warning">存在问题：{r.problems}</Typography.Paragraph> : null}
      {r.figures.length ? (
        <Flex gap={4} wrap>
          {r.figures.map((f) => (
            <Tag key={f.metric} color="cyan">
              {f.metric}：{f.value}
              {f.unit}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <Files files={r.files} />
    </Flex>
  );
}

function StateTag({ state, done, period }: { state: ReportState; done: boolean; period: string }) {
  if (state === 'reported') return <Tag color="success">{periodLabel(period)}已报</Tag>;
  if (state === 'silent' && !done) return <Tag color="error">{periodLabel(period)}未报</Tag>;
  return <Tag>{periodLabel(period)}待报</Tag>;
}

interface CardProps {
  a: PlanAssignee;
  lead: boolean;
  node: PlanProgressNode;
  period: string;
  pastDue: boolean;
  villages: readonly Village[];
}

function ReportCard({ a, lead, node, period, pastDue, villages }: CardProps) {
  const state = assigneeState(node, a, period, pastDue, villages);
  const title = (
    <Flex gap={6} align="center" wrap>
      <Tag color={lead ? 'blue' : undefined}>{lead ? '牵头' : '配合'}</Tag>
      {a.name}
    </Flex>
  );
  const extra = <StateTag state={state} done={node.status === 'done'} period={period} />;
  if (isVillagesAssignee(a)) {
    const missing = missingVillages(node, period, villages);
    const reports = node.reports.filter((r) => r.villageCode);
    return (
      <Card size="small" title={title} extra={extra}>
        <Flex vertical gap={12}>
          {missing.length ? (
            <Typography.Text type={state === 'silent' ? 'danger' : 'secondary'}>
              未报：{missing.map((v) => v.name).join('、')}
            </Typography.Text>
          ) : null}
          {reports.map((r) => (
            <div key={r.id}>
              <Typography.Text strong>{r.assigneeName}</Typography.Text>
              <ReportBody r={r} period={period} />
            </div>
          ))}
          {reports.length ? null : <span className="muted">尚无填报</span>}
        </Flex>
      </Card>
    );
  }
  const r = reportOf(node, a);
  return (
    <Card size="small" title={title} extra={extra}>
      {r ? <ReportBody r={r} period={period} /> : <span className="muted">尚无填报</span>}
    </Card>
  );
}

interface PlanTaskDrawerProps {
  node: PlanProgressNode | null;
  period: string;
  pastDue: boolean;
  villages: readonly Village[];
  onClose: () => void;
}

/** A task in full: what the plan says, who answers for it, and each unit's latest report with its evidence. */
export function PlanTaskDrawer({ node, period, pastDue, villages, onClose }: PlanTaskDrawerProps) {
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={!!node}
      onClose={onClose}
      size={isMobile ? '100%' : 640}
      title={node ? `${node.ordinal} ${node.title}` : ''}
      data-testid="plan-task-drawer"
    >
      {node ? (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'status', label: '状态', children: <TaskStatusTag status={node.status ?? 'notStarted'} /> },
              { key: 'path', label: '所属', children: node.path.slice(0, -1).join(' › ') || '—' },
              {
                key: 'deadlines',
                label: '完成时限',
                children: node.deadlines.length ? node.deadlines.map((d) => `${d.date}（${d.raw}）`).join('；') : '—',
              },
              ...(node.completedOn
                ? [
                    {
                      key: 'completed',
                      label: '导入前已完成',
                      children: `${node.completedOn}${node.completedNote ? `：${node.completedNote}` : ''}`,
                    },
                  ]
                : []),
              { key: 'recurrence', label: '工作频次', children: node.recurrence.join('、') || '—' },
              { key: 'targets', label: '量化指标', children: node.targets.map(targetText).join('；') || '—' },
              { key: 'people', label: '责任人', children: [...node.leaders, ...node.people].join('、') || '—' },
            ]}
          />
          {node.text ? (
            <Card size="small" title="任务内容">
              <Typography.Paragraph className="plan-pre" style={{ marginBottom: 0 }}>
                {node.text}
              </Typography.Paragraph>
            </Card>
          ) : null}
          <Typography.Title level={5} style={{ margin: 0 }}>
            各单位进展
          </Typography.Title>
          {node.leads.length + node.cos.length ? (
            [...node.leads.map((a) => ({ a, lead: true })), ...node.cos.map((a) => ({ a, lead: false }))].map(({ a, lead }) => (
              <ReportCard
                key={`${lead}-${a.unitId ?? a.villageCode ?? a.name}`}
                a={a}
                lead={lead}
                node={node}
                period={period}
                pastDue={pastDue}
                villages={villages}
              />
            ))
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这项任务没有确定的责任单位" />
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}
