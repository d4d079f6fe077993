import { type Unit, supervisionDomainLabels, unitKindLabels } from '@anzhi/core';
import { Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';

const industryLabel = (code: string) => supervisionDomainLabels[code as keyof typeof supervisionDomainLabels] ?? code;

export function unitColumns(regionNames: Map<string, string>): TableColumnsType<Unit> {
  return [
    {
      title: '单位名称',
      dataIndex: 'name',
      key: 'name',
      width: 220,
      render: (name: string, u) => (
        <Flex vertical>
          <span>{name}</span>
          {u.aliases.length ? <Typography.Text type="secondary">别名：{u.aliases.join('、')}</Typography.Text> : null}
        </Flex>
      ),
    },
    { title: '简称', dataIndex: 'shortName', key: 'shortName', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: '类别',
      dataIndex: 'kind',
      key: 'kind',
      width: 190,
      render: (k: Unit['kind']) => unitKindLabels[k] ?? k,
    },
    {
      title: '监管行业领域',
      dataIndex: 'industries',
      key: 'industries',
      render: (codes: string[]) =>
        codes.length ? (
          <Flex gap={4} wrap>
            {codes.map((c) => (
              <Tag key={c} color="geekblue" style={{ marginInlineEnd: 0 }}>
                {industryLabel(c)}
              </Tag>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: '所属区划',
      dataIndex: 'regionCode',
      key: 'regionCode',
      width: 140,
      render: (code: string) => regionNames.get(code) ?? code,
    },
    { title: '联系电话', dataIndex: 'phone', key: 'phone', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      dataIndex: 'disabled',
      key: 'disabled',
      width: 80,
      render: (disabled: boolean) => (disabled ? <Tag color="red">停用</Tag> : <Tag color="green">正常</Tag>),
    },
  ];
}
