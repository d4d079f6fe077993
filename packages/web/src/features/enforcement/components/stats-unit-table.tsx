import type { EnforcementStatsUnit } from '@anzhi/core';
import { Table, type TableColumnsType, Tag } from 'antd';
import { StatLink } from '../../../components/stat-link.tsx';

/** One row per enforcing unit: planned / done per month, then the year's figures. Every number opens its list. */
export function StatsUnitTable({ units, loading }: { units: EnforcementStatsUnit[]; loading: boolean }) {
  const months: TableColumnsType<EnforcementStatsUnit> = Array.from({ length: 12 }, (_, k) => ({
    key: `m${k + 1}`,
    title: `${k + 1}月`,
    align: 'center' as const,
    width: 76,
    render: (_: unknown, u: EnforcementStatsUnit) => {
      const m = u.months[k];
      return (
        <span title="计划 / 完成">
          <StatLink n={m?.planned} />/<StatLink n={m?.done} testId={`done-${u.unitId}-${k + 1}`} />
        </span>
      );
    },
  }));
  const columns: TableColumnsType<EnforcementStatsUnit> = [
    {
      key: 'unit',
      title: '执法单位',
      fixed: 'left',
      width: 180,
      render: (_, u) => (
        <>
          {u.unitName}
          {u.signals.map((s) => (
            <Tag key={s.kind} color="red" style={{ marginInlineStart: 6 }}>
              {s.label}
            </Tag>
          ))}
        </>
      ),
    },
    ...months,
    { key: 'planned', title: '计划', align: 'right', width: 64, render: (_, u) => <StatLink n={u.figures.planned} /> },
    { key: 'done', title: '完成', align: 'right', width: 64, render: (_, u) => <StatLink n={u.figures.done} /> },
    { key: 'rate', title: '完成率', align: 'right', width: 76, render: (_, u) => <StatLink n={u.figures.completionRate} suffix="%" /> },
    { key: 'coverage', title: '重点覆盖', align: 'right', width: 84, render: (_, u) => <StatLink n={u.figures.coverageRate} suffix="%" /> },
    { key: 'perCheck', title: '隐患/次', align: 'right', width: 76, render: (_, u) => <StatLink n={u.figures.hazardsPerCheck} /> },
    { key: 'caseRate', title: '立案率', align: 'right', width: 76, render: (_, u) => <StatLink n={u.figures.caseRate} suffix="%" /> },
    { key: 'cases', title: '处罚件数', align: 'right', width: 84, render: (_, u) => <StatLink n={u.figures.penaltyCases} /> },
    { key: 'amount', title: '罚款（元）', align: 'right', width: 100, render: (_, u) => <StatLink n={u.figures.penaltyAmount} /> },
  ];
  return (
    <Table<EnforcementStatsUnit>
      rowKey="unitId"
      size="small"
      columns={columns}
      dataSource={units}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '本年度暂无执法检查数据' }}
      data-testid="stats-unit-table"
    />
  );
}
