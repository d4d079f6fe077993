import { type CampaignStatus, campaignStatusLabels, type RoundStatus, roundStatusLabels } from '@anzhi/core';
import { Progress, Tag, Tooltip } from 'antd';
import { coveragePercent } from './campaign-view.ts';

const campaignColours: Record<CampaignStatus, string> = { draft: 'default', active: 'processing', closed: 'success' };
const roundColours: Record<RoundStatus, string> = { planned: 'default', open: 'processing', closed: 'success' };

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  return <Tag color={campaignColours[status]}>{campaignStatusLabels[status]}</Tag>;
}

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  return <Tag color={roundColours[status]}>{roundStatusLabels[status]}</Tag>;
}

/** covered/targets as a bar with the counts written out (a bar alone hides how many are left). */
export function CoverageBar({ covered, targets, counter }: { covered: number; targets: number; counter: string }) {
  const percent = coveragePercent(covered, targets);
  return (
    <Tooltip title={`已检查 ${covered} ${counter}，应检查 ${targets} ${counter}`}>
      <div style={{ minWidth: 140 }}>
        <Progress percent={percent ?? 0} size="small" showInfo={false} status={percent === 100 ? 'success' : 'active'} />
        <span className="muted" style={{ fontSize: 12 }}>
          {covered}/{targets} {counter}
          {percent === null ? '' : `（${percent}%）`}
        </span>
      </div>
    </Tooltip>
  );
}
