import { type CheckCycle, checkCycleSpans, checkCycles } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { chinaToday } from '../../lib/clock.ts';
import { loadSettingsBook, regionFilter, type SettingsBook } from '../settings/settings.resolver.ts';

/** Core's cycles as SQL rows (cycle, date_trunc unit, step): the only place SQL learns how a cycle steps. */
function cycleTable(): SQL {
  const rows = checkCycles.map((c: CheckCycle) => {
    const s = checkCycleSpans[c];
    return sql`(${c}::text, ${s.trunc}::text, ${s.step}::interval, ${c === 'shift'}::boolean)`;
  });
  return sql`(VALUES ${sql.join(rows, sql`, `)}) AS c(cycle, unit, step, per_shift)`;
}

/** Each township's `shiftsPerDay` for the enterprise's region, one CASE over the settings groups. */
function shiftsSql(book: SettingsBook, regionColumn: SQL): SQL {
  const groups = book.groups('dual');
  const named = groups.filter((g) => g.townships !== null);
  const rest = groups.find((g) => g.townships === null);
  const fallback = rest?.value.shiftsPerDay ?? book.forRegion('').dual.shiftsPerDay;
  if (!named.length) return sql`${fallback}::int`;
  return sql`(CASE ${sql.join(
    named.map((g) => sql`WHEN ${regionFilter(regionColumn, g)} THEN ${g.value.shiftsPerDay}::int`),
    sql` `,
  )} ELSE ${fallback}::int END)`;
}

/**
 * The due checks of every active task up to `today`, in ONE set-based statement: for each task, every period from
 * the one containing its start (or from its last generated period on) to the one containing today, stepping by
 * core's `checkCycleSpans`, each 每班 day in the township's `shiftsPerDay` slots. The unique (task, period, slot)
 * index makes a second run a no-op; a sweep that did not run for days fills every gap.
 */
export function generateDueChecksSql(today: string, shifts: SQL, taskFilter: SQL = sql`true`): SQL {
  return sql`
    WITH ins AS (
      INSERT INTO check_task_periods (task_id, enterprise_id, cycle, period_start, period_end, slot)
      SELECT t.id, t.enterprise_id, t.cycle, g.start::date, (g.start + c.step - interval '1 day')::date, s.slot
      FROM check_tasks t
      JOIN ${cycleTable()} ON c.cycle = t.cycle
      JOIN enterprises e ON e.id = t.enterprise_id
      CROSS JOIN LATERAL (
        SELECT coalesce(max(p.period_start)::timestamp, date_trunc(c.unit, t.starts_on::timestamp)) AS first
        FROM check_task_periods p WHERE p.task_id = t.id
      ) f
      CROSS JOIN LATERAL generate_series(f.first, ${today}::date::timestamp, c.step) AS g(start)
      CROSS JOIN LATERAL generate_series(1, CASE WHEN c.per_shift THEN ${shifts} ELSE 1 END) AS s(slot)
      WHERE t.active AND t.starts_on <= ${today}::date AND ${taskFilter}
      ON CONFLICT (task_id, period_start, slot) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ins`;
}

/** Runs the generation as of `now` (China date); returns how many due checks it added. */
export async function generateDueChecks(ex: Executor, now: Date, opts: { taskFilter?: SQL } = {}): Promise<number> {
  const book = await loadSettingsBook(ex);
  const query = generateDueChecksSql(chinaToday(now), shiftsSql(book, sql`e.region_code`), opts.taskFilter);
  const result = (await ex.execute(query)) as unknown as { rows: Array<{ n: number }> };
  return Number(result.rows[0]?.n ?? 0);
}
