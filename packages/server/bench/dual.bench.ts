// dual.*: 双重预防 (issue 16). dual.tasks_month: due-check generation (the sweep's one INSERT … SELECT) for 2,000
// enterprises × 50 measures = 100,000 daily, weekly and monthly tasks over a month (1.96 million due checks),
// beside the same work done by hand-written SQL with literal date_trunc units and steps (the baseline not handicapped:
// the same set-based statement shape, the same unique index, no settings lookup).
import { sql } from 'drizzle-orm';
import { generateDueChecks } from '../src/modules/dual/check-generate.ts';
import { type BenchContext, time } from './harness.ts';

const ENTERPRISES = 2_000;
const MEASURES = 50;
const TOWN = '339901100000';
const VILLAGE = '339901100201';

async function seed(db: Awaited<ReturnType<BenchContext['fresh']>>, startsOn: string) {
  await db.db.execute(sql`
    INSERT INTO regions (code, name, level, parent_code) VALUES
      ('339901000000', '示例县', 'county', NULL), (${TOWN}, '示例镇', 'township', '339901000000'), (${VILLAGE}, '东村', 'village', ${TOWN})`);
  await db.db.execute(sql`
    INSERT INTO enterprises (name, name_key, region_code, public_code)
    SELECT '基准企业' || g, '基准企业' || g, ${VILLAGE}, 'BENCHDUAL' || g FROM generate_series(1, ${ENTERPRISES}) g`);
  // 50 measures' tasks per enterprise: 60% daily, 30% weekly, 10% monthly.
  await db.db.execute(sql`
    INSERT INTO check_tasks (enterprise_id, title, cycle, owner_name, items, starts_on)
    SELECT e.id, '管控措施检查 ' || m,
      CASE WHEN m % 10 < 6 THEN 'day' WHEN m % 10 < 9 THEN 'week' ELSE 'month' END,
      '班组长', '["设备防护装置完好有效"]'::jsonb, ${startsOn}::date
    FROM enterprises e CROSS JOIN generate_series(1, ${MEASURES}) m`);
}

/** The same generation written by hand: literal cycles, no settings (every cycle here has one slot). */
const baseline = (today: string) => sql`
  INSERT INTO check_task_periods (task_id, enterprise_id, cycle, period_start, period_end, slot)
  SELECT t.id, t.enterprise_id, t.cycle, g::date,
    (g + CASE t.cycle WHEN 'day' THEN interval '1 day' WHEN 'week' THEN interval '7 days' ELSE interval '1 month' END - interval '1 day')::date, 1
  FROM check_tasks t
  CROSS JOIN LATERAL generate_series(
    coalesce((SELECT max(p.period_start) FROM check_task_periods p WHERE p.task_id = t.id)::timestamp,
      date_trunc(CASE t.cycle WHEN 'day' THEN 'day' WHEN 'week' THEN 'week' ELSE 'month' END, t.starts_on::timestamp)),
    ${today}::date::timestamp,
    CASE t.cycle WHEN 'day' THEN interval '1 day' WHEN 'week' THEN interval '7 days' ELSE interval '1 month' END) g
  WHERE t.active AND t.starts_on <= ${today}::date
  ON CONFLICT (task_id, period_start, slot) DO NOTHING`;

export async function tasksMonth(ctx: BenchContext) {
  if (ctx.kind !== 'postgres') {
    console.log('  dual.tasks_month: PostgreSQL only (1.96 million rows)');
    return;
  }
  const startsOn = '2026-06-01';
  const now = new Date('2026-06-30T04:00:00Z');
  for (const which of ['app', 'sql'] as const) {
    const db = await ctx.fresh();
    try {
      await seed(db, startsOn);
      const [ms, n] = await time(async () =>
        which === 'app'
          ? generateDueChecks(db.db, now)
          : ((await db.db.execute(baseline('2026-06-30'))) as unknown as { rowCount: number }).rowCount,
      );
      const [again] = await time(() => generateDueChecks(db.db, now));
      console.log(
        `  dual.tasks_month (${which}): ${n} due checks in ${(ms / 1000).toFixed(2)} s; a second run ${(again / 1000).toFixed(2)} s`,
      );
      ctx.record(which === 'app' ? 'dual.tasks_month.seconds' : 'dual.tasks_month_sql.seconds', Number((ms / 1000).toFixed(3)), 's');
    } finally {
      await db.close();
    }
  }
}
