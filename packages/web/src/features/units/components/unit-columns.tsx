import { supervisionDomainLabels, type Unit, unitKindLabels } from '@anzhi/core';
import type { TableColumnsType } from 'antd';
import { Flex, Tag, Tooltip, Typography } from 'antd';

const industryLabel = (code: string) => supervisionDomainLabels[code as keyof typeof supervisionDomainLabels] ?? code;

const MAX_TAGS = 4;

/** A unit like 应急办 covers most domains: show a few, the rest on hover, so rows stay one screen tall. */
function IndustryTags({ codes }: { codes: string[] }) {
  if (!codes.length) return '—';
  const shown = codes.slice(0, MAX_TAGS);
  const rest = codes.slice(MAX_TAGS);
  return (
    <Flex gap={4} wrap>
      {shown.map((c) => (
        <Tag key={c} color="geekblue" style={{ marginInlineEnd: 0 }}>
          {industryLabel(c)}
        </Tag>
      ))}
      {rest.length ? (
        <Tooltip title={rest.map(industryLabel).join('、')}>
          <Tag style={{ marginInlineEnd: 0, cursor: 'help' }}>+{rest.length}</Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

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
      width: 260,
      render: (codes: string[]) => <IndustryTags codes={codes} />,
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
