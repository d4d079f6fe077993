import { parsePlan } from '@anzhi/core';
import { loadGoldSeeds } from '../../core/test/plan-gold.ts';
import { microTotals, scoreDoc } from '../../core/test/plan-score.ts';
import type { BenchContext } from './harness.ts';

/**
 * Plan parsing on the five hand-labelled seeds: mean time per document over several rounds, and the micro-averaged
 * F1 the reference scorer prints on its last line. No database: measured once, on the first kind only.
 */
export async function parse(ctx: BenchContext) {
  if (ctx.kind !== 'pglite') return;
  const seeds = loadGoldSeeds();
  const run = () => seeds.map((s) => parsePlan({ fileName: s.fileName, text: s.text }));
  for (let i = 0; i < 3; i++) run();
  const rounds = 20;
  const started = performance.now();
  let plans = run();
  for (let i = 1; i < rounds; i++) plans = run();
  const ms = (performance.now() - started) / (rounds * seeds.length);
  const totals = microTotals(seeds.map((s, i) => scoreDoc(s.gold, plans[i] as never)));
  ctx.record('plan.parse.ms_per_doc', Number(ms.toFixed(2)), 'ms');
  ctx.record('plan.gold.task_f1', totals.tasks.f1, 'F1');
  ctx.record('plan.gold.lead_f1', totals.leadUnits.f1, 'F1');
  ctx.record('plan.gold.co_f1', totals.coUnits.f1, 'F1');
  ctx.record('plan.gold.deadline_f1', totals.deadlines.f1, 'F1');
}
