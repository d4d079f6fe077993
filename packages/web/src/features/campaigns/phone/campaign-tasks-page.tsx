import type { CampaignFieldRound } from '@anzhi/core';
import { Alert, Card, Empty, Input, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { OfflineNotice } from '../../../lib/offline/offline-notice.tsx';
import { usePhoneSync } from '../../../lib/offline/phone-sync.tsx';
import { useCampaignTasks } from './api.ts';
import { campaignRecords, checkPath, isFor } from './check-draft.ts';

/** How many targets a round shows before the search narrows them (a township's ledger is hundreds). */
const shown = 50;

function RoundCard({ round, q }: { round: CampaignFieldRound; q: string }) {
  const { outbox } = usePhoneSync();
  const waiting = campaignRecords(outbox).filter((r) => r.record.roundId === round.roundId && r.state === 'pending');
  const pending = (t: CampaignFieldRound['targets'][number]) => waiting.some((r) => isFor(r, round.roundId, t));
  const done = round.targets.filter((t) => t.checkId !== null || pending(t)).length;
  const matched = round.targets.filter((t) => !q || t.name.includes(q) || (t.address ?? '').includes(q));
  return (
    <Card
      size="small"
      data-testid="campaign-round"
      title={
        <Space direction="vertical" size={0} style={{ whiteSpace: 'normal' }}>
          <span>{round.campaignTitle}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            第{round.ordinal}轮 · {round.subject} · 截止 {round.dueOn}
          </Typography.Text>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <div data-testid="campaign-progress">
          已查 {done} / {round.targets.length} {round.counter}
          <Progress percent={round.targets.length ? Math.round((done / round.targets.length) * 100) : 0} size="small" />
        </div>
        {round.targetsCapped ? (
          <Alert type="info" showIcon message={`您的范围内对象较多，手机上只保存前 ${round.targets.length} 个`} />
        ) : null}
        {matched.length === 0 ? <Empty description={q ? '没有名称相符的对象' : '您的范围内没有检查对象'} /> : null}
        <div className="phone-card-list">
          {matched.slice(0, shown).map((t) => {
            const state = t.checkId !== null ? 'done' : pending(t) ? 'pending' : 'todo';
            return (
              <Link
                key={`${t.objectId}-${t.enterpriseId}`}
                to={checkPath(round.roundId, t)}
                className="phone-tap"
                data-testid="campaign-target"
              >
                <Card size="small" hoverable>
                  <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                    <span style={{ fontSize: 16 }}>{t.name}</span>
                    {state === 'done' ? (
                      <Tag color="green">已检查</Tag>
                    ) : state === 'pending' ? (
                      <Tag color="orange">待同步</Tag>
                    ) : (
                      <Tag color="blue">未检查</Tag>
                    )}
                  </Space>
                  <Typography.Text type="secondary">
                    {t.regionName}
                    {t.address ? ` · ${t.address}` : ''}
                  </Typography.Text>
                </Card>
              </Link>
            );
          })}
        </div>
        {matched.length > shown ? (
          <Typography.Text type="secondary">还有 {matched.length - shown} 个，请输入名称查找</Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}

/** /campaigns/m — 专项检查: my open rounds with their targets and progress, from the server or the copy kept offline. */
export function CampaignTasksPage() {
  const tasks = useCampaignTasks();
  const [q, setQ] = useState('');
  if (tasks.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (tasks.isError) return <QueryError error={tasks.error} title="专项检查任务加载失败" onRetry={() => void tasks.refetch()} />;
  const { data, offlineSince } = tasks.data;
  return (
    <div data-testid="campaign-tasks">
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        专项检查 <Typography.Text type="secondary">{data.asOf}</Typography.Text>
      </Typography.Title>
      <OfflineNotice since={offlineSince} />
      <Input.Search
        size="large"
        allowClear
        placeholder="按名称或地址查找"
        value={q}
        onChange={(e) => setQ(e.target.value.trim())}
        style={{ marginBottom: 12 }}
        data-testid="campaign-search"
      />
      {data.rounds.length === 0 ? <Empty description="当前没有进行中的专项检查" /> : null}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {data.rounds.map((r) => (
          <RoundCard key={r.roundId} round={r} q={q} />
        ))}
      </Space>
    </div>
  );
}
