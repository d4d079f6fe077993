import { PlusOutlined } from '@ant-design/icons';
import { regionLevelLabels } from '@anzhi/core';
import { Button, Card, Empty, Input, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { buildRegionTree, type RegionNode } from '../../../lib/regions-query.ts';
import { useCan } from '../../../lib/session.ts';
import { useRegions } from '../api.ts';
import { RegionActions } from '../components/region-actions.tsx';
import { allKeysWithChildren, filterRegionTree, keysToDepth, withoutEmptyChildren } from '../components/region-filter.ts';
import { RegionFormModal, type RegionFormTarget } from '../components/region-form-modal.tsx';

export function RegionsPage() {
  const regions = useRegions();
  const canWrite = useCan('region.write');
  const [keyword, setKeyword] = useState('');
  const [editing, setEditing] = useState<RegionFormTarget | null>(null);
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);

  const tree = useMemo(() => withoutEmptyChildren(buildRegionTree(regions.data ?? [])), [regions.data]);
  const shown = useMemo(() => filterRegionTree(tree, keyword), [tree, keyword]);

  // A search opens every branch that leads to a hit; clearing it returns to the first two levels.
  const search = (value: string) => {
    setKeyword(value);
    setExpanded(value.trim() ? allKeysWithChildren(filterRegionTree(tree, value)) : null);
  };

  const columns: TableColumnsType<RegionNode> = [
    { title: '名称', dataIndex: 'name', key: 'name' },
    { title: '区划代码', dataIndex: 'code', key: 'code', width: 170 },
    {
      title: '层级',
      dataIndex: 'level',
      key: 'level',
      width: 120,
      render: (level: RegionNode['level']) => regionLevelLabels[level] ?? level,
    },
    {
      title: '状态',
      dataIndex: 'abolished',
      key: 'abolished',
      width: 90,
      render: (abolished: boolean) => (abolished ? <Tag color="default">已撤销</Tag> : <Tag color="green">有效</Tag>),
    },
  ];
  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_, region) => <RegionActions region={region} onEdit={setEditing} />,
    });
  }

  return (
    <PageContainer
      title="行政区划"
      testId="regions-page"
      extra={
        <>
          <Input.Search
            allowClear
            placeholder="按名称或代码查找"
            onSearch={search}
            onChange={(e) => !e.target.value && search('')}
            style={{ width: 220 }}
          />
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', parent: null })}>
              新增区划
            </Button>
          ) : null}
        </>
      }
    >
      <Card className="table-card">
        {regions.isError ? (
          <QueryError error={regions.error} onRetry={() => void regions.refetch()} />
        ) : (
          <Table<RegionNode>
            rowKey="code"
            columns={columns}
            dataSource={shown}
            loading={regions.isPending}
            pagination={false}
            size="middle"
            scroll={{ x: canWrite ? 760 : 540 }}
            expandable={{
              expandedRowKeys: expanded ?? keysToDepth(shown, 2),
              onExpandedRowsChange: (keys) => setExpanded(keys),
            }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={keyword ? `没有名称或代码包含“${keyword}”的区划` : '尚无行政区划'}
                />
              ),
            }}
          />
        )}
      </Card>
      <RegionFormModal target={editing} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
