import type { Enterprise } from '@anzhi/core';
import type { TableColumnsType } from 'antd';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { DomainTags, FlagTags, ShownRiskTag, StatusTag, WarningTags } from './enterprise-tags.tsx';

export type SortKey = 'name' | 'riskLevel' | '-updatedAt';

function Phone({ value }: { value: string | null }) {
  return value ? <a href={`tel:${value}`}>{value}</a> : null;
}

/** Fits a 1366-pixel screen beside the menu without scrolling; editing is one click away on the detail page. */
export function enterpriseColumns(sort: SortKey): TableColumnsType<Enterprise> {
  return [
    {
      title: '企业名称',
      dataIndex: 'name',
      key: 'name',
      width: 240,
      fixed: 'left',
      sorter: true,
      sortOrder: sort === 'name' ? 'ascend' : null,
      sortDirections: ['ascend'],
      render: (name: string, e) => (
        <Flex vertical gap={2}>
          <Link to={`/enterprises/${e.id}`}>{name}</Link>
          {e.creditCode ? <span className="muted">{e.creditCode}</span> : null}
          <FlagTags flags={e.flags} />
        </Flex>
      ),
    },
    { title: '所属村', dataIndex: 'regionName', key: 'region', width: 110, render: (v: string | null, e) => v ?? e.regionCode },
    {
      title: '行业领域',
      dataIndex: 'domains',
      key: 'domains',
      width: 150,
      render: (domains: string[]) => <DomainTags domains={domains} />,
    },
    {
      title: '风险等级',
      dataIndex: 'riskLevel',
      key: 'riskLevel',
      width: 100,
      sorter: true,
      sortOrder: sort === 'riskLevel' ? 'ascend' : null,
      sortDirections: ['ascend'],
      render: (_: Enterprise['riskLevel'], e: Enterprise) => <ShownRiskTag risk={e.risk} />,
    },
    {
      title: '监管单位',
      dataIndex: 'supervisingUnitName',
      key: 'unit',
      width: 160,
      render: (v: string | null) => v ?? <Typography.Text type="warning">未确定</Typography.Text>,
    },
    {
      title: '主要负责人',
      key: 'principal',
      width: 120,
      render: (_, e) =>
        e.principal ? (
          <Flex vertical>
            <span>{e.principal}</span>
            <Phone value={e.principalPhone} />
          </Flex>
        ) : (
          <span className="muted">—</span>
        ),
    },
    { title: '状态', dataIndex: 'status', key: 'status', width: 80, render: (s: Enterprise['status']) => <StatusTag status={s} /> },
    { title: '预警', key: 'warnings', width: 130, render: (_, e) => <WarningTags enterprise={e} /> },
  ];
}
