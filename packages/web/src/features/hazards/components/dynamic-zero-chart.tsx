import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import type { HazardFilters } from '../hazard-filters.ts';
import { BarChart, type BarSeries } from './bar-chart.tsx';
import { metricHref, type ZeroMetric, type ZeroRow } from './dynamic-zero-rows.ts';

const parts: Array<{ metric: ZeroMetric; name: string; colour: string; stack: string }> = [
  { metric: 'stockClosed', name: '存量已清零', colour: '#52c41a', stack: 'stock' },
  { metric: 'stockOpen', name: '存量未清零', colour: '#cf1322', stack: 'stock' },
  { metric: 'incrementClosed', name: '增量已销号', colour: '#1f4e9c', stack: 'increment' },
  { metric: 'incrementOpen', name: '增量在办', colour: '#fa8c16', stack: 'increment' },
];

/** Stock and increment of each group, split into done and not done; a bar segment opens its hazards. */
export function DynamicZeroChart({ rows, cutoff, base }: { rows: ZeroRow[]; cutoff: string; base: HazardFilters }) {
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const groups = useMemo(() => rows.filter((r) => !r.total), [rows]);
  const categories = useMemo(() => groups.map((r) => r.label), [groups]);
  const series = useMemo<BarSeries[]>(
    () => parts.map((p) => ({ name: p.name, colour: p.colour, stack: p.stack, data: groups.map((r) => r[p.metric] as number) })),
    [groups],
  );
  const label = groups
    .map((r) => `${r.label}：存量${r.stock}（未清零${r.stockOpen}），增量${r.increment}（在办${r.incrementOpen}）`)
    .join('；');
  return (
    <BarChart
      categories={categories}
      series={series}
      height={Math.max(280, Math.min(480, groups.length * 36 + 80))}
      horizontal={isMobile || groups.length > 8}
      label={label || '没有数据'}
      testId="dynamic-zero-chart"
      onClick={(s, i) => {
        const row = groups[i];
        const part = parts[s];
        const href = row && part ? metricHref(row, part.metric, cutoff, base) : null;
        if (href) navigate(href);
      }}
    />
  );
}
