import type { CriteriaSetStatus, CriterionConfidence, CriterionVerification } from '@anzhi/core';
import { Flex, Tag, Tooltip } from 'antd';
import { confidenceColours, confidenceLabel, setStatusColours, setStatusLabel } from '../criteria-labels.ts';

export function SetStatusTag({ status }: { status: CriteriaSetStatus }) {
  return (
    <Tag color={setStatusColours[status]} style={{ marginInlineEnd: 0 }}>
      {setStatusLabel(status)}
    </Tag>
  );
}

export function RetiredTag({ reason }: { reason: string }) {
  return (
    <Tooltip title={`停用原因：${reason}`}>
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        已停用
      </Tag>
    </Tooltip>
  );
}

export function ConfidenceTag({ confidence }: { confidence: CriterionConfidence }) {
  return (
    <Tag color={confidenceColours[confidence]} style={{ marginInlineEnd: 0 }}>
      {confidenceLabel(confidence)}
    </Tag>
  );
}

/** 待核对 in orange wherever an unverified item appears; nothing for verified ones. */
export function UnverifiedTag({ verification, title }: { verification: CriterionVerification; title?: string | null }) {
  if (verification === 'verified') return null;
  return (
    <Tooltip title={title ?? '官方原文尚未核对：摘要由本系统编写，引用前须对照官方原文核实'}>
      <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="unverified-tag">
        待核对
      </Tag>
    </Tooltip>
  );
}

/** V / P / U counts of a set, each in its colour. */
export function ConfidenceCounts({ counts }: { counts: Record<CriterionConfidence, number> }) {
  return (
    <Flex gap={4} wrap>
      {(['V', 'P', 'U'] as const).map((c) => (
        <Tooltip key={c} title={confidenceLabel(c)}>
          <Tag color={counts[c] ? confidenceColours[c] : undefined} style={{ marginInlineEnd: 0 }}>
            {c} {counts[c]}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

export function CodeTags({ codes, label, colour }: { codes: readonly string[]; label: (code: string) => string; colour?: string }) {
  if (!codes.length) return <span className="muted">—</span>;
  return (
    <Flex gap={4} wrap>
      {codes.map((c) => (
        <Tag key={c} color={colour} style={{ marginInlineEnd: 0 }}>
          {label(c)}
        </Tag>
      ))}
    </Flex>
  );
}
