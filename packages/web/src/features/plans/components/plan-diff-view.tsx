import type { PlanDiff } from '@anzhi/core';
import { Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';

type Change = PlanDiff['added'][number];

const fieldLabels: Record<string, string> = {
  title: '名称',
  text: '内容',
  leadUnits: '牵头单位',
  coUnits: '配合单位',
  deadlines: '完成时限',
  targets: '量化指标',
  recurrence: '频次',
  milestones: '年度节点',
  people: '责任人',
  leaders: '牵头领导',
  path: '所属部分',
  ordinal: '序号',
};

const kinds = [
  { key: 'added', label: '新增', colour: 'green' },
  { key: 'changed', label: '修改', colour: 'blue' },
  { key: 'removed', label: '删除', colour: 'red' },
] as const;

/** What a revised document would change: tasks added, changed (which fields), removed — before anything is saved. */
export function PlanDiffView({ diff }: { diff: PlanDiff }) {
  const rows = kinds.flatMap((k) => diff[k.key].map((c, i) => ({ ...c, kind: k, key: `${k.key}-${c.taskId ?? 'n'}-${i}` })));
  return (
    <Flex vertical gap={16} data-testid="plan-diff">
      <Row gutter={[12, 12]}>
        {kinds.map((k) => (
          <Col key={k.key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={`${k.label}任务`} value={diff[k.key].length} suffix="项" />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="无变化" value={diff.unchanged} suffix="项" />
          </Card>
        </Col>
      </Row>
      {rows.length ? (
        <Table<(typeof rows)[number]>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          scroll={{ x: 640 }}
          columns={[
            { title: '变化', key: 'kind', width: 70, render: (_: unknown, r) => <Tag color={r.kind.colour}>{r.kind.label}</Tag> },
            {
              title: '任务',
              key: 'task',
              render: (_: unknown, r: Change) => (
                <Flex vertical>
                  <span className="muted">{r.path.slice(0, -1).join(' › ')}</span>
                  <span>
                    {r.ordinal} {r.title}
                  </span>
                  {r.oldTitle && r.oldTitle !== r.title ? (
                    <Typography.Text type="secondary" delete>
                      {r.oldTitle}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: '改动内容',
              key: 'fields',
              width: 220,
              render: (_: unknown, r: Change) => (
                <Flex gap={4} wrap>
                  {r.fields.map((f) => (
                    <Tag key={f}>{fieldLabels[f] ?? f}</Tag>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="修订稿与现有方案的任务完全一致" />
      )}
    </Flex>
  );
}
