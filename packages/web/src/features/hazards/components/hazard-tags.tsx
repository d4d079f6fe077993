import { type HazardGrade, type HazardStatus, type HazardSummary, hazardStatusLabels } from '@anzhi/core';
import { Tag, Typography } from 'antd';
import { escalationLabel, gradeShortLabels, statusColours, supervisionLabel } from '../hazard-labels.ts';

const tagStyle = { marginInlineEnd: 0 };

/** 重大 in solid red: the one thing a leader scans the ledger for. */
export function GradeTag({ grade }: { grade: HazardGrade }) {
  return grade === 'major' ? (
    <Tag color="#cf1322" variant="solid" style={tagStyle}>
      {gradeShortLabels.major}
    </Tag>
  ) : (
    <Tag style={tagStyle}>{gradeShortLabels.general}</Tag>
  );
}

export function HazardStatusTag({ status }: { status: HazardStatus }) {
  return (
    <Tag color={statusColours[status]} style={tagStyle}>
      {hazardStatusLabels[status]}
    </Tag>
  );
}

type DeadlineFacts = Pick<HazardSummary, 'deadline' | 'overdue' | 'dueSoon' | 'daysOverdue' | 'status'>;

/** The deadline, 即将到期 within the township's due-soon days, and 逾期N天 in red once it has passed. */
export function DeadlineText({ h, prefix }: { h: DeadlineFacts; prefix?: string }) {
  if (!h.deadline) return <span className="muted">{h.status === 'found' ? '待认定后确定' : '—'}</span>;
  return (
    <span className="hazard-deadline">
      {prefix}
      {h.deadline}
      {h.overdue ? (
        <Typography.Text type="danger" strong className="hazard-overdue">
          逾期{h.daysOverdue}天
        </Typography.Text>
      ) : h.dueSoon ? (
        <Typography.Text type="warning" className="hazard-overdue">
          即将到期
        </Typography.Text>
      ) : null}
    </span>
  );
}

export function OverdueTag({ h }: { h: DeadlineFacts }) {
  if (!h.overdue) return null;
  return (
    <Tag color="red" style={tagStyle}>
      逾期{h.daysOverdue}天
    </Tag>
  );
}

const shortSupervision = { township: '乡镇', county: '县级', city: '市级' } as const;

/** 挂牌督办 level; `short` (乡镇/县级/市级) fits a table column, the full name on hover. */
export function SupervisionTag({ level, short }: { level: HazardSummary['supervisionLevel']; short?: boolean }) {
  const label = supervisionLabel(level);
  if (!label || !level) return null;
  return (
    <Tag color="volcano" style={tagStyle} title={label}>
      {short ? shortSupervision[level] : label}
    </Tag>
  );
}

export function EscalationTag({ step }: { step: HazardSummary['escalationStep'] }) {
  const label = escalationLabel(step);
  return label ? (
    <Tag color="magenta" style={tagStyle}>
      已{label}
    </Tag>
  ) : null;
}
