// `anzhi sweep [--now ISO] [--json]`: runs the time-driven rules as of any moment (tests, operators, cron).
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createOutboundChannels } from '../../lib/outbound/outbound.ts';
import { createNotificationService } from '../notifications/notification.service.ts';
import { runHazardSweep, type SweepResult } from './hazard-sweep.ts';

export const sweepUsage = '  sweep [--now 时间] [--json] 按指定时刻执行到期提醒、逾期标记和逐级问责（可重复执行，不会重复生成）';

export function parseSweepNow(raw: string | undefined, fallback: Date): Date {
  if (!raw) return fallback;
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) throw new Error(`--now 应为 ISO 时间，如 2026-06-01T09:00:00+08:00，收到：${raw}`);
  return at;
}

/** The sweep, then the outbound copies of what it created (e-mail, group robots) when channels are configured. */
export async function runSweepCommand(database: Database, now: Date, config: Config): Promise<SweepResult> {
  const notifications = createNotificationService({ db: database.db, clock: fixedClock(now), channels: createOutboundChannels(config) });
  const result = await runHazardSweep(database.db, now, { channels: notifications.outboundChannelKeys });
  await notifications.deliverPending();
  return result;
}

export function sweepSummary(r: SweepResult, now: Date): string {
  if (r.skipped) return '另一个进程正在执行巡检，本次跳过';
  const c = r.created;
  return `巡检完成（${now.toISOString()}）：到期提醒 ${c.reminders} 条，逾期标记 ${c.overdue} 条，问责 ${c.escalations} 条，通知 ${c.notifications} 条`;
}
