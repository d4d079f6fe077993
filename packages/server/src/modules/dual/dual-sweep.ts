import type { Db } from '../../db/client.ts';
import { generateDueChecks } from './check-generate.ts';

export interface DualSweepResult {
  skipped: boolean;
  created: {
    /** Due checks generated (check_task_periods). */
    periods: number;
    /** 形式主义 signals found for the first time. */
    signals: number;
  };
}

/**
 * The 双重预防 clocks as of `now`: due checks generated for every active task up to today (set-based, unique per task,
 * period and slot: no duplicates, no gaps), then the 形式主义 signals. Each part adds its step below.
 */
export async function runDualSweep(db: Db, now: Date): Promise<DualSweepResult> {
  const created = { periods: 0, signals: 0 };
  // check tasks: generate due checks
  created.periods += await generateDueChecks(db, now);
  // oversight: signals
  return { skipped: false, created };
}

export function dualSweepSummary(r: DualSweepResult): string {
  if (r.skipped) return '双重预防：另一个进程正在执行，本次跳过';
  return `双重预防：生成排查任务 ${r.created.periods} 条，新发现形式主义提示 ${r.created.signals} 条`;
}
