import { escalationStepLabels, escalationSteps, type HazardTimeConfig } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { chinaToday } from '../../lib/clock.ts';
import { textArray } from '../../lib/sql-array.ts';
import { trySweepLock } from '../../lib/sweep-lock.ts';
import { enqueueOutboundSql, type OutboundKeys } from '../notifications/notification-jobs.ts';
import { loadSettingsBook, regionFilter } from '../settings/settings.resolver.ts';
import { hazardSql } from './hazard-predicates.sql.ts';

export interface SweepResult {
  skipped: boolean;
  created: { reminders: number; overdue: number; escalations: number; notifications: number };
}

/** One sweep at a time across processes: the others skip. */
const SWEEP_LOCK = 7_302_024;

const ladder = textArray(escalationSteps);

type Audience = 'enterprise' | 'unit' | 'office';

/** A region code's prefix in SQL (the same rule as core's regionPrefix); the report sweep uses it too. */
export const prefixOf = (code: SQL) => sql`substr(${code}, 1, CASE
  WHEN length(${code}) = 15 THEN 15 WHEN substr(${code}, 10, 3) <> '000' THEN 12 WHEN substr(${code}, 7, 3) <> '000' THEN 9
  WHEN substr(${code}, 5, 2) <> '00' THEN 6 WHEN substr(${code}, 3, 2) <> '00' THEN 4 ELSE 2 END)`;

function audienceSql(audience: Audience[]): SQL {
  const parts: SQL[] = [];
  if (audience.includes('enterprise')) parts.push(sql`u.enterprise_id = h.enterprise_id`);
  if (audience.includes('unit')) parts.push(sql`(u.unit_id = h.supervising_unit_id AND 'unit' = ANY(u.roles))`);
  if (audience.includes('office')) {
    parts.push(
      sql`('office' = ANY(u.roles) AND EXISTS (SELECT 1 FROM unnest(u.region_codes) rc WHERE h.region_code LIKE ${prefixOf(sql`rc`)} || '%'))`,
    );
  }
  return sql.join(parts, sql` OR `);
}

/** What a notice says: constants, or SQL over the `src` rows (per hazard, e.g. the rung it reached). */
interface NoticeText {
  kind: string | SQL;
  title: string | SQL;
  body: string | SQL;
  audience: Audience[];
}

const asSql = (v: string | SQL): SQL => (typeof v === 'string' ? sql`${v}` : v);

/**
 * Inserts the rows `insertSql` produces (returning hazard_id, deadline and a key part), then one notification per
 * recipient for the rows `pick` selects from them (by default all; columns hazard_id, deadline, part and whatever
 * the notice's SQL reads), and one outbound delivery per channel, all in one statement. Set-based, so a sweep over a
 * million hazards is a handful of statements, and the unique keys make a second run insert nothing.
 */
async function insertWithNotices(
  ex: Executor,
  insertSql: SQL,
  notice: NoticeText,
  now: Date,
  channels: OutboundKeys,
  pick: SQL = sql`SELECT * FROM ins`,
): Promise<{ rows: number; notifications: number }> {
  const kind = asSql(notice.kind);
  const result = (await ex.execute(sql`
    WITH ins AS (${insertSql}),
    src AS (${pick}),
    n AS (
      INSERT INTO notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key, created_at)
      SELECT DISTINCT ON (u.id, src.hazard_id) u.id, ${kind}, ${asSql(notice.title)},
        h.code || '「' || h.title || '」' || ${asSql(notice.body)}, '/hazards/' || h.id, 'hazard', h.id,
        ${kind} || ':' || h.id || ':' || src.deadline || ':' || src.part, ${now}::timestamptz
      FROM src JOIN hazards h ON h.id = src.hazard_id
      JOIN users u ON NOT u.disabled AND (${audienceSql(notice.audience)})
      ON CONFLICT (user_id, dedupe_key) DO NOTHING
      RETURNING id, dedupe_key
    ),
    -- E-mail goes to each recipient; a group robot gets one message per notice, however many recipients it has.
    d AS (${enqueueOutboundSql(sql`n`, channels, now)})
    SELECT (SELECT count(*) FROM ins)::int AS rows, (SELECT count(*) FROM n)::int AS notifications, (SELECT count(*) FROM d)::int AS d`)) as unknown as {
    rows: { rows: number; notifications: number }[];
  };
  const r = result.rows[0];
  return { rows: Number(r?.rows ?? 0), notifications: Number(r?.notifications ?? 0) };
}

/** A rung's Chinese name in SQL, from core's labels. */
const stepLabelSql = (step: SQL) =>
  sql`(CASE ${step} ${sql.join(
    escalationSteps.map((s) => sql`WHEN ${s} THEN ${escalationStepLabels[s]}`),
    sql` `,
  )} END)`;

/**
 * The ladder for one group of townships: every rung due and not yet recorded is recorded (each keeps its own row,
 * hence its document), but each hazard gets one notice naming the highest rung it reached in this run ("已逾期 40
 * 天，已达约谈"), listing the rungs recorded with it. A first run over an old backlog thus sends one notice per hazard,
 * not four in the same second; later runs, finding one new rung at a time, notify each.
 */
async function escalate(ex: Executor, now: Date, today: string, days: HazardTimeConfig['ladderDays'], where: SQL, channels: OutboundKeys) {
  const due = sql.join(
    escalationSteps.map(
      (step) => sql`SELECT id, ${step}::text AS step, deadline, deadline + ${days[step]}::int AS due_on FROM hazards
        WHERE ${hazardSql.isEscalationDue(today, days[step])} AND ${where}`,
    ),
    sql` UNION ALL `,
  );
  const rank = (step: SQL) => sql`array_position(${ladder}, ${step})`;
  const r = await insertWithNotices(
    ex,
    sql`INSERT INTO hazard_escalations (hazard_id, step, deadline, due_on, created_at)
      SELECT id, step, deadline, due_on, ${now}::timestamptz FROM (${due}) d
      ON CONFLICT DO NOTHING RETURNING hazard_id, deadline, step AS part`,
    {
      kind: sql`'hazard.escalation.' || src.part`,
      title: sql`'重大隐患逾期' || ${stepLabelSql(sql`src.part`)}`,
      body: sql`' 已逾期 ' || (${today}::date - src.deadline) || ' 天，已达' || ${stepLabelSql(sql`src.part`)}
        || CASE WHEN src.also <> '' THEN '（' || src.also || '一并记录）' ELSE '' END`,
      audience: ['enterprise', 'unit', 'office'],
    },
    now,
    channels,
    sql`SELECT DISTINCT ON (hazard_id) hazard_id, deadline, part,
        (SELECT coalesce(string_agg(${stepLabelSql(sql`o.part`)}, '、' ORDER BY ${rank(sql`o.part`)}), '') FROM ins o
          WHERE o.hazard_id = ins.hazard_id AND o.deadline = ins.deadline AND o.part <> ins.part) AS also
      FROM ins ORDER BY hazard_id, ${rank(sql`part`)} DESC`,
  );
  if (r.rows > 0) {
    // The hazard shows the highest rung reached on its current deadline.
    await ex.execute(sql`UPDATE hazards h SET escalation_step = top.step
      FROM (SELECT DISTINCT ON (hazard_id, deadline) hazard_id, deadline, step FROM hazard_escalations
        WHERE created_at = ${now}::timestamptz ORDER BY hazard_id, deadline, ${rank(sql`step`)} DESC) top
      WHERE top.hazard_id = h.id AND top.deadline = h.deadline
        AND coalesce(${rank(sql`h.escalation_step`)}, 0) < ${rank(sql`top.step`)}`);
  }
  return r;
}

/**
 * The time-driven hazard rules as of `now` (core's hazardDueAsOf, set-based): due-soon reminders, overdue marks, and
 * the 函告 → 通报 → 约谈 → 曝光 ladder for overdue major hazards. Idempotent: a second run creates nothing.
 * The days come from each township's hazardTime settings (settings store): the time-dependent statements run once per
 * group of townships sharing a value. A hazard that reaches a rung in this run is told that alone (the rung's notice
 * says how long it is overdue), not also that it is overdue.
 */
export async function runHazardSweep(db: Db, now: Date, opts: { channels?: OutboundKeys } = {}): Promise<SweepResult> {
  const channels = opts.channels ?? { perRecipient: [], perNotice: [] };
  const today = chinaToday(now);
  const created = { reminders: 0, overdue: 0, escalations: 0, notifications: 0 };
  const skipped = await db.transaction(async (tx) => {
    if (!(await trySweepLock(tx, SWEEP_LOCK))) return true;
    const groups = (await loadSettingsBook(tx)).groups('hazardTime');

    for (const { value: config, ...townships } of groups) {
      const reminders = await insertWithNotices(
        tx,
        sql`INSERT INTO hazard_alerts (hazard_id, kind, deadline, created_at)
        SELECT id, 'dueSoon', deadline, ${now}::timestamptz FROM hazards
        WHERE ${hazardSql.isDueSoon(today, config.dueSoonDays)}
          AND ${regionFilter(sql`region_code`, townships)}
        ON CONFLICT DO NOTHING RETURNING hazard_id, deadline, '' AS part`,
        { kind: 'hazard.dueSoon', title: '隐患整改即将到期', body: ' 整改期限将至，请按期完成', audience: ['enterprise'] },
        now,
        channels,
      );
      created.reminders += reminders.rows;
      created.notifications += reminders.notifications;
    }

    for (const { value: config, ...townships } of groups) {
      const r = await escalate(tx, now, today, config.ladderDays, regionFilter(sql`region_code`, townships), channels);
      created.escalations += r.rows;
      created.notifications += r.notifications;
    }

    const overdue = await insertWithNotices(
      tx,
      sql`INSERT INTO hazard_alerts (hazard_id, kind, deadline, created_at)
        SELECT id, 'overdue', deadline, ${now}::timestamptz FROM hazards
        WHERE ${hazardSql.isOverdue(today)}
        ON CONFLICT DO NOTHING RETURNING hazard_id, deadline, '' AS part`,
      { kind: 'hazard.overdue', title: '隐患整改已逾期', body: ' 已超过整改期限', audience: ['enterprise', 'unit'] },
      now,
      channels,
      sql`SELECT * FROM ins WHERE NOT EXISTS (SELECT 1 FROM hazard_escalations x
        WHERE x.hazard_id = ins.hazard_id AND x.deadline = ins.deadline AND x.created_at = ${now}::timestamptz)`,
    );
    created.overdue = overdue.rows;
    created.notifications += overdue.notifications;
    return false;
  });
  return { skipped, created };
}
