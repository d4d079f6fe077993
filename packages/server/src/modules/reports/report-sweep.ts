import type { ReportAlertKind, ReportConfig, ReportEventKind, ReportMessageKind, RewardStatus } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { chinaToday } from '../../lib/clock.ts';
import { trySweepLock } from '../../lib/sweep-lock.ts';
import { prefixOf } from '../hazards/hazard-sweep.ts';
import { enqueueOutboundSql, type OutboundKeys } from '../notifications/notification-jobs.ts';
import { loadSettingsBook, regionFilter } from '../settings/settings.resolver.ts';
import { reportSql } from './report-predicates.sql.ts';
import { purgeReportThrottle } from './report-throttle.ts';

export interface ReportSweepResult {
  skipped: boolean;
  created: {
    verifyReminders: number;
    verifyOverdue: number;
    acceptReminders: number;
    feedbackReminders: number;
    rewardsLapsed: number;
    notifications: number;
    /** Rate-limit rows of the public form past their keeping time (report-throttle.ts). */
    throttlePurged: number;
  };
}

/** One report sweep at a time across processes (the hazard, plan and enforcement sweeps hold other keys). */
const REPORT_SWEEP_LOCK = 7_302_027;

type Audience = 'unit' | 'office';

interface Alert {
  title: string;
  /** Said after “举报 JB…（企业）”: never the reporter's identity, never the report's text. */
  body: string;
  audience: Audience[];
  event: ReportEventKind;
  where: (today: string, config: ReportConfig) => SQL;
}

const alerts: Record<ReportAlertKind, Alert> = {
  verifyDueSoon: {
    title: '举报核查即将到期',
    body: '核查期限将至，请按期核查并报送结果',
    audience: ['unit'],
    event: 'reminded',
    where: (today, c) => reportSql.verifyDueSoon(today, c.remindBeforeDays),
  },
  verifyOverdue: {
    title: '举报核查已逾期（催办）',
    body: '已超过核查期限，请尽快核查并报送结果',
    audience: ['unit', 'office'],
    event: 'overdue',
    where: (today) => reportSql.verifyOverdue(today),
  },
  acceptLate: {
    title: '举报待受理已超期',
    body: '收到后已超过受理期限，请尽快受理交办或决定不予受理',
    audience: ['office'],
    event: 'reminded',
    where: (today, c) => reportSql.acceptLate(today, c.acceptDays),
  },
  feedbackLate: {
    title: '举报结果未反馈',
    body: '核查已办结，已超过反馈期限仍未向举报人反馈结果',
    audience: ['office'],
    event: 'reminded',
    where: (today, c) => reportSql.feedbackLate(today, c.feedbackDays),
  },
};

function audienceSql(audience: Audience[]): SQL {
  const parts: SQL[] = [];
  if (audience.includes('unit')) parts.push(sql`(u.unit_id = r.assigned_unit_id AND 'unit' = ANY(u.roles))`);
  if (audience.includes('office'))
    parts.push(
      sql`('office' = ANY(u.roles) AND EXISTS (SELECT 1 FROM unnest(u.region_codes) rc WHERE r.region_code LIKE ${prefixOf(sql`rc`)} || '%'))`,
    );
  return sql.join(parts, sql` OR `);
}

/** Records the alert once per report (report_alerts), an event on the report's timeline, and tells its audience. */
async function alertAndNotify(ex: Executor, kind: ReportAlertKind, where: SQL, now: Date, channels: OutboundKeys) {
  const a = alerts[kind];
  const result = (await ex.execute(sql`
    WITH ins AS (
      INSERT INTO report_alerts (report_id, kind, at)
      SELECT r.id, ${kind}, ${now}::timestamptz FROM reports r WHERE ${where}
      ON CONFLICT DO NOTHING
      RETURNING report_id
    ),
    ev AS (
      INSERT INTO report_events (report_id, kind, note, data, at)
      SELECT report_id, ${a.event}, ${a.title}, jsonb_build_object('alert', ${kind}::text), ${now}::timestamptz FROM ins
      RETURNING 1
    ),
    recipients AS (
      SELECT DISTINCT r.id AS report_id, u.id AS user_id
      FROM ins JOIN reports r ON r.id = ins.report_id
      JOIN users u ON NOT u.disabled AND (${audienceSql(a.audience)})
    ),
    n AS (
      INSERT INTO notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key, created_at)
      SELECT x.user_id, ${`report.${kind}`}, ${a.title},
        '举报 ' || r.tracking_code || '（' || coalesce(e.name, r.enterprise_name, r.place, '未指明单位') || '）' || ${a.body},
        '/reports/' || r.id, 'report', r.id, ${kind} || ':' || r.id, ${now}::timestamptz
      FROM recipients x JOIN reports r ON r.id = x.report_id LEFT JOIN enterprises e ON e.id = r.enterprise_id
      ON CONFLICT (user_id, dedupe_key) DO NOTHING
      RETURNING id, dedupe_key
    ),
    d AS (${enqueueOutboundSql(sql`n`, channels, now)})
    SELECT (SELECT count(*) FROM ins)::int AS rows, (SELECT count(*) FROM n)::int AS notifications,
      (SELECT count(*) FROM ev)::int AS ev, (SELECT count(*) FROM d)::int AS d`)) as unknown as {
    rows: { rows: number; notifications: number }[];
  };
  const r = result.rows[0];
  return { rows: Number(r?.rows ?? 0), notifications: Number(r?.notifications ?? 0) };
}

/**
 * Approved rewards whose claim window has passed lapse (视为放弃, regulations.md §4): the reward becomes `waived`,
 * the report's timeline says so, and the reporter reads a notice with the tracking code. Idempotent by status.
 */
async function lapseRewards(ex: Executor, today: string, now: Date): Promise<number> {
  const waived: RewardStatus = 'waived';
  const event: ReportEventKind = 'rewardWaived';
  const notice: ReportMessageKind = 'notice';
  const result = (await ex.execute(sql`
    WITH w AS (
      UPDATE report_rewards w SET status = ${waived}, version = w.version + 1, updated_at = ${now}::timestamptz
      WHERE ${reportSql.rewardLapsed(today)}
      RETURNING w.report_id, w.amount, w.claim_due_on
    ),
    m AS (
      INSERT INTO report_messages (report_id, kind, body, from_reporter, at)
      SELECT report_id, ${notice}, '您的举报奖励（' || to_char(amount, 'FM999999999990.00') || ' 元）领取期限已于 '
        || to_char(claim_due_on, 'YYYY-MM-DD') || ' 届满，逾期未领取，视为放弃。', false, ${now}::timestamptz FROM w
      RETURNING 1
    ),
    ev AS (
      INSERT INTO report_events (report_id, kind, note, data, at)
      SELECT report_id, ${event}, '奖励领取期限届满，视为放弃', jsonb_build_object('claimDueOn', claim_due_on), ${now}::timestamptz FROM w
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM w)::int AS n, (SELECT count(*) FROM m)::int AS m, (SELECT count(*) FROM ev)::int AS ev`)) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * The report clocks as of `now` (core report-sweep.rules.ts, set-based): the assigned unit reminded `remindBeforeDays`
 * before the verification deadline, overdue verifications marked and 催办 to the unit and the office, the office
 * reminded of reports not accepted within `acceptDays` and of outcomes not fed back within `feedbackDays`, and
 * approved rewards lapsed after their claim window. Each alert once per report (report_alerts); the days come from
 * each township's `report` settings, one statement per group of townships sharing them.
 */
export async function runReportSweep(db: Db, now: Date, opts: { channels?: OutboundKeys } = {}): Promise<ReportSweepResult> {
  const channels = opts.channels ?? { perRecipient: [], perNotice: [] };
  const today = chinaToday(now);
  const created = {
    verifyReminders: 0,
    verifyOverdue: 0,
    acceptReminders: 0,
    feedbackReminders: 0,
    rewardsLapsed: 0,
    notifications: 0,
    throttlePurged: 0,
  };
  const count: Record<ReportAlertKind, keyof typeof created> = {
    verifyDueSoon: 'verifyReminders',
    verifyOverdue: 'verifyOverdue',
    acceptLate: 'acceptReminders',
    feedbackLate: 'feedbackReminders',
  };
  const skipped = await db.transaction(async (tx) => {
    if (!(await trySweepLock(tx, REPORT_SWEEP_LOCK))) return true;
    const groups = (await loadSettingsBook(tx)).groups('report');
    for (const kind of ['verifyOverdue', 'verifyDueSoon', 'acceptLate', 'feedbackLate'] as const) {
      for (const { value: config, ...townships } of groups) {
        const where = sql`${alerts[kind].where(today, config)} AND ${regionFilter(sql`r.region_code`, townships)}`;
        const r = await alertAndNotify(tx, kind, where, now, channels);
        created[count[kind]] += r.rows;
        created.notifications += r.notifications;
      }
    }
    created.rewardsLapsed = await lapseRewards(tx, today, now);
    return false;
  });
  if (!skipped) created.throttlePurged = await purgeReportThrottle(db, { now: () => now });
  return { skipped, created };
}
