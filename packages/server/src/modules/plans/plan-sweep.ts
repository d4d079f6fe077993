import { periodOf, planTrackingSettings, shiftPeriod } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { chinaToday } from '../../lib/clock.ts';
import { trySweepLock } from '../../lib/sweep-lock.ts';
import { enqueueOutboundSql, type OutboundKeys } from '../notifications/notification-jobs.ts';
import { loadSettingsBook } from '../settings/settings.resolver.ts';
import { planSql } from './plan-predicates.sql.ts';

export interface PlanSweepResult {
  skipped: boolean;
  created: { dispatchReminders: number; dispatchOverdue: number; notifications: number };
}

/** One plan sweep at a time across processes (the hazard sweep holds another key). */
const PLAN_SWEEP_LOCK = 7_302_025;

type Kind = 'dispatchReminder' | 'dispatchOverdue';

/** The report day and reminder days of the townships that changed them (settings store), and everyone else's. */
interface DispatchDays {
  fallback: { reportDay: number; reminderDays: number };
  townships: Array<{ region_code: string; report_day: number; remind_days: number }>;
}

async function dispatchDays(ex: Executor): Promise<DispatchDays> {
  const [fallback, ...changed] = (await loadSettingsBook(ex)).groups('planTracking');
  return {
    fallback: fallback?.value ?? planTrackingSettings.defaults,
    townships: changed.flatMap((g) =>
      (g.townships ?? []).map((code) => ({ region_code: code, report_day: g.value.reportDay, remind_days: g.value.reminderDays })),
    ),
  };
}

/**
 * Who owes a report: per published plan, period (this month and last) and member unit (villages file no dispatch,
 * ADR 0014), the open tasks without a report that counts (core countsAsReport) for that period. A task already reported done in an earlier month is not
 * open. The days come from the plan's own settings, else its township's (settings store), else the defaults; the
 * sets and windows are core's dispatch predicates (plan-predicates.sql.ts).
 */
function owingSql(kind: Kind, today: string, periods: string[], days: DispatchDays): SQL {
  const rows = sql.join(
    periods.map((p) => sql`(${p}::text, ${`${p}-01`}::date)`),
    sql`, `,
  );
  const window =
    kind === 'dispatchReminder'
      ? planSql.isDispatchReminderDue(today, sql`d.due_on`, sql`d.remind_days`)
      : planSql.isDispatchOverdue(today, sql`d.due_on`);
  const task = planSql.isTrackedNode(sql`t.kind`);
  return sql`
    pr(period, first_day) AS (VALUES ${rows}),
    ts AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(days.townships)}::jsonb) AS x(region_code text, report_day int, remind_days int)
    ),
    due AS (
      SELECT p.id AS plan_id, pr.period,
        pr.first_day + (${planSql.reportDay(sql`p.settings`, sql`coalesce(ts.report_day, ${days.fallback.reportDay}::int)`)} - 1) AS due_on,
        ${planSql.reminderDays(sql`p.settings`, sql`coalesce(ts.remind_days, ${days.fallback.reminderDays}::int)`)} AS remind_days, p.published_at
      FROM plans p CROSS JOIN pr LEFT JOIN ts ON ts.region_code = p.region_code
      WHERE ${planSql.isTrackedPlan(sql`p.status`)} AND ${planSql.coversPeriod(sql`p.period_end`, sql`pr.first_day`)}
    ),
    assigned AS (
      -- Member units only: villages do not file the monthly dispatch (ADR 0014), so they are neither reminded nor overdue.
      SELECT t.plan_id, t.id AS task_id, 'unit:' || u AS key, u AS unit_id, NULL::text AS village_code
        FROM plan_tasks t CROSS JOIN LATERAL unnest(t.lead_unit_ids || t.co_unit_ids) u
        WHERE ${task} AND t.removed_at IS NULL AND ${planSql.isOpenTask(sql`t.completed_on`)}
    ),
    owing AS (
      SELECT d.plan_id, d.period, d.due_on, a.key, a.unit_id, a.village_code, count(DISTINCT a.task_id)::int AS open_tasks
      FROM due d JOIN assigned a ON a.plan_id = d.plan_id
      WHERE ${window}
        -- A plan published after a report day owes nothing for that month (China time, UTC+8).
        AND ${planSql.isPublishedBy(sql`d.published_at`, sql`d.due_on`)}
        AND NOT EXISTS (SELECT 1 FROM plan_reports x WHERE x.task_id = a.task_id AND x.assignee_key = a.key AND x.period = d.period
          AND ${planSql.countsAsReport(sql`x.filing`)})
        AND NOT EXISTS (SELECT 1 FROM plan_reports x WHERE x.task_id = a.task_id AND x.assignee_key = a.key
          AND x.period < d.period AND ${planSql.isFinishingReport(sql`x.status`)} AND ${planSql.countsAsReport(sql`x.filing`)})
      GROUP BY d.plan_id, d.period, d.due_on, a.key, a.unit_id, a.village_code
    )`;
}

const notices: Record<Kind, { title: string; body: SQL }> = {
  dispatchReminder: {
    title: '月调度即将截止',
    body: sql`'调度将于 ' || to_char(ins.due_on, 'YYYY-MM-DD') || ' 截止，尚有 ' || ins.open_tasks || ' 项任务未报送进展'`,
  },
  dispatchOverdue: {
    title: '月调度逾期未报',
    body: sql`'调度已于 ' || to_char(ins.due_on, 'YYYY-MM-DD') || ' 截止，' || ins.open_tasks || ' 项任务逾期未报送，将计入五色图排名'`,
  },
};

/** Inserts the alerts (unique per plan, kind, assignee and period), a notice per person to act, and outbound copies. */
async function alertAndNotify(
  ex: Executor,
  kind: Kind,
  today: string,
  periods: string[],
  days: DispatchDays,
  now: Date,
  channels: OutboundKeys,
) {
  const n = notices[kind];
  const result = (await ex.execute(sql`
    WITH ${owingSql(kind, today, periods, days)},
    ins AS (
      INSERT INTO plan_alerts (plan_id, kind, assignee_key, unit_id, village_code, period, due_on, open_tasks, created_at)
      SELECT plan_id, ${kind}, key, unit_id, village_code, period, due_on, open_tasks, ${now}::timestamptz FROM owing
      ON CONFLICT DO NOTHING
      RETURNING plan_id, assignee_key, unit_id, village_code, period, due_on, open_tasks
    ),
    n AS (
      INSERT INTO notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key, created_at)
      SELECT DISTINCT ON (u.id, ins.plan_id, ins.assignee_key, ins.period) u.id, ${`plan.${kind}`}, ${n.title},
        '《' || p.title || '》' || left(ins.period, 4) || '年' || ltrim(right(ins.period, 2), '0') || '月' || ${n.body},
        '/plan-dispatch?period=' || ins.period, 'plan', ins.plan_id,
        ${kind} || ':' || ins.plan_id || ':' || ins.assignee_key || ':' || ins.period, ${now}::timestamptz
      FROM ins JOIN plans p ON p.id = ins.plan_id
      JOIN users u ON NOT u.disabled AND (
        (ins.unit_id IS NOT NULL AND u.unit_id = ins.unit_id AND 'unit' = ANY(u.roles))
        OR (ins.village_code IS NOT NULL AND 'village' = ANY(u.roles) AND ins.village_code = ANY(u.region_codes)))
      ON CONFLICT (user_id, dedupe_key) DO NOTHING
      RETURNING id, dedupe_key
    ),
    d AS (${enqueueOutboundSql(sql`n`, channels, now)})
    SELECT (SELECT count(*) FROM ins)::int AS rows, (SELECT count(*) FROM n)::int AS notifications, (SELECT count(*) FROM d)::int AS d`)) as unknown as {
    rows: { rows: number; notifications: number }[];
  };
  const r = result.rows[0];
  return { rows: Number(r?.rows ?? 0), notifications: Number(r?.notifications ?? 0) };
}

/**
 * The monthly dispatch rules as of `now` (core's dispatchDueAsOf, set-based over every plan): reminders to assignees
 * who have not reported inside the reminder window, overdue marks once the report day has passed. Idempotent.
 */
export async function runPlanSweep(db: Db, now: Date, opts: { channels?: OutboundKeys } = {}): Promise<PlanSweepResult> {
  const channels = opts.channels ?? { perRecipient: [], perNotice: [] };
  const today = chinaToday(now);
  const current = periodOf(today);
  const created = { dispatchReminders: 0, dispatchOverdue: 0, notifications: 0 };
  const skipped = await db.transaction(async (tx) => {
    if (!(await trySweepLock(tx, PLAN_SWEEP_LOCK))) return true;
    const days = await dispatchDays(tx);
    const reminders = await alertAndNotify(tx, 'dispatchReminder', today, [current], days, now, channels);
    const overdue = await alertAndNotify(tx, 'dispatchOverdue', today, [shiftPeriod(current, -1), current], days, now, channels);
    created.dispatchReminders = reminders.rows;
    created.dispatchOverdue = overdue.rows;
    created.notifications = reminders.notifications + overdue.notifications;
    return false;
  });
  return { skipped, created };
}
