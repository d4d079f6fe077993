import { type RiskLevel, riskLevelColours, riskLevelLabels } from '@anzhi/core';
import { Tag } from 'antd';

/** A venue's colour (its registry level, else its type's default). */
export function VenueColourTag({ level }: { level: RiskLevel }) {
  const c = riskLevelColours[level];
  return (
    <Tag color={c.hex} style={{ color: level === 'medium' ? '#000' : undefined }}>
      {c.name} · {riskLevelLabels[level]}
    </Tag>
  );
}

/** This month's month key in China time (YYYY-MM). */
export function chinaMonth(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

export const dateTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16) : '—';
