import type { HazardGroupBy } from '@anzhi/core';
import { Card, Col, Empty, Row, Skeleton } from 'antd';
import { useNavigate } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useHazardStats } from '../api.ts';
import { type HazardFilters, hazardListHref } from '../hazard-filters.ts';
import { BarChart } from './bar-chart.tsx';

const colours: Record<string, string> = { channel: '#1f4e9c', status: '#13a8a8', grade: '#1f4e9c' };
const gradeColours: Record<string, string> = { major: '#cf1322', general: '#1f4e9c' };

function GroupChart({ groupBy, title, filters }: { groupBy: HazardGroupBy; title: string; filters: HazardFilters }) {
  const stats = useHazardStats(groupBy, filters);
  const navigate = useNavigate();
  const groups = stats.data?.groups ?? [];
  return (
    <Card title={title} size="small" extra={stats.data ? <span className="muted">共 {stats.data.total} 条</span> : null}>
      {stats.isError ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : stats.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : !groups.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有隐患" />
      ) : (
        <BarChart
          categories={groups.map((g) => g.label)}
          series={[
            {
              name: '隐患数',
              colour: colours[groupBy] ?? '#1f4e9c',
              colours: groupBy === 'grade' ? groups.map((g) => gradeColours[g.key] ?? '#1f4e9c') : undefined,
              data: groups.map((g) => g.count),
            },
          ]}
          horizontal
          height={Math.max(160, groups.length * 34 + 30)}
          label={groups.map((g) => `${g.label} ${g.count} 条`).join('，')}
          testId={`hazard-chart-${groupBy}`}
          onClick={(_s, i) => {
            const g = groups[i];
            if (g) navigate(hazardListHref({ ...filters, [groupBy]: g.key }));
          }}
        />
      )}
    </Card>
  );
}

/** All hazards (not only the cut-off view) by 来源, 状态 and 等级; a bar opens the ledger of that group. */
export function HazardGroupCharts({ filters }: { filters: HazardFilters }) {
  const { grade: _grade, ...withoutGrade } = filters;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <GroupChart groupBy="channel" title="按隐患来源" filters={filters} />
      </Col>
      <Col xs={24} lg={8}>
        <GroupChart groupBy="status" title="按办理状态" filters={filters} />
      </Col>
      <Col xs={24} lg={8}>
        <GroupChart groupBy="grade" title="按隐患等级（不受等级筛选）" filters={withoutGrade} />
      </Col>
    </Row>
  );
}
