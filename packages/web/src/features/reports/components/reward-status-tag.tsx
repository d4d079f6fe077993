import { type RewardStatus, rewardStatusLabels } from '@anzhi/core';
import { Tag } from 'antd';

const colors: Record<RewardStatus, string> = { proposed: 'gold', approved: 'blue', paid: 'green', declined: 'default', waived: 'red' };

export function RewardStatusTag({ status }: { status: RewardStatus }) {
  return <Tag color={colors[status]}>{rewardStatusLabels[status]}</Tag>;
}
