// The reports part of `anzhi sweep`: verification reminders and 催办, accept and feedback reminders, lapsed rewards.
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createOutboundChannels } from '../../lib/outbound/outbound.ts';
import { createNotificationService } from '../notifications/notification.service.ts';
import { type ReportSweepResult, runReportSweep } from './report-sweep.ts';

export async function runReportSweepCommand(database: Database, now: Date, config: Config): Promise<ReportSweepResult> {
  const notifications = createNotificationService({ db: database.db, clock: fixedClock(now), channels: createOutboundChannels(config) });
  const result = await runReportSweep(database.db, now, { channels: notifications.outboundChannelKeys });
  await notifications.deliverPending();
  return result;
}

export function reportSweepSummary(r: ReportSweepResult): string {
  if (r.skipped) return '举报办理：另一个进程正在执行，本次跳过';
  const c = r.created;
  return `举报办理：核查到期提醒 ${c.verifyReminders} 条，核查逾期催办 ${c.verifyOverdue} 条，待受理超期 ${c.acceptReminders} 条，未反馈超期 ${c.feedbackReminders} 条，奖励逾期未领取 ${c.rewardsLapsed} 笔，通知 ${c.notifications} 条，清理防刷记录 ${c.throttlePurged} 条`;
}
