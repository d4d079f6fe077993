import { type EnterpriseStats, type RiskLevel, riskLevelColours, riskLevels } from '@anzhi/core';
import { Flex, Tag } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { type EnterpriseFilters, enterpriseListHref } from '../enterprise-filters.ts';
import { riskLabel, riskTextColour } from '../enterprise-labels.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface Bar {
  level: RiskLevel | null;
  label: string;
  count: number;
  colour: string;
}

function bars(stats: EnterpriseStats): Bar[] {
  const count = (level: string | null) => stats.byRiskLevel.find((r) => r.riskLevel === level)?.count ?? 0;
  return [
    ...riskLevels.map((level) => ({ level, label: riskLabel(level), count: count(level), colour: riskLevelColours[level].hex })),
    { level: null, label: '未评定', count: count(null), colour: '#bfbfbf' },
  ];
}

/** Enterprises by risk level in 红橙黄蓝; a bar (or the tag under it) opens the list of those enterprises. */
export function RiskChart({ stats, filters }: { stats: EnterpriseStats; filters: EnterpriseFilters }) {
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const data = useMemo(() => bars(stats), [stats]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}：${p.value} 家<br/>点击查看名单` },
      xAxis: { type: 'category', data: data.map((d) => d.label), axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 56,
          label: { show: true, position: 'top' },
          data: data.map((d) => ({ value: d.count, itemStyle: { color: d.colour, borderRadius: [4, 4, 0, 0] } })),
          cursor: 'pointer',
        },
      ],
    });
    chart.on('click', (p) => {
      const level = data[p.dataIndex]?.level;
      if (level) navigate(enterpriseListHref({ ...filters, riskLevel: level }));
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, filters, navigate]);

  return (
    <>
      <div ref={ref} className="stats-chart" role="img" aria-label={data.map((d) => `${d.label} ${d.count} 家`).join('，')} />
      <Flex gap={8} wrap justify="center">
        {data.map((d) =>
          d.level ? (
            <Link key={d.label} to={enterpriseListHref({ ...filters, riskLevel: d.level })} data-testid={`stats-risk-${d.level}`}>
              <Tag color={d.colour} variant="solid" style={{ color: riskTextColour(d.level), marginInlineEnd: 0 }}>
                {d.label} {d.count}
              </Tag>
            </Link>
          ) : (
            <Tag key={d.label} style={{ marginInlineEnd: 0 }}>
              {d.label} {d.count}
            </Tag>
          ),
        )}
      </Flex>
    </>
  );
}
