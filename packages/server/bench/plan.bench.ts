import fs from 'node:fs';
import path from 'node:path';
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
  const long = thirtyPagePlan(seeds.find((s) => s.name.startsWith('003_'))?.text ?? '');
  const longMs = timePerDoc(() => parsePlan({ fileName: 'plan-30-pages.txt', text: long.text }));
  ctx.record('plan.parse.ms_30_pages', Number(longMs.wall.toFixed(2)), 'ms');
  ctx.record('plan.parse.cpu_ms_30_pages', Number(longMs.cpu.toFixed(2)), 'ms');
  ctx.record('plan.parse.pages_30_tasks', long.tasks, 'tasks');
  ctx.record('plan.parse.pages_30_chars', long.chars, 'chars');
  ctx.record('plan.gold.task_f1', totals.tasks.f1, 'F1');
  ctx.record('plan.gold.lead_f1', totals.leadUnits.f1, 'F1');
  ctx.record('plan.gold.co_f1', totals.coUnits.f1, 'F1');
  ctx.record('plan.gold.deadline_f1', totals.deadlines.f1, 'F1');
}

/** Wall and CPU milliseconds per run: on a shared machine the CPU time says what the parser itself costs. */
function timePerDoc(run: () => unknown, rounds = 20): { wall: number; cpu: number } {
  for (let i = 0; i < 3; i++) run();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < rounds; i++) run();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / rounds, cpu: (used.user + used.system) / 1000 / rounds };
}

/** A page of a 公文 holds 22 lines of 28 characters (GB/T 9704-2012 §5.2.2). */
const PAGE_CHARS = 22 * 28;

/**
 * A 30-page plan in the layouts of issue 13: seed 003's body, then a 重点任务 task table pasted from WPS (tab-separated,
 * merged category cells) and an annex 重点任务分工表 naming seed 003's tasks, grown with rows to 30 pages of text.
 */
function thirtyPagePlan(seed003: string): { text: string; tasks: number; chars: number } {
  const table = fs.readFileSync(path.join(import.meta.dirname, '../../core/test/fixtures/plan-layouts/table-tab.txt'), 'utf8');
  const rows = table.split('\n').filter((l) => /^\d+\t/u.test(l));
  const cut = seed003.indexOf('### 四、保障措施');
  const [body, tail] = cut > 0 ? [seed003.slice(0, cut), seed003.slice(cut).replace('四、保障措施', '五、保障措施')] : [seed003, ''];
  const tableRows: string[] = [];
  let n = 0;
  while (body.length + tail.length + tableRows.join('\n').length < 30 * PAGE_CHARS) {
    for (const r of rows) tableRows.push(r.replace(/^\d+/u, String(++n)));
  }
  const text = [
    body,
    '### 四、专项整治任务',
    '序号\t重点任务\t工作措施\t牵头单位\t配合单位\t完成时限',
    ...tableRows,
    tail,
    '附件',
    '重点任务分工表',
    '序号\t任务内容\t牵头单位\t配合单位\t完成时限',
    ...['健全重大事故隐患数据库', '持续开展安全生产“六查一打”专项行动'].map((t, i) => `${i + 1}\t${t}\t镇应急办\t各村\t2024年12月底前`),
  ].join('\n');
  return { text, tasks: parsePlan({ fileName: 'x.txt', text }).tasks.length, chars: text.length };
}
