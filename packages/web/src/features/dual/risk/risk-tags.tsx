import { type RiskLevel, riskLevelColours, riskLevelLabels } from '@anzhi/core';
import { Tag } from 'antd';

/** The four colours (regulations.md §5): 红 重大, 橙 较大, 黄 一般, 蓝 低; yellow carries dark text. */
export function LevelTag({ level, empty = '未评估' }: { level: RiskLevel | null; empty?: string }) {
  if (!level) return <Tag>{empty}</Tag>;
  const { hex, name } = riskLevelColours[level];
  return (
    <Tag color={hex} title={`${name}色`} style={{ color: level === 'medium' ? '#262626' : '#fff', marginInlineEnd: 4 }}>
      {riskLevelLabels[level]}
    </Tag>
  );
}
