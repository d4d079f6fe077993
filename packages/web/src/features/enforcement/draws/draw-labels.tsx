import { enterpriseFlagLabels, type RiskLevel, riskLevelLabels } from '@anzhi/core';
import { Tag } from 'antd';

const riskColors: Record<RiskLevel, string> = { major: 'red', high: 'orange', medium: 'gold', low: 'blue' };

export function RiskTag({ level }: { level: string | null }) {
  if (!level) return <span className="muted">未定级</span>;
  return <Tag color={riskColors[level as RiskLevel]}>{riskLevelLabels[level as RiskLevel] ?? level}</Tag>;
}

export function FlagTags({ flags }: { flags: string[] }) {
  return (
    <>
      {flags.map((f) => (
        <Tag key={f}>{(enterpriseFlagLabels as Record<string, string>)[f] ?? f}</Tag>
      ))}
    </>
  );
}

/** The public page of a draw, for a link or a QR code. */
export const publicDrawPath = (id: number) => `/public/draws/${id}`;
