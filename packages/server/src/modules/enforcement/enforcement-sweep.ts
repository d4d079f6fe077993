import { type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { chinaToday } from '../../lib/clock.ts';
import { trySweepLock } from '../../lib/sweep-lock.ts';
import { enqueueOutboundSql, type OutboundKeys } from '../notifications/notification-jobs.ts';
import { enforcementOrders } from './enforcement.table.ts';
import { recheckStateSql } from './enforcement-triad.repo.ts';

export interface EnforcementSweepResult {
  skipped: boolean;
  created: { recheckReminders: number; recheckOverdue: number; notifications: number };
}

/** One enforcement sweep at a time across processes (the hazard and plan sweeps hold other keys). */
const ENFORCEMENT_SWEEP_LOCK = 7_302_026;

type Kind = 'recheckDue' | 'recheckOverdue';

const notices: Record<Kind, { title: string; body: SQL; state: 'due' | 'overdue' }> = {
  recheckDue: {
    title: '整改复查到期提醒',
    body: sql`'整改期限已到（' || to_char(o.deadline, 'YYYY-MM-DD') || '），请于 ' || to_char(o.recheck_due_on, 'YYYY-MM-DD') || ' 前完成复查'`,
    state: 'due',
  },
  recheckOverdue: {
    title: '整改复查逾期',
    body: sql`'复查应于 ' || to_char(o.recheck_due_on, 'YYYY-MM-DD') || ' 前完成，现已逾期，请尽快复查并出具整改复查意见书'`,
    state: 'overdue',
  },
};

/**
 * Marks the orders in a state as of `today` (core recheckState, via recheckStateSql) once per order and kind, and
 * tells the issuing unit: the linked accounts of the check's inspectors and the unit's own accounts. Set-based.
 */
async function alertAndNotify(ex: Executor, kind: Kind, today: string, now: Date, channels: OutboundKeys) {
  const n = notices[kind];
  const result = (await ex.execute(sql`
    WITH due AS (
      SELECT ${enforcementOrders.id} AS order_id, ${enforcementOrders.recheckDueOn} AS due_on FROM ${enforcementOrders}
      WHERE ${recheckStateSql(n.state, today)}
    ),
    ins AS (
      INSERT INTO enforcement_order_alerts (order_id, kind, due_on, created_at)
      SELECT order_id, ${kind}, due_on, ${now}::timestamptz FROM due
      ON CONFLICT DO NOTHING
      RETURNING order_id
    ),
    recipients AS (
      SELECT DISTINCT o.id AS order_id, u.id AS user_id
      FROM ins JOIN enforcement_orders o ON o.id = ins.order_id
      JOIN enforcement_checks c ON c.id = o.check_id
      JOIN users u ON NOT u.disabled AND (
        u.id IN (SELECT i.user_id FROM enforcement_inspectors i WHERE i.id = ANY(c.inspector_ids) AND i.active AND i.user_id IS NOT NULL)
        OR (u.unit_id = o.unit_id AND 'unit' = ANY(u.roles)))
    ),
    n AS (
      INSERT INTO notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key, created_at)
      SELECT r.user_id, ${`enforcement.${kind}`}, ${n.title}, e.name || '：' || ${n.body},
        '/enforcement/orders/' || o.id, 'enforcementOrder', o.id, ${kind} || ':' || o.id, ${now}::timestamptz
      FROM recipients r JOIN enforcement_orders o ON o.id = r.order_id JOIN enterprises e ON e.id = o.enterprise_id
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
 * The 复查 rules as of `now` (regulations.md §9.3): a reminder once the deadline has come (the 复查 window opens), an
 * overdue mark once the 复查 due day has passed without one — each once per order (enforcement_order_alerts), so the
 * sweep is idempotent.
 */
export async function runEnforcementSweep(db: Db, now: Date, opts: { channels?: OutboundKeys } = {}): Promise<EnforcementSweepResult> {
  const channels = opts.channels ?? { perRecipient: [], perNotice: [] };
  const today = chinaToday(now);
  const created = { recheckReminders: 0, recheckOverdue: 0, notifications: 0 };
  const skipped = await db.transaction(async (tx) => {
    if (!(await trySweepLock(tx, ENFORCEMENT_SWEEP_LOCK))) return true;
    const reminders = await alertAndNotify(tx, 'recheckDue', today, now, channels);
    const overdue = await alertAndNotify(tx, 'recheckOverdue', today, now, channels);
    created.recheckReminders = reminders.rows;
    created.recheckOverdue = overdue.rows;
    created.notifications = reminders.notifications + overdue.notifications;
    return false;
  });
  return { skipped, created };
}
