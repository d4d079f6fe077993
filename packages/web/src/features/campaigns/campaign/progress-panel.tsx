import type { CampaignObjectState } from '@anzhi/core';
import { Card, Col, Empty, List, Row, Segmented, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { StatFigure } from '../../../components/stat-figure.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { type CampaignDetail, type CampaignProgress, useCampaignProgress } from './api.ts';
import { coveragePercent, type ObjectListFilter, objectsHref, progressRowFilter } from './campaign-view.ts';

type RoundProgress = CampaignProgress['rounds'][number];
type ProgressRow = RoundProgress['byVillage'][number];

/** A figure that opens its list; a dash for a percent with nothing to divide by. */
function Num({ n, to, suffix = '', testId }: { n: number | null; to: string; suffix?: string; testId?: string }) {
  if (n === null) return <span data-testid={testId}>—</span>;
  return (
    <Link to={to} data-testid={testId}>
      {n.toLocaleString('zh-CN')}
      {suffix}
    </Link>
  );
}

function RoundFigures({ campaign, round }: { campaign: CampaignDetail; round: RoundProgress }) {
  const href = (state: CampaignObjectState) => objectsHref(campaign.id, { round: round.ordinal, state });
  const c = campaign.counter;
  const figures: Array<{ title: string; n: number | null; state: CampaignObjectState; suffix?: string; sub: string; id: string }> = [
    { title: '应检查', n: round.targets, state: 'target', sub: c, id: 'targets' },
    { title: '已检查', n: round.covered, state: 'covered', sub: c, id: 'covered' },
    {
      title: '覆盖率',
      n: coveragePercent(round.covered, round.targets),
      state: 'covered',
      suffix: '%',
      sub: '已检查 / 应检查',
      id: 'rate',
    },
    { title: '未检查', n: Math.max(0, round.targets - round.covered), state: 'uncovered', sub: c, id: 'uncovered' },
    { title: '发现问题', n: round.findings, state: 'finding', sub: `${c}（有不符合项）`, id: 'findings' },
    { title: '隐患', n: round.hazards, state: 'finding', sub: '项（专项检查）', id: 'hazards' },
    { title: '已销号', n: round.hazardsClosed, state: 'cleared', sub: `项；整治完成 ${round.objectsCleared} ${c}`, id: 'closed' },
  ];
  return (
    <Row gutter={[8, 8]}>
      {figures.map((f) => (
        <Col key={f.id} xs={12} sm={8} md={6} xl={3}>
          <StatFigure
            title={f.title}
            testId={`figure-${f.id}`}
            main={<Num n={f.n} suffix={f.suffix} to={href(f.state)} testId={`figure-${f.id}-link`} />}
            sub={f.sub}
          />
        </Col>
      ))}
    </Row>
  );
}

function BreakdownTable({
  campaignId,
  round,
  rows,
  kind,
}: {
  campaignId: number;
  round: number;
  rows: ProgressRow[];
  kind: 'village' | 'unit';
}) {
  const link = (r: ProgressRow, state: CampaignObjectState, n: number) => {
    const f: ObjectListFilter = { round, state, ...progressRowFilter(kind, r.key) };
    return <Num n={n} to={objectsHref(campaignId, f)} />;
  };
  const columns: TableColumnsType<ProgressRow> = [
    { title: kind === 'village' ? '村（社区）' : '责任单位', dataIndex: 'name', fixed: 'left', width: 120 },
    { title: '应检查', key: 't', render: (_, r) => link(r, 'target', r.targets) },
    { title: '已检查', key: 'c', render: (_, r) => link(r, 'covered', r.covered) },
    { title: '覆盖率', key: 'p', render: (_, r) => (coveragePercent(r.covered, r.targets) ?? '—') + (r.targets ? '%' : '') },
    { title: '未检查', key: 'u', render: (_, r) => link(r, 'uncovered', Math.max(0, r.targets - r.covered)) },
    { title: '发现问题', key: 'f', render: (_, r) => link(r, 'finding', r.findings) },
    { title: '隐患', key: 'h', render: (_, r) => link(r, 'finding', r.hazards) },
    { title: '已销号', key: 'x', render: (_, r) => link(r, 'cleared', r.hazardsClosed) },
  ];
  return (
    <Table<ProgressRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={kind === 'village' ? '没有按村统计的数据' : '没有指定责任单位'} /> }}
      data-testid={`progress-by-${kind}`}
    />
  );
}

/** 进展: per round the figure cards and the tables by village and unit; every number opens the objects it counts. */
export function ProgressPanel({ campaign }: { campaign: CampaignDetail }) {
  const progress = useCampaignProgress(campaign.id);
  const begun = (progress.data?.rounds ?? []).filter((r) => r.status !== 'planned');
  const latest = begun[begun.length - 1]?.ordinal;
  const [picked, setPicked] = useState<number | null>(null);
  const ordinal = picked ?? latest;
  const round = progress.data?.rounds.find((r) => r.ordinal === ordinal);

  if (progress.isError) return <QueryError error={progress.error} onRetry={() => void progress.refetch()} title="进展加载失败" />;
  if (!progress.data) return <Spin />;
  const p = progress.data;
  return (
    <Card
      size="small"
      title="检查进展"
      extra={<span className="muted">截至 {formatDateTime(p.asOf)}</span>}
      data-testid="campaign-progress"
    >
      {!begun.length || !round ? (
        <Empty description="还没有开始的轮次：开始第 1 轮后，这里显示检查覆盖和发现的问题" />
      ) : (
        <>
          {begun.length > 1 ? (
            <Segmented
              style={{ marginBottom: 12 }}
              value={round.ordinal}
              onChange={(v) => setPicked(Number(v))}
              options={begun.map((r) => ({ value: r.ordinal, label: `第${r.ordinal}轮` }))}
            />
          ) : null}
          <RoundFigures campaign={campaign} round={round} />
          <Typography.Paragraph style={{ marginTop: 12 }}>
            从未检查：
            <Num n={p.neverReached} to={objectsHref(campaign.id, { neverReached: true })} testId="figure-never-link" /> {campaign.counter}
            <span className="muted">（在范围内、已开始的各轮都没有检查到）</span>
          </Typography.Paragraph>
          <Typography.Title level={5}>按村（社区）</Typography.Title>
          <BreakdownTable campaignId={campaign.id} round={round.ordinal} rows={round.byVillage} kind="village" />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            按责任单位
          </Typography.Title>
          <BreakdownTable campaignId={campaign.id} round={round.ordinal} rows={round.byUnit} kind="unit" />
        </>
      )}
      {p.figures.length && campaign.planTaskId ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            月调度预填数据
          </Typography.Title>
          <List
            size="small"
            dataSource={p.figures}
            renderItem={(f) => (
              <List.Item>
                {f.metric}：{f.value} {f.unit}
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
