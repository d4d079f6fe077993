// `anzhi plan parse FILE [--json]`: parses a plan file without touching the database.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedPlan, PlanTask } from '@anzhi/core';
import { PLAN_MAX_BYTES, parsePlanFile, planErrors } from './plan-input.reader.ts';

export const planUsage = '  plan parse FILE [--json] 解析方案文件（.docx/.txt/.md），列出任务、责任单位和时限（--json：输出 JSON）';

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function taskLine(t: PlanTask): string {
  const parts = [`  ${t.path.join(' › ')}  ${shorten(t.title, 30)}`];
  if (t.leadUnits.length) parts.push(`牵头：${t.leadUnits.join('、')}`);
  if (t.coUnits.length) parts.push(`配合：${t.coUnits.join('、')}`);
  if (t.deadlines.length) parts.push(`时限：${t.deadlines.map((d) => d.date).join('、')}`);
  if (t.source) parts.push(`见表${t.source.table}第${t.source.row}行`);
  return parts.join('  ');
}

/** A short Chinese summary for people: the document fields, counts, then one line per task. */
export function planSummary(plan: ParsedPlan): string {
  const period = plan.period
    ? plan.period.start === plan.period.end
      ? `${plan.period.start}年`
      : `${plan.period.start}—${plan.period.end}年`
    : '—';
  const count = (f: (t: PlanTask) => boolean) => plan.tasks.filter(f).length;
  return [
    `文件：${plan.file}`,
    `标题：${plan.title ?? '—'}`,
    `发文机关：${plan.issuer ?? '—'}  成文日期：${plan.issueDate ?? '—'}  文号：${plan.docNumber ?? '—'}  期间：${period}`,
    `任务 ${plan.tasks.length} 项：有责任单位 ${count((t) => t.leadUnits.length + t.coUnits.length > 0)} 项，有完成时限 ${count(
      (t) => t.deadlines.length > 0,
    )} 项，有年度节点 ${count((t) => t.milestones.length > 0)} 项，有量化指标 ${count((t) => t.targets.length > 0)} 项`,
    ...plan.tasks.map(taskLine),
    ...(plan.notes ?? []).map((n) => `说明：${n}`),
  ].join('\n');
}

/**
 * Runs `plan <sub> …`; returns the exit code, or null when the arguments are not a plan command (main prints usage).
 * Errors are thrown (AppError with a Chinese message for files that are not plans).
 */
export async function runPlanCommand(
  args: string[],
  opts: { json?: boolean },
  out: (s: string) => void = console.log,
): Promise<number | null> {
  const [sub, file] = args;
  if (sub !== 'parse' || !file) return null;
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new Error(`文件不存在或无法读取：${file}`);
  }
  if (size > PLAN_MAX_BYTES) throw planErrors.tooLarge(size);
  const plan = await parsePlanFile(fs.readFileSync(file), path.basename(file));
  out(opts.json ? JSON.stringify(plan, null, 2) : planSummary(plan));
  return 0;
}
