import { type Enterprise, type EnterpriseStatus, type RiskLevel, riskLevelColours } from '@anzhi/core';
import { Flex, Tag, Tooltip } from 'antd';
import { domainLabel, enterpriseWarnings, flagLabel, riskLabel, riskTextColour, statusColours, statusLabel } from '../enterprise-labels.ts';

export function RiskTag({ level, empty = '未评定' }: { level: RiskLevel | null; empty?: string }) {
  if (!level) return <Tag>{empty}</Tag>;
  const { hex, name } = riskLevelColours[level];
  return (
    <Tag color={hex} variant="solid" style={{ color: riskTextColour(level), marginInlineEnd: 0 }} title={`${name}色`}>
      {riskLabel(level)}
    </Tag>
  );
}

/**
 * The level shown in lists: raised while 重大事故隐患 are open (ADR 0013), with the count beside it and the reason on
 * hover, so no row says 低风险 without saying why it is shown higher.
 */
export function ShownRiskTag({ risk }: { risk: Enterprise['risk'] }) {
  if (!risk.raised) return <RiskTag level={risk.effective} />;
  return (
    <Tooltip title={risk.reason}>
      <Flex gap={4} align="center" wrap data-testid="risk-raised">
        <RiskTag level={risk.effective} />
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          重大隐患 {risk.openMajorHazards}
        </Tag>
      </Flex>
    </Tooltip>
  );
}

export function StatusTag({ status }: { status: EnterpriseStatus }) {
  return (
    <Tag color={statusColours[status]} style={{ marginInlineEnd: 0 }}>
      {statusLabel(status)}
    </Tag>
  );
}

/** A few tags, the rest on hover, so a row stays one line tall. */
export function TagList({
  codes,
  label,
  colour,
  max = 2,
  empty = '—',
}: {
  codes: readonly string[];
  label: (code: string) => string;
  colour?: string;
  max?: number;
  empty?: string;
}) {
  if (!codes.length) return <span className="muted">{empty}</span>;
  const rest = codes.slice(max);
  return (
    <Flex gap={4} wrap>
      {codes.slice(0, max).map((c) => (
        <Tag key={c} color={colour} style={{ marginInlineEnd: 0 }}>
          {label(c)}
        </Tag>
      ))}
      {rest.length ? (
        <Tooltip title={rest.map(label).join('、')}>
          <Tag style={{ marginInlineEnd: 0, cursor: 'help' }}>+{rest.length}</Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

export function DomainTags({ domains, max }: { domains: readonly string[]; max?: number }) {
  return <TagList codes={domains} label={domainLabel} colour="geekblue" max={max} />;
}

export function FlagTags({ flags, max }: { flags: readonly string[]; max?: number }) {
  return <TagList codes={flags} label={flagLabel} colour="purple" max={max} empty="" />;
}

/** 缺安责险 / 标准化到期 / 缺责任人, each with the reason on hover. */
export function WarningTags({ enterprise }: { enterprise: Enterprise }) {
  const warnings = enterpriseWarnings(enterprise);
  if (!warnings.length) return null;
  return (
    <Flex gap={4} wrap>
      {warnings.map((w) => (
        <Tooltip key={w.key} title={w.detail}>
          <Tag color={w.colour} style={{ marginInlineEnd: 0 }} bordered={false}>
            {w.label}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
