import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  data: number[];
  colour: string;
  /** One colour per bar instead of the series colour (重大 red, 一般 blue). */
  colours?: string[];
  stack?: string;
}

interface BarChartProps {
  categories: string[];
  series: BarSeries[];
  /** A bar was clicked: which series, which category. */
  onClick?: (seriesIndex: number, dataIndex: number) => void;
  horizontal?: boolean;
  height?: number;
  /** What a screen reader says instead of the canvas. */
  label: string;
  testId?: string;
}

/** ECharts bars whose every bar is a link (the page decides where to); resizes with its box. */
export function BarChart({ categories, series, onClick, horizontal, height = 300, label, testId }: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (p) => clickRef.current?.(p.seriesIndex ?? 0, p.dataIndex));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const category = {
      type: 'category' as const,
      data: categories,
      axisTick: { show: false },
      axisLabel: { interval: 0, width: 90, overflow: 'truncate' as const },
    };
    const value = { type: 'value' as const, minInterval: 1 };
    chartRef.current?.setOption(
      {
        grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
        legend: series.length > 1 ? { top: 0 } : undefined,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: horizontal ? value : category,
        yAxis: horizontal ? { ...category, inverse: true } : value,
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          stack: s.stack,
          data: s.colours ? s.data.map((value, i) => ({ value, itemStyle: { color: s.colours?.[i] ?? s.colour } })) : s.data,
          barMaxWidth: 40,
          cursor: 'pointer',
          itemStyle: { color: s.colour },
          label: { show: !s.stack, position: horizontal ? 'right' : 'top' },
        })),
      },
      { notMerge: true },
    );
  }, [categories, series, horizontal]);

  return <div ref={ref} className="hazard-chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
