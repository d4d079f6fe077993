// The plan part of `anzhi sweep`: the monthly dispatch reminders and overdue marks, then their outbound copies.
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createOutboundChannels } from '../../lib/outbound/outbound.ts';
import { createNotificationService } from '../notifications/notification.service.ts';
import { type PlanSweepResult, runPlanSweep } from './plan-sweep.ts';

export async function runPlanSweepCommand(database: Database, now: Date, config: Config): Promise<PlanSweepResult> {
  const notifications = createNotificationService({ db: database.db, clock: fixedClock(now), channels: createOutboundChannels(config) });
  const result = await runPlanSweep(database.db, now, { channels: notifications.outboundChannelKeys });
  await notifications.deliverPending();
  return result;
}

/** The hazard sweep's counts with the dispatch counts added: `notifications` counts both. */
export function withPlanCounts<T extends { skipped: boolean; created: { notifications: number } }>(hazard: T, plan: PlanSweepResult) {
  return {
    skipped: hazard.skipped && plan.skipped,
    created: {
      ...hazard.created,
      notifications: hazard.created.notifications + plan.created.notifications,
      dispatchReminders: plan.created.dispatchReminders,
      dispatchOverdue: plan.created.dispatchOverdue,
    },
  };
}

export function planSweepSummary(r: PlanSweepResult): string {
  if (r.skipped) return '方案调度：另一个进程正在执行，本次跳过';
  return `方案调度：报送提醒 ${r.created.dispatchReminders} 条，逾期未报 ${r.created.dispatchOverdue} 条，通知 ${r.created.notifications} 条`;
}
