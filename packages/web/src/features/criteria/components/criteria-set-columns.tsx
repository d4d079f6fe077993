import { type CriteriaSetListItem, criteriaSetOriginLabels } from '@anzhi/core';
import { Button, Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import { ConfidenceCounts, RetiredTag, SetStatusTag } from './criteria-tags.tsx';

export interface SetActions {
  canManage: boolean;
  onRetire: (s: CriteriaSetListItem) => void;
  onRestore: (s: CriteriaSetListItem) => void;
  restoring: string | null;
}

export function SetTitle({ s }: { s: CriteriaSetListItem }) {
  return (
    <Flex vertical gap={2}>
      <Link to={`/admin/criteria/${s.id}`} className={s.retired ? 'criteria-retired-title' : undefined}>
        {s.title}
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {s.id} · {criteriaSetOriginLabels[s.origin]}
      </Typography.Text>
    </Flex>
  );
}

export function SetActionButtons({ s, actions }: { s: CriteriaSetListItem; actions: SetActions }) {
  if (!actions.canManage) return null;
  return s.retired ? (
    <Button size="small" loading={actions.restoring === s.id} onClick={() => actions.onRestore(s)}>
      恢复
    </Button>
  ) : (
    <Button size="small" danger onClick={() => actions.onRetire(s)} data-testid={`retire-${s.id}`}>
      停用
    </Button>
  );
}

export function criteriaSetColumns(actions: SetActions): ColumnsType<CriteriaSetListItem> {
  const columns: ColumnsType<CriteriaSetListItem> = [
    { key: 'title', title: '标准名称', render: (_v, s) => <SetTitle s={s} /> },
    { key: 'docNumber', title: '文号', dataIndex: 'docNumber', width: 190 },
    { key: 'effective', title: '施行日期', width: 110, render: (_v, s) => formatDate(s.effective) },
    {
      key: 'status',
      title: '状态',
      width: 150,
      render: (_v, s) => (
        <Flex gap={4} wrap>
          <SetStatusTag status={s.status} />
          {s.retired ? <RetiredTag reason={s.retired.reason} /> : null}
          {s.status !== 'current' && s.repealedOn ? <Tag style={{ marginInlineEnd: 0 }}>{s.repealedOn} 起废止</Tag> : null}
        </Flex>
      ),
    },
    { key: 'itemCount', title: '条款数', dataIndex: 'itemCount', width: 80, align: 'right' },
    { key: 'confidence', title: '可信度 V/P/U', width: 170, render: (_v, s) => <ConfidenceCounts counts={s.confidenceCounts} /> },
  ];
  if (actions.canManage) {
    columns.push({
      key: 'actions',
      title: '操作',
      width: 90,
      fixed: 'right',
      render: (_v, s) => <SetActionButtons s={s} actions={actions} />,
    });
  }
  return columns;
}
