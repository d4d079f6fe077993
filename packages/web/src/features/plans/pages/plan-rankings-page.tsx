import { DownloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Result, Row, Segmented, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { LinkButton } from '../../../components/link-button.tsx';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { usePlanProgress, usePlanRankings, usePlans, useUnitShortNames } from '../api.ts';
import { PlanSettingsModal } from '../components/plan-settings-modal.tsx';
import { RankingBoard } from '../components/ranking-board.tsx';
import { RankingScoring } from '../components/ranking-scoring.tsx';
import { rankingsWorkbook } from '../components/rankings-xlsx.ts';
import { saveBlob } from '../plan-download.ts';
import { periodLabel } from '../plan-labels.ts';
import '../plans.css';

/** 五色图 from the menu: the newest published plan's board. */
export function PlanLatestRankingsPage() {
  const plans = usePlans({ status: 'published' }, 1, 1);
  if (plans.isError) return <QueryError error={plans.error} onRetry={() => void plans.refetch()} />;
  if (plans.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  const latest = plans.data.items[0];
  if (!latest) return <Empty description="暂无已发布的方案，发布后即可查看五色图" />;
  return <Navigate to={`/plans/${latest.id}/rankings`} replace />;
}

/** 五色图: units and villages in five colour bands by score, the scoring spelled out, exportable for 晾晒. */
export function PlanRankingsPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const by = params.get('by') === 'villages' ? 'villages' : 'units';
  const rankings = usePlanRankings(id, period);
  const plan = usePlanProgress(id, period);
  const canManage = useCan('plan.manage');
  const [editing, setEditing] = useState(false);
  const names = useUnitShortNames();

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  if (!(id > 0)) return <Result status="404" title="方案不存在" />;
  if (rankings.isError) return <QueryError error={rankings.error} onRetry={() => void rankings.refetch()} />;
  if (!rankings.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const r = rankings.data;
  const meta = plan.data?.plan;
  const title = meta?.title ?? '行动方案';
  const rows = by === 'villages' ? r.villages : r.units;
  const hrefOf = (who: string) => `/plans/${id}?period=${r.period}${who ? `&who=${who}` : ''}`;

  return (
    <PageContainer
      title={`五色图 · ${periodLabel(r.period)}`}
      testId="plan-rankings-page"
      extra={
        <>
          <LinkButton to={`/plans/${id}?period=${r.period}`} icon={<UnorderedListOutlined />}>
            方案进度
          </LinkButton>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => saveBlob(rankingsWorkbook(title, r), `${title}-${periodLabel(r.period)}五色图.xlsx`)}
            data-testid="ranking-export"
          >
            导出 Excel
          </Button>
        </>
      }
    >
      <Card size="small" className="search-form">
        <Flex gap={12} wrap align="center">
          <span className="muted">{title}</span>
          <DatePicker
            picker="month"
            value={dayjs(`${r.period}-01`)}
            allowClear={false}
            inputReadOnly
            format={(d) => `截至 ${periodLabel(d.format('YYYY-MM'))}`}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            onChange={(d) => set('period', d ? d.format('YYYY-MM') : undefined)}
          />
          <Segmented
            value={by}
            onChange={(v) => set('by', v === 'villages' ? 'villages' : undefined)}
            options={[
              { value: 'units', label: `成员单位（${r.units.length}）` },
              { value: 'villages', label: `村（社区）（${r.villages.length}）` },
            ]}
          />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <RankingBoard rows={rows} hrefOf={hrefOf} kind={by === 'villages' ? '村（社区）' : '单位'} names={names} />
        </Col>
        <Col xs={24} xl={7}>
          <RankingScoring scoring={r.scoring} onEdit={canManage && meta ? () => setEditing(true) : undefined} />
        </Col>
      </Row>
      {meta ? <PlanSettingsModal plan={meta} open={editing} onClose={() => setEditing(false)} /> : null}
    </PageContainer>
  );
}
