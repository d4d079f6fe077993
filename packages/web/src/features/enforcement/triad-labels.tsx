import { type OrderStatus, type PenaltyStatus, penaltyStatusLabels, type RecheckState, recheckStateLabels } from '@anzhi/core';
import { Tag } from 'antd';

const stateColors: Record<RecheckState, string> = { notYetDue: 'blue', due: 'orange', overdue: 'red', closed: 'green' };

/** 整改中 / 待复查 / 复查逾期 / 已办结 — where an order stands today. */
export function RecheckStateTag({ state, status }: { state: RecheckState; status: OrderStatus }) {
  if (status === 'cancelled') return <Tag>已撤销</Tag>;
  return <Tag color={stateColors[state]}>{state === 'closed' ? '已复查' : recheckStateLabels[state]}</Tag>;
}

const penaltyColors: Record<PenaltyStatus, string> = {
  filed: 'blue',
  noticed: 'cyan',
  decided: 'orange',
  executed: 'purple',
  closed: 'green',
  withdrawn: 'default',
};

export function PenaltyStatusTag({ status }: { status: PenaltyStatus }) {
  return <Tag color={penaltyColors[status]}>{penaltyStatusLabels[status]}</Tag>;
}

export const yuan = (n: number | null) =>
  n === null ? '—' : `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
