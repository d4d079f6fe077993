import { type HazardSummary, hazardCategoryLabels, hazardChannelLabels } from '@anzhi/core';
import type { TableColumnsType } from 'antd';
import { Flex } from 'antd';
import { Link } from 'react-router';
import { DeadlineText, EscalationTag, GradeTag, HazardStatusTag, SupervisionTag } from './hazard-tags.tsx';

const dash = <span className="muted">—</span>;

/** The 隐患台账 columns townships keep in Excel, in their order; the code opens the record. */
export const hazardColumns: TableColumnsType<HazardSummary> = [
  {
    title: '编号',
    dataIndex: 'code',
    key: 'code',
    width: 140,
    fixed: 'left',
    render: (code: string, h) => (
      <Flex vertical gap={2}>
        <Link to={`/hazards/${h.id}`} data-testid="hazard-code">
          {code}
        </Link>
        <span className="muted">发现 {h.foundOn}</span>
      </Flex>
    ),
  },
  {
    title: '企业',
    dataIndex: 'enterpriseName',
    key: 'enterprise',
    width: 160,
    // A place without an enterprise (a village's 经营性自建房) shows the place.
    render: (v: string | null, h) => v ?? h.placeName ?? dash,
  },
  { title: '村（社区）', dataIndex: 'regionName', key: 'region', width: 90, render: (v: string | null, h) => v ?? h.regionCode },
  {
    title: '隐患',
    dataIndex: 'title',
    key: 'title',
    width: 200,
    render: (title: string, h) => (
      <Flex vertical gap={2}>
        <Link to={`/hazards/${h.id}`} className="hazard-title-link">
          {title}
        </Link>
        <span className="muted">{hazardCategoryLabels[h.category]}</span>
      </Flex>
    ),
  },
  {
    title: '等级',
    dataIndex: 'grade',
    key: 'grade',
    width: 60,
    align: 'center',
    render: (g: HazardSummary['grade']) => <GradeTag grade={g} />,
  },
  { title: '来源', dataIndex: 'channel', key: 'channel', width: 96, render: (c: HazardSummary['channel']) => hazardChannelLabels[c] },
  { title: '状态', dataIndex: 'status', key: 'status', width: 110, render: (s: HazardSummary['status']) => <HazardStatusTag status={s} /> },
  {
    title: '整改期限',
    dataIndex: 'deadline',
    key: 'deadline',
    width: 110,
    render: (_: unknown, h) => <DeadlineText h={h} />,
  },
  {
    title: '督办',
    dataIndex: 'supervisionLevel',
    key: 'supervision',
    width: 70,
    render: (level: HazardSummary['supervisionLevel']) => (level ? <SupervisionTag level={level} short /> : dash),
  },
  {
    title: '问责',
    dataIndex: 'escalationStep',
    key: 'escalation',
    width: 60,
    render: (step: HazardSummary['escalationStep']) => (step ? <EscalationTag step={step} /> : dash),
  },
];

export const hazardTableWidth = hazardColumns.reduce((sum, c) => sum + Number(c.width ?? 0), 0);
