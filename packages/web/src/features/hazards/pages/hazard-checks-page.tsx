import { Button, Card, Empty, Flex, List, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { HazardCheckAnswerModal } from '../components/hazard-check-answer-modal.tsx';
import { type HazardCheck, type HazardCheckStatus, useHazardChecks } from '../followup-api.ts';
import { useDeepLink } from '../use-deep-link.ts';
import '../hazards.css';

const tabs: Array<{ key: HazardCheckStatus; label: string }> = [
  { key: 'open', label: '待反馈' },
  { key: 'clear', label: '无隐患' },
  { key: 'found', label: '发现隐患' },
];

const statusTag: Record<string, { color: string; text: string }> = {
  open: { color: 'orange', text: '待反馈' },
  clear: { color: 'green', text: '无隐患' },
  found: { color: 'red', text: '发现隐患' },
};

const pageSize = 20;

function StatusTag({ status }: { status: string }) {
  const t = statusTag[status] ?? { color: 'default', text: status };
  return <Tag color={t.color}>{t.text}</Tag>;
}

function Source({ c }: { c: HazardCheck }) {
  return (
    <span>
      {c.sourceHazardCode ?? '—'}
      {c.sourceHazardTitle ? <Typography.Text type="secondary"> {c.sourceHazardTitle}</Typography.Text> : null}
    </span>
  );
}

function Result({ c }: { c: HazardCheck }) {
  if (c.status === 'open') return <span className="muted">—</span>;
  return (
    <span>
      {c.answer ?? '—'}
      {c.resultHazardId ? (
        <>
          {' '}
          <Link to={`/hazards/${c.resultHazardId}`}>查看隐患</Link>
        </>
      ) : null}
    </span>
  );
}

/** 举一反三排查: the checks asked of enterprises after a hazard, and their answers. */
export function HazardChecksPage() {
  const [status, setStatus] = useState<HazardCheckStatus>('open');
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<HazardCheck | null>(null);
  const canAct = useCan('hazard.act');
  const isMobile = useIsMobile();
  const checks = useHazardChecks(status, page, pageSize);
  // /hazards/checks?answer=12 (from 待办) opens that check's answer form.
  useDeepLink(
    'answer',
    (id) => checks.data?.items.find((c) => String(c.id) === id && c.status === 'open'),
    setAnswering,
    status === 'open' && checks.data !== undefined && canAct,
  );

  const answerButton = (c: HazardCheck) =>
    c.status === 'open' && canAct ? (
      <Button type="primary" size="small" onClick={() => setAnswering(c)} data-testid={`hazard-check-answer-${c.id}`}>
        反馈
      </Button>
    ) : null;

  const columns: TableColumnsType<HazardCheck> = [
    { title: '来源隐患', key: 'source', render: (_, c) => <Source c={c} /> },
    { title: '判定标准条款', dataIndex: 'criterionCode' },
    { title: '企业', dataIndex: 'enterpriseName', render: (v: string | null) => v ?? '—' },
    { title: '排查期限', dataIndex: 'deadline', width: 120 },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
    ...(status === 'open' ? [] : [{ title: '反馈', key: 'answer', render: (_: unknown, c: HazardCheck) => <Result c={c} /> }]),
    ...(status === 'open' && canAct
      ? [{ title: '操作', key: 'op', width: 90, render: (_: unknown, c: HazardCheck) => answerButton(c) }]
      : []),
  ];

  let body: ReactNode;
  if (checks.isError) body = <QueryError error={checks.error} onRetry={() => void checks.refetch()} />;
  else if (isMobile) {
    body = (
      <List
        loading={checks.isPending}
        dataSource={checks.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无排查要求" /> }}
        pagination={
          (checks.data?.total ?? 0) > pageSize
            ? { current: page, pageSize, total: checks.data?.total, onChange: setPage, simple: true, align: 'center' }
            : false
        }
        renderItem={(c) => (
          <List.Item key={c.id}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex vertical gap={4}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>{c.enterpriseName ?? '—'}</Typography.Text>
                  <StatusTag status={c.status} />
                </Flex>
                <span>条款 {c.criterionCode}</span>
                <span className="muted">
                  来源 <Source c={c} />
                </span>
                <span className="muted">期限 {c.deadline}</span>
                {c.status !== 'open' ? <Result c={c} /> : null}
                {answerButton(c) ? (
                  <Button type="primary" block onClick={() => setAnswering(c)}>
                    反馈
                  </Button>
                ) : null}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
    );
  } else {
    body = (
      <Table<HazardCheck>
        rowKey="id"
        columns={columns}
        dataSource={checks.data?.items ?? []}
        loading={checks.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="暂无排查要求" /> }}
        pagination={{ current: page, pageSize, total: checks.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
      />
    );
  }

  return (
    <PageContainer title="举一反三排查" testId="hazard-checks-page">
      <Tabs
        activeKey={status}
        onChange={(k) => {
          setStatus(k as HazardCheckStatus);
          setPage(1);
        }}
        items={tabs.map((t) => ({ key: t.key, label: t.label }))}
      />
      {body}
      <HazardCheckAnswerModal check={answering} onClose={() => setAnswering(null)} />
    </PageContainer>
  );
}
