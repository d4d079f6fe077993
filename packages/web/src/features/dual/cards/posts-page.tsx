import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { type PostView, postCardKinds, postCardPath } from '@anzhi/core';
import { App, Button, Empty, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { apiUrl, errorMessage } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useCan } from '../../../lib/session.ts';
import { EnterpriseChoice, useChosenEnterprise } from '../enterprise-choice.tsx';
import { useDeletePost, usePosts, useQuizAttempts } from './api.ts';
import { PostEditor } from './post-editor.tsx';

function AttemptsModal({ post, onClose }: { post: PostView | null; onClose: () => void }) {
  const q = useQuizAttempts(post?.id ?? null);
  return (
    <Modal open={post !== null} onCancel={onClose} footer={null} title={`应知应会答题记录：${post?.name ?? ''}`} width={560}>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={{ pageSize: 10 }}
          locale={{ emptyText: <Empty description="还没有人答题" /> }}
          columns={[
            { title: '姓名', dataIndex: 'takerName' },
            { title: '得分', render: (_, r) => `${r.score} / ${r.total}` },
            { title: '答题时间', dataIndex: 'takenAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
    </Modal>
  );
}

/** 岗位 with their 两单两卡 and 应知应会 quiz: edit, print (A4/A5 Word with QR), quiz results. */
export function PostsPage() {
  const { message } = App.useApp();
  const canManage = useCan('dual.manage');
  const [enterpriseId, setEnterpriseId, own] = useChosenEnterprise();
  const posts = usePosts(enterpriseId);
  const remove = useDeletePost();
  const [editing, setEditing] = useState<{ post: PostView | null } | null>(null);
  const [attemptsOf, setAttemptsOf] = useState<PostView | null>(null);

  return (
    <PageContainer
      title="岗位两单两卡"
      extra={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} disabled={enterpriseId === null} onClick={() => setEditing({ post: null })}>
            新增岗位
          </Button>
        ) : null
      }
    >
      <EnterpriseChoice value={enterpriseId} onChange={setEnterpriseId} own={own} />
      {posts.isError ? (
        <QueryError error={posts.error} onRetry={() => posts.refetch()} />
      ) : (
        <Table
          rowKey="id"
          loading={posts.isLoading}
          dataSource={posts.data?.items ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={canManage ? '还没有岗位，点“新增岗位”填写两单两卡' : '还没有岗位'} /> }}
          columns={[
            ...(own ? [] : [{ title: '企业', dataIndex: 'enterpriseName', width: 180 }]),
            { title: '岗位', dataIndex: 'name', render: (v: string, r: PostView) => (r.department ? `${r.department} · ${v}` : v) },
            {
              title: '两单两卡（行数）',
              render: (_: unknown, r: PostView) => postCardKinds.map((k) => r.cards[k].length).join(' / '),
            },
            { title: '题目', render: (_: unknown, r: PostView) => r.quiz.length },
            {
              title: '答题',
              render: (_: unknown, r: PostView) => (
                <Typography.Link onClick={() => setAttemptsOf(r)}>{r.attemptCount} 人次</Typography.Link>
              ),
            },
            {
              title: '操作',
              width: 330,
              render: (_: unknown, r: PostView) => (
                <Space wrap size={4}>
                  {canManage ? (
                    <Button size="small" onClick={() => setEditing({ post: r })}>
                      编辑
                    </Button>
                  ) : null}
                  <Button size="small" icon={<DownloadOutlined />} href={apiUrl(`/posts/${r.id}/cards.docx`, { size: 'A4' })}>
                    A4
                  </Button>
                  <Button size="small" icon={<DownloadOutlined />} href={apiUrl(`/posts/${r.id}/cards.docx`, { size: 'A5' })}>
                    A5
                  </Button>
                  <Button size="small" href={postCardPath(r.publicCode)} target="_blank">
                    手机页
                  </Button>
                  {canManage ? (
                    <Popconfirm
                      title="删除该岗位及其答题记录？"
                      onConfirm={() =>
                        remove.mutateAsync({ id: r.id, version: r.version }).then(
                          () => message.success('已删除'),
                          (e) => message.error(errorMessage(e)),
                        )
                      }
                    >
                      <Button size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
      <PostEditor open={editing !== null} post={editing?.post ?? null} enterpriseId={enterpriseId} onClose={() => setEditing(null)} />
      <AttemptsModal post={attemptsOf} onClose={() => setAttemptsOf(null)} />
    </PageContainer>
  );
}
