import { type ReportStatus, reportStatusLabels } from '@anzhi/core';
import { Tag } from 'antd';

const colours: Record<ReportStatus, string> = {
  received: 'orange',
  verifying: 'blue',
  founded: 'red',
  unfounded: 'default',
  rejected: 'default',
  merged: 'purple',
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  return <Tag color={colours[status]}>{reportStatusLabels[status]}</Tag>;
}

export const dateTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
