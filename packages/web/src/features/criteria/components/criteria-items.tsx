import { type CriterionView, criterionKindLabels, criterionWording, ourSummaryLabel } from '@anzhi/core';
import { Card, Empty, Flex, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { clauseLabel, domainLabel, flagLabel } from '../criteria-labels.ts';
import { CodeTags, ConfidenceTag, UnverifiedTag } from './criteria-tags.tsx';

/**
 * Our summary, labelled so it never passes for the official text; the official text as well once it is stored and
 * checked. `labelled: false` where a column header already says 摘要（本系统编写）.
 */
export function Wording({ item, labelled = true }: { item: Pick<CriterionView, 'summary' | 'text' | 'verification'>; labelled?: boolean }) {
  const official = criterionWording(item);
  return (
    <Flex vertical gap={4}>
      <div>
        {labelled ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {ourSummaryLabel}
          </Typography.Text>
        ) : null}
        {item.summary}
      </div>
      {official.official ? (
        <div className="criteria-official-text">
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {official.label}
          </Typography.Text>
          {official.text}
        </div>
      ) : null}
    </Flex>
  );
}

function Clause({ c }: { c: CriterionView }) {
  return (
    <Flex vertical gap={2}>
      <strong>{clauseLabel(c)}</strong>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: c.code, tooltips: ['复制条款编号', '已复制'] }}>
        {c.code}
      </Typography.Text>
      {c.kind ? <Tag style={{ marginInlineEnd: 0, width: 'fit-content' }}>{criterionKindLabels[c.kind]}</Tag> : null}
    </Flex>
  );
}

const columns: ColumnsType<CriterionView> = [
  { key: 'clause', title: '条款号', width: 150, render: (_v, c) => <Clause c={c} /> },
  { key: 'group', title: '分组', dataIndex: 'group', width: 130 },
  {
    key: 'summary',
    title: '摘要（本系统编写）',
    render: (_v, c) => (
      <Flex vertical gap={4}>
        <Wording item={c} labelled={false} />
        {c.note ? <Typography.Text type="warning">适用说明：{c.note}</Typography.Text> : null}
      </Flex>
    ),
  },
  { key: 'keywords', title: '关键词', width: 200, render: (_v, c) => <CodeTags codes={c.keywords} label={(k) => k} /> },
  {
    key: 'scope',
    title: '适用领域/标志',
    width: 170,
    render: (_v, c) => (
      <Flex vertical gap={4}>
        <CodeTags codes={c.domains} label={domainLabel} colour="blue" />
        {c.flags.length ? <CodeTags codes={c.flags} label={flagLabel} colour="purple" /> : null}
      </Flex>
    ),
  },
  {
    key: 'confidence',
    title: '可信度',
    width: 120,
    render: (_v, c) => (
      <Flex vertical gap={4} align="start">
        <ConfidenceTag confidence={c.confidence} />
        <UnverifiedTag verification={c.verification} />
      </Flex>
    ),
  },
];

function matches(c: CriterionView, q: string): boolean {
  if (!q) return true;
  return [c.code, clauseLabel(c), c.group, c.summary, c.text ?? '', ...c.keywords].some((s) => s.toLowerCase().includes(q));
}

function ItemCard({ c }: { c: CriterionView }) {
  return (
    <Card size="small">
      <Flex justify="space-between" align="start" gap={8}>
        <Clause c={c} />
        <Flex gap={4} wrap justify="end">
          <ConfidenceTag confidence={c.confidence} />
          <UnverifiedTag verification={c.verification} />
        </Flex>
      </Flex>
      <div className="muted" style={{ margin: '4px 0' }}>
        {c.group}
      </div>
      <Wording item={c} />
      <Flex gap={4} wrap style={{ marginTop: 6 }}>
        <CodeTags codes={c.keywords} label={(k) => k} />
      </Flex>
    </Card>
  );
}

/** The items of one set: a table on a desk, cards on a phone, with a search over codes, words and keywords. */
export function CriteriaItems({ items }: { items: CriterionView[] }) {
  const isMobile = useIsMobile();
  const [q, setQ] = useState('');
  const shown = items.filter((c) => matches(c, q.trim().toLowerCase()));
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q ? '没有符合条件的条款' : '没有条款'} />;
  return (
    <Flex vertical gap={12}>
      <Input.Search allowClear placeholder="按条款号、关键词或内容查找" onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 420 }} />
      {isMobile ? (
        <Flex vertical gap={8} data-testid="criteria-items">
          {shown.length ? shown.map((c) => <ItemCard key={c.code} c={c} />) : empty}
        </Flex>
      ) : (
        <Table<CriterionView>
          data-testid="criteria-items"
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={shown}
          scroll={{ x: 1000 }}
          pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` } : false}
          locale={{ emptyText: empty }}
        />
      )}
    </Flex>
  );
}
