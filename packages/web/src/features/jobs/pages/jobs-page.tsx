import { type JobItem, type JobState, jobQueueLabels, jobStateLabels } from '@anzhi/core';
import { App, Button, Card, Empty, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { useJobs, useRetryJob } from '../api.ts';

const filterKeys = ['state'] as const;
const stateColors: Record<JobState, string> = { queued: 'blue', running: 'processing', done: 'success', dead: 'error' };
const stateOptions: { value: JobState; label: string }[] = [
  { value: 'dead', label: jobStateLabels.dead },
  { value: 'queued', label: jobStateLabels.queued },
  { value: 'running', label: jobStateLabels.running },
  { value: 'done', label: jobStateLabels.done },
];

/** What a job sends, in words: an outbound copy of notice N to a channel (e-mail or a group robot). */
function describe(job: JobItem): string {
  const p = (job.payload ?? {}) as { notificationId?: number; channel?: string };
  if (job.queue === 'outbound' && p.notificationId) {
    const channel = p.channel === 'email' ? '电子邮件' : p.channel?.startsWith('webhook:') ? '群机器人' : (p.channel ?? '');
    return `通知 #${p.notificationId} → ${channel}`;
  }
  return job.dedupeKey ?? '—';
}

export function JobsPage() {
  const list = useListParams(filterKeys);
  const state = (list.filters.state as JobState | undefined) ?? 'dead';
  const jobs = useJobs({ state, page: list.page, pageSize: list.pageSize });
  const retry = useRetryJob();
  const { message } = App.useApp();

  const onRetry = (job: JobItem) =>
    retry.mutate(job.id, {
      onSuccess: () => void message.success(`任务 #${job.id} 已重新加入队列`),
      onError: (e) => void message.error(e.message),
    });

  const columns: TableColumnsType<JobItem> = [
    { title: '编号', dataIndex: 'id', width: 80 },
    { title: '队列', dataIndex: 'queue', width: 180, render: (q: string) => jobQueueLabels[q] ?? q },
    { title: '内容', key: 'what', render: (_, j) => describe(j) },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      render: (s: JobState) => <Tag color={stateColors[s]}>{jobStateLabels[s]}</Tag>,
    },
    { title: '尝试次数', key: 'attempts', width: 100, render: (_, j) => `${j.attempts} / ${j.maxAttempts}` },
    {
      title: state === 'queued' ? '下次尝试' : '结束时间',
      key: 'time',
      width: 170,
      render: (_, j) => formatDateTime(state === 'queued' ? j.runAt : j.finishedAt),
    },
    {
      title: '最近错误',
      dataIndex: 'lastError',
      render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : '—'),
    },
    { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, j) =>
        j.state === 'dead' ? (
          <Button size="small" onClick={() => onRetry(j)} loading={retry.isPending && retry.variables === j.id}>
            重试
          </Button>
        ) : null,
    },
  ];

  return (
    <PageContainer title="外发队列" testId="jobs-page">
      <Segmented<JobState>
        options={stateOptions}
        value={state}
        onChange={(v) => list.setFilters({ state: v })}
        style={{ marginBottom: 16 }}
      />
      <Card className="table-card">
        {jobs.isError ? (
          <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : (
          <Table<JobItem>
            rowKey="id"
            columns={columns}
            dataSource={jobs.data?.items}
            loading={jobs.isFetching}
            size="middle"
            scroll={{ x: 1100 }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: jobs.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: list.setPage,
            }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={state === 'dead' ? '没有发送失败而放弃的任务' : `没有${jobStateLabels[state]}的任务`}
                />
              ),
            }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
