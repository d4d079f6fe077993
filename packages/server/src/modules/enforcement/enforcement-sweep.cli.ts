// The enforcement part of `anzhi sweep`: 复查 reminders and overdue marks, then their outbound copies.
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createOutboundChannels } from '../../lib/outbound/outbound.ts';
import { createNotificationService } from '../notifications/notification.service.ts';
import { type EnforcementSweepResult, runEnforcementSweep } from './enforcement-sweep.ts';

export async function runEnforcementSweepCommand(database: Database, now: Date, config: Config): Promise<EnforcementSweepResult> {
  const notifications = createNotificationService({ db: database.db, clock: fixedClock(now), channels: createOutboundChannels(config) });
  const result = await runEnforcementSweep(database.db, now, { channels: notifications.outboundChannelKeys });
  await notifications.deliverPending();
  return result;
}

export function enforcementSweepSummary(r: EnforcementSweepResult): string {
  if (r.skipped) return '整改复查：另一个进程正在执行，本次跳过';
  return `整改复查：到期提醒 ${r.created.recheckReminders} 条，逾期标记 ${r.created.recheckOverdue} 条，通知 ${r.created.notifications} 条`;
}
