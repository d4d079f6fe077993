import {
  type FiveInPlace,
  fileThumbUrl,
  fileUrl,
  fiveInPlace,
  fiveInPlaceLabels,
  type HazardDetail,
  type PlanContent,
  planContentLabels,
  planContents,
  type StoppageKind,
  stoppageLabels,
} from '@anzhi/core';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { HazardPhotos } from './hazard-photos.tsx';

/** The plan as the server keeps it (`plan` is loosely typed in the contract). */
interface PlanView {
  contents: Partial<Record<PlanContent, string>>;
  interimMeasures?: string;
  stoppage?: StoppageKind;
  deadline?: string;
  files: number[];
  approvedBy?: string;
  checks?: Partial<Record<FiveInPlace, boolean>>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function planOf(raw: Record<string, unknown> | null): PlanView | null {
  if (!raw) return null;
  const contents = (typeof raw.contents === 'object' && raw.contents ? raw.contents : {}) as Record<string, unknown>;
  return {
    contents: Object.fromEntries(planContents.map((k) => [k, str(contents[k])])),
    interimMeasures: str(raw.interimMeasures),
    stoppage: str(raw.stoppage) as StoppageKind | undefined,
    deadline: str(raw.deadline),
    files: Array.isArray(raw.files) ? raw.files.filter((f): f is number => typeof f === 'number') : [],
    approvedBy: str(raw.approvedBy),
    checks: (typeof raw.checks === 'object' && raw.checks ? raw.checks : undefined) as PlanView['checks'],
  };
}

const paragraph = (text: string | undefined) => (text ? <Typography.Paragraph className="hazard-text">{text}</Typography.Paragraph> : '—');

/** 16号令 第十五条: the six contents of a major hazard's plan, the interim measures, the stoppage, and the 五落实 review. */
export function HazardPlan({ h }: { h: HazardDetail }) {
  const plan = planOf(h.plan);
  if (!plan) return null;
  // Approved once the hazard went on to 整改 (older records do not name the approver).
  const approved = !!plan.approvedBy || !['confirmed', 'planSubmitted', 'dismissed'].includes(h.status);
  const hasContents = planContents.some((k) => plan.contents[k]);
  return (
    <Card
      title="治理方案"
      size="small"
      data-testid="hazard-plan"
      extra={
        approved ? (
          <Tag color="success">{plan.approvedBy ? `已由 ${plan.approvedBy} 审核通过` : '已审核通过'}</Tag>
        ) : h.status === 'planSubmitted' ? (
          <Tag color="purple">待审核</Tag>
        ) : h.status === 'confirmed' ? (
          <Tag color="orange">已退回，待重新报送</Tag>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          ...(hasContents
            ? planContents.map((k) => ({ key: k, label: planContentLabels[k], children: paragraph(plan.contents[k]) }))
            : [{ key: 'contents', label: '方案内容', children: <span className="muted">未录入六项内容</span> }]),
          { key: 'interim', label: '临时安全措施', children: paragraph(plan.interimMeasures) },
          { key: 'stoppage', label: '停产停业', children: plan.stoppage ? stoppageLabels[plan.stoppage] : '—' },
          { key: 'deadline', label: '治理时限', children: plan.deadline ?? '—' },
        ]}
      />
      {plan.files.length ? <HazardPhotos photos={plan.files.map((id) => ({ id, url: fileUrl(id), thumbUrl: fileThumbUrl(id) }))} /> : null}
      {plan.checks ? (
        <Flex gap={6} wrap style={{ marginTop: 8 }} align="center">
          <span className="muted">五落实：</span>
          {fiveInPlace.map((k) => (
            <Tag key={k} color={plan.checks?.[k] ? 'success' : 'default'} style={{ marginInlineEnd: 0 }}>
              {plan.checks?.[k] ? '✓' : '✗'} {fiveInPlaceLabels[k]}
            </Tag>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}
