// dual.signals_*: the 形式主义 signals (issue 16, part E) over a year of check records — the demo township's ~200
// enterprises × 365 days × 2.5 records ≈ 180,000 records and one photo in four of them (≈ 45,000 photos, one in a
// thousand a reuse of an earlier picture) — on PostgreSQL. The sweep's step (every kind, settings groups, inserts) beside
// the same statements replayed raw through a pg pool. The photo comparison is not a self-join of every pair: photos are
// compared only when they share one of photoDistance + 1 bands of their 64-bit hash (pigeonhole; 5 bands of 12–13 bits
// at the default distance 4), or the same file sha256; the exact Hamming distance (bit_count of the XOR) decides.
import { type DualSignalKind, dualSettings } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { chinaToday, fixedClock } from '../src/lib/clock.ts';
import { runOversightSignals, type SignalRun, signalSql } from '../src/modules/dual/oversight-signals.ts';
import { type BenchContext, time } from './harness.ts';

const DAYS = 365;

export async function signalsYear(ctx: BenchContext) {
  if (ctx.kind !== 'postgres') return;
  const database = await ctx.fresh();
  const now = new Date();
  const clock = fixedClock(now);
  let pool: pg.Pool | undefined;
  try {
    await seedDemo(database, clock);
    const start = new Date(now.getTime() - DAYS * 86_400_000).toISOString();
    const [seedMs] = await time(async () => {
      await database.db.execute(sql`
        INSERT INTO check_records (client_id, kind, enterprise_id, region_code, checked_by, checked_at, received_at, item_count, abnormal_count)
        SELECT md5(e.id || ':' || d || ':' || k), 'task', e.id, e.region_code, u.ids[1 + (e.id + k) % cardinality(u.ids)],
          ${start}::timestamptz + d * interval '1 day' + ((e.id * 37 + k * 173) % 600) * interval '1 minute',
          ${start}::timestamptz + d * interval '1 day' + ((e.id * 37 + k * 173) % 600) * interval '1 minute' + interval '2 hours',
          3, CASE WHEN (e.id * 7 + d) % 23 = 0 THEN 1 ELSE 0 END
        FROM enterprises e CROSS JOIN generate_series(0, ${DAYS - 1}) d CROSS JOIN generate_series(1, 3) k
        CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM users) u
        WHERE NOT (k = 3 AND (e.id + d) % 2 = 0)`);
      await database.db.execute(sql`
        INSERT INTO files (key, mime, size, sha256, created_at)
        SELECT 'bench/dual/' || r.id, 'image/jpeg', 1000, md5(r.id::text) || md5(r.id::text || 's'), now()
        FROM check_records r WHERE r.id % 4 = 0`);
      await database.db.execute(sql`
        INSERT INTO check_photos (record_id, seq, enterprise_id, file_id, phash, taken_at)
        SELECT r.id, 1, r.enterprise_id, f.id,
          CASE WHEN r.id % 4000 = 0 THEN substr(md5((r.id - 4)::text), 1, 16) ELSE substr(md5(r.id::text), 1, 16) END, r.checked_at
        FROM check_records r JOIN files f ON f.key = 'bench/dual/' || r.id`);
      await database.db.execute(sql`ANALYZE check_records; ANALYZE check_photos; ANALYZE files`);
    });
    const [counts] = (
      (await database.db.execute(
        sql`SELECT (SELECT count(*)::int FROM check_records) AS records, (SELECT count(*)::int FROM check_photos) AS photos`,
      )) as unknown as { rows: Array<{ records: number; photos: number }> }
    ).rows;
    console.log(
      `  ${counts?.records.toLocaleString('en')} records, ${counts?.photos.toLocaleString('en')} photos seeded in ${(seedMs / 1000).toFixed(1)} s`,
    );

    // The sweep's step as the scheduler runs it (the seeding's own sweep already ran on the demo data: clear it first).
    await database.db.execute(sql`DELETE FROM dual_signals`);
    const [appMs, created] = await time(() => runOversightSignals(database.db, now));
    console.log(`  signals found: ${JSON.stringify(created)}`);
    ctx.record('dual.signals_year.seconds', Number((appMs / 1000).toFixed(2)), 's');

    // The same statements replayed raw (default thresholds: the demo has no township overrides).
    await database.db.execute(sql`DELETE FROM dual_signals`);
    pool = new pg.Pool({ connectionString: database.url, max: 1 });
    const run: SignalRun = { today: chinaToday(now), thresholds: dualSettings.defaults.signals, region: () => sql`true` };
    const dialect = (database.db as unknown as { dialect: { sqlToQuery(q: unknown): { sql: string; params: unknown[] } } }).dialect;
    let rawTotal = 0;
    for (const [kind, build] of Object.entries(signalSql) as Array<[DualSignalKind, (r: SignalRun) => ReturnType<typeof sql>]>) {
      const q = dialect.sqlToQuery(build(run));
      const [ms] = await time(() => (pool as pg.Pool).query(q.sql, q.params as unknown[]));
      rawTotal += ms;
      console.log(`  raw ${kind.padEnd(18)} ${(ms / 1000).toFixed(2)} s`);
      if (kind === 'photoReused') ctx.record('dual.signals_photos.seconds', Number((ms / 1000).toFixed(2)), 's');
    }
    ctx.record('dual.signals_year.raw_sql_seconds', Number((rawTotal / 1000).toFixed(2)), 's');
    ctx.record('dual.signals_year.ratio_vs_sql', Number((appMs / Math.max(rawTotal, 1)).toFixed(2)), '×');
  } finally {
    await pool?.end();
    await database.close();
  }
}
