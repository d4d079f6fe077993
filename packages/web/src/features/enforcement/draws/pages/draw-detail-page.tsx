import { ThunderboltOutlined } from '@ant-design/icons';
import { drawStatusLabels } from '@anzhi/core';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageContainer } from '../../../../components/page-container.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { errorMessage } from '../../../../lib/api-client.ts';
import { useCan } from '../../../../lib/session.ts';
import { useDraw, useRunDraw } from '../api.ts';
import { publicDrawPath } from '../draw-labels.tsx';
import { DrawResultTable } from '../draw-result-table.tsx';

/** One draw: the committed seed hash shown prominently, then 开始抽取, then the result and the public link. */
export function DrawDetailPage() {
  const id = Number(useParams().id);
  const q = useDraw(id);
  const run = useRunDraw();
  const canManage = useCan('enforcement.manage');
  const { message } = App.useApp();
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  const d = q.data;
  return (
    <PageContainer
      title={d.title}
      testId="draw-detail-page"
      extra={
        d.status === 'drawn' ? (
          <Link to={publicDrawPath(d.id)} target="_blank">
            公开页面
          </Link>
        ) : null
      }
    >
      <Card>
        <Typography.Text type="secondary">种子哈希（SHA-256，抽取前公示）</Typography.Text>
        <Typography.Paragraph copyable code data-testid="seed-hash" style={{ fontSize: 16, wordBreak: 'break-all', marginBottom: 8 }}>
          {d.seedHash}
        </Typography.Paragraph>
        {d.seed ? (
          <>
            <Typography.Text type="secondary">随机种子（抽取后公开）</Typography.Text>
            <Typography.Paragraph copyable code data-testid="seed" style={{ wordBreak: 'break-all' }}>
              {d.seed}
            </Typography.Paragraph>
          </>
        ) : null}
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label="执法单位">{d.unitName}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={d.status === 'drawn' ? 'green' : 'blue'}>{drawStatusLabels[d.status]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="检查日期">{d.scheduledOn}</Descriptions.Item>
          <Descriptions.Item label="名录库对象">{d.targetPool} 个</Descriptions.Item>
          <Descriptions.Item label="执法人员">
            {d.inspectorPool} 名（执法证有效 {d.validInspectors} 名）
          </Descriptions.Item>
          <Descriptions.Item label="抽取">
            {d.targetCount} 个对象，每组 {d.inspectorsPerCheck} 名
          </Descriptions.Item>
          <Descriptions.Item label="回避">
            {d.recusalDays} 日内检查过同一对象的人员回避（{d.recentChecks} 条记录）
          </Descriptions.Item>
          <Descriptions.Item label="算法">{d.algorithm}</Descriptions.Item>
          <Descriptions.Item label="公示时间">{new Date(d.committedAt).toLocaleString('zh-CN')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card style={{ marginTop: 12 }} title="抽取结果">
        {d.result ? (
          <DrawResultTable result={d.result} linkChecks />
        ) : canManage ? (
          <Result
            status="info"
            title="种子哈希已公示，名录库快照已冻结"
            subTitle="开始抽取后将按公示的种子计算结果、生成检查任务并公开种子，只能抽取一次。"
            extra={
              <Popconfirm
                title="确认开始抽取？抽取后不能重新抽取。"
                onConfirm={() => run.mutateAsync(id).catch((e) => message.error(errorMessage(e)))}
              >
                <Button type="primary" size="large" icon={<ThunderboltOutlined />} loading={run.isPending}>
                  开始抽取
                </Button>
              </Popconfirm>
            }
          />
        ) : (
          <Alert type="info" message="尚未抽取" />
        )}
      </Card>
    </PageContainer>
  );
}
