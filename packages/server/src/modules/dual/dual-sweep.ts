import type { Db } from '../../db/client.ts';
import { trySweepLock } from '../../lib/sweep-lock.ts';
import { generateDueChecks } from './check-generate.ts';
import { runOversightSignals } from './oversight-signals.ts';

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
const DUAL_SWEEP_LOCK = 7_302_028;

export async function runDualSweep(db: Db, now: Date): Promise<DualSweepResult> {
  const created = { periods: 0, signals: 0 };
  const skipped = await db.transaction(async (tx) => {
    // Both steps are idempotent (unique keys); the lock keeps several processes from doing the same work at once.
    if (!(await trySweepLock(tx, DUAL_SWEEP_LOCK))) return true;
    // check tasks: generate due checks
    created.periods += await generateDueChecks(tx, now);
    // oversight: signals
    created.signals += Object.values(await runOversightSignals(tx, now)).reduce((a, b) => a + b, 0);
    return false;
  });
  return { skipped, created };
}

export function dualSweepSummary(r: DualSweepResult): string {
  if (r.skipped) return '双重预防：另一个进程正在执行，本次跳过';
  return `双重预防：生成排查任务 ${r.created.periods} 条，新发现形式主义提示 ${r.created.signals} 条`;
}
