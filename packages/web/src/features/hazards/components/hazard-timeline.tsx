import { type HazardDetail, hazardStatusLabels, type SupervisionLevel, supervisionLevelLabels } from '@anzhi/core';
import { Card, Flex, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { HazardPhotos } from './hazard-photos.tsx';

type HazardEvent = HazardDetail['events'][number];

const colours: Record<string, string> = {
  create: 'blue',
  fixOnSpot: 'green',
  accept: 'green',
  approvePlan: 'green',
  approveExtension: 'green',
  reject: 'red',
  returnPlan: 'red',
  denyExtension: 'red',
  dismiss: 'gray',
  supervise: 'volcano',
  upgrade: 'red',
};

const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** What an event's data adds beyond its note: the clauses cited, the new deadline, the level, who was told. */
function extras(e: HazardEvent): string[] {
  const d = e.data;
  const out: string[] = [];
  const codes = list(d.criteriaCodes);
  if (codes.length && e.action !== 'create') out.push(`判定依据：${codes.join('、')}`);
  if (e.action === 'confirm' && list(d.notified).length) out.push(`已告知：${list(d.notified).join('、')}`);
  if ((e.action === 'requestExtension' || e.action === 'approveExtension') && typeof d.to === 'string') {
    out.push(`整改期限：${typeof d.from === 'string' ? d.from : '未定'} → ${d.to}`);
  }
  if (e.action === 'create' && typeof d.deadline === 'string') out.push(`整改期限：${d.deadline}`);
  if (e.action === 'supervise' && typeof d.level === 'string' && e.note !== supervisionLevelLabels[d.level as SupervisionLevel]) {
    out.push(supervisionLevelLabels[d.level as SupervisionLevel] ?? d.level);
  }
  if (e.action === 'submitPlan' && typeof d.deadline === 'string') out.push(`治理时限：${d.deadline}（方案内容见“治理方案”）`);
  return out;
}

function EventBody({ e }: { e: HazardEvent }) {
  const moved = e.fromStatus && e.fromStatus !== e.toStatus;
  return (
    <Flex vertical gap={4} className="hazard-event">
      <div>
        <strong>{e.actionLabel}</strong>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {e.actorName}
        </Typography.Text>
      </div>
      <Typography.Text type="secondary" className="hazard-event-time">
        {formatDateTime(e.at)}
        {moved ? ` · ${hazardStatusLabels[e.fromStatus as keyof typeof hazardStatusLabels]} → ${hazardStatusLabels[e.toStatus]}` : ''}
      </Typography.Text>
      {/* The create event's note repeats the description shown above. */}
      {e.note && e.action !== 'create' ? (
        <Typography.Paragraph className="hazard-text hazard-event-note">{e.note}</Typography.Paragraph>
      ) : null}
      {extras(e).map((x) => (
        <Typography.Text key={x} type="secondary">
          {x}
        </Typography.Text>
      ))}
      <HazardPhotos photos={e.photos} />
    </Flex>
  );
}

/** Every step, who took it, when, with what opinion and evidence: the record the accountability rests on. */
export function HazardTimeline({ h }: { h: HazardDetail }) {
  return (
    <Card title="处理记录" size="small" data-testid="hazard-timeline">
      <Timeline
        items={h.events.map((e) => ({
          key: e.id,
          color: colours[e.action] ?? 'blue',
          content: <EventBody e={e} />,
        }))}
      />
    </Card>
  );
}
