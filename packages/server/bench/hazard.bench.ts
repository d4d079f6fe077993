import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Database, runMigrations } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { systemClock } from '../src/lib/clock.ts';
import { runHazardSweep } from '../src/modules/hazards/hazard-sweep.ts';
import { hundredThousand } from './enterprise.bench.ts';
import { type BenchContext, datasetHash, fromTemplate, percentile, time } from './harness.ts';

const HAZARDS = 1_000_000;
const config = loadConfig({ LOG_LEVEL: 'silent', ANZHI_LOGIN_RATE_PER_MINUTE: '100000', ANZHI_DATA_DIR: '/tmp/anzhi-bench-unused' });

/**
 * What hazards are about, for titles and descriptions a text search can tell apart: each two-character word of the
 * search bench (消防, 配电, 粉尘, 叉车) sits in one to three of these titles, as in a real ledger.
 */
const benchTitles = [
  '消防通道堵塞',
  '灭火器压力不足',
  '配电箱未接地',
  '电气线路私拉乱接',
  '粉尘清扫不及时',
  '安全出口上锁',
  '应急照明损坏',
  '有限空间作业未审批',
  '危险化学品储存混放',
  '特种作业人员无证上岗',
  '叉车未定期检验',
  '安全警示标志缺失',
  '平台防护栏杆缺失',
  '室内消火栓被遮挡',
  '配电房未设挡鼠板',
  '除尘器未设泄爆装置',
  '员工未佩戴劳动防护用品',
  '气瓶未固定',
  '燃气管道老化',
  '疏散指示标志损坏',
  '砂轮机防护罩缺失',
  '冲床光电保护失效',
  '仓库物品堆放超高',
  '消防设施未定期维保',
];
const benchPlaces = [
  '一号车间',
  '二号车间',
  '成品仓库',
  '原料仓库',
  '食堂',
  '宿舍楼',
  '办公楼',
  '锅炉房',
  '危化品库',
  '涂装车间',
  '喷漆房',
  '空压机房',
  '厂区道路',
];
const sqlTexts = (list: string[]) => sql.raw(`ARRAY[${list.map((t) => `'${t}'`).join(', ')}]`);

/** A million hazards over three years for the 100,000 enterprises: 90 % closed, the rest in every open state. */
export async function millionHazards(database: Database, count = HAZARDS) {
  const [{ office, maxId, base }] = await database.rows<{ office: number; maxId: number; base: number }>(
    sql`SELECT (SELECT id FROM users WHERE username = 'anweiban') AS office, (SELECT max(id) FROM enterprises) AS "maxId",
      (SELECT coalesce(max(id), 0) FROM hazards) AS base`,
  );
  await database.rows(sql`
    INSERT INTO hazards (id, code, enterprise_id, region_code, industry_code, domains, supervising_unit_id, channel, grade,
      category, status, title, description, found_on, found_by, deadline, closed_on, created_at, updated_at)
    SELECT ${Number(base)} + g, 'YH-B-' || g, e.id, e.region_code, e.industry_code, e.domains, e.supervising_unit_id,
      (ARRAY['selfCheck','selfCheck','inspection','inspection','enforcement','expert','publicReport','iot'])[1 + g % 8],
      CASE WHEN (g / 100) % 20 = 0 THEN 'major' ELSE 'general' END,
      (ARRAY['thing','behaviour','management','environment'])[1 + g % 4],
      s.status, (${sqlTexts(benchTitles)})[1 + g % ${benchTitles.length}],
      '现场检查发现' || (${sqlTexts(benchPlaces)})[1 + g % ${benchPlaces.length}]
        || (${sqlTexts(benchTitles)})[1 + (g / 7) % ${benchTitles.length}] || '，责令限期整改（' || g || '）',
      s.found_on, ${office},
      s.found_on + (15 + g % 60), CASE WHEN s.status IN ('closed', 'dismissed') THEN s.found_on + g % 40 END,
      now(), now()
    FROM generate_series(1, ${count}) g
    JOIN enterprises e ON e.id = 1 + g % ${Number(maxId)}
    CROSS JOIN LATERAL (SELECT
      CASE WHEN g % 100 < 90 THEN 'closed' WHEN g % 100 < 92 THEN 'dismissed' WHEN g % 100 < 97 THEN 'rectifying'
           WHEN g % 100 < 98 THEN 'rectified' WHEN g % 100 < 99 THEN 'found' ELSE 'confirmed' END AS status,
      -- Registered roughly as found: the date grows with the id, a few days back-dated now and then.
      date '2024-01-01' + greatest(0, (g::bigint * 1065 / ${count})::int - g % 4) AS found_on) s`);
  await database.rows(sql`SELECT setval(pg_get_serial_sequence('hazards', 'id'), ${Number(base) + count})`);
  await database.rows(sql`VACUUM ANALYZE hazards`);
}

/** One statement as the server's pool received it: node-postgres query config (text, row mode, type parsers) and values. */
interface Statement {
  config: unknown;
  values: unknown;
}

/**
 * Captures the statements one API request sends, in round trips: a statement sent while another is in flight belongs to
 * the same round trip (the service runs them in parallel), one sent when nothing is in flight starts the next. Every
 * pool query of the process is recorded while `run` runs, so the session lookup of the auth hook is included.
 */
async function captureRoundTrips(run: () => Promise<unknown>): Promise<Statement[][]> {
  const proto = pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen: (Statement & { start: number; end: number })[] = [];
  proto.query = function (this: unknown, config: unknown, values: unknown, ...rest: unknown[]) {
    const entry = { config, values, start: performance.now(), end: Number.POSITIVE_INFINITY };
    seen.push(entry);
    const result = original.call(this, config, values, ...rest) as Promise<unknown> | undefined;
    const done = () => {
      entry.end = performance.now();
    };
    if (result && typeof result.then === 'function') result.then(done, done);
    else done();
    return result;
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  const trips: Statement[][] = [];
  let inFlightUntil = Number.NEGATIVE_INFINITY;
  for (const s of seen) {
    if (s.start >= inFlightUntil || !trips.length) trips.push([]);
    trips[trips.length - 1]?.push({ config: s.config, values: s.values });
    inFlightUntil = Math.max(inFlightUntil, s.end);
  }
  return trips;
}

/** The same statements straight through node-postgres, on a pool like the server's: round trip after round trip. */
const replay = (pool: pg.Pool, trips: Statement[][]) => async () => {
  for (const trip of trips) await Promise.all(trip.map((s) => pool.query(s.config as pg.QueryConfig, s.values as unknown[])));
};

async function measure(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push((await time(fn))[0]);
  return samples;
}

const statementText = (s: Statement) => (typeof s.config === 'string' ? s.config : (s.config as { text: string }).text);
const ratio = (a: number, b: number) => Number((a / b).toFixed(2));

/** The middle value; with an even count the mean of the two middle ones (not the lower, which would flatter). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return Number((s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2).toFixed(2));
}

export interface Case {
  label: string;
  path: string;
}

/**
 * API against its own SQL, case by case: the request through the app (auth hook, validation, service, presenter,
 * serialisation) and the statements it sent, replayed the same way on a pg.Pool of the server's size (10), the session
 * lookup included on both sides. Samples alternate between the two so that load from elsewhere hits both alike.
 */
export async function compare(
  ctx: BenchContext,
  prefix: string,
  cases: Case[],
  rounds: number,
  call: (path: string) => Promise<{ statusCode: number; body: string }>,
  pool: pg.Pool,
) {
  const perCase: { c: Case; trips: Statement[][]; api: number[]; sql: number[] }[] = [];
  for (const c of cases) {
    for (let i = 0; i < 2; i++) {
      const res = await call(c.path);
      if (res.statusCode !== 200) throw new Error(`${c.path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    perCase.push({ c, trips: await captureRoundTrips(() => call(c.path)), api: [], sql: [] });
  }
  for (let i = 0; i < rounds; i++) {
    for (const p of perCase) {
      p.api.push((await time(() => call(p.c.path)))[0]);
      p.sql.push((await time(replay(pool, p.trips)))[0]);
    }
  }
  console.log(`  ${prefix}: API p50 p95 | the same SQL p50 p95 (ms) | ratios | round trips (statements in each)`);
  const rows = perCase.map((p) => {
    const [a50, a95, s50, s95] = [percentile(p.api, 50), percentile(p.api, 95), percentile(p.sql, 50), percentile(p.sql, 95)];
    const shape = p.trips.map((t) => t.length).join('+');
    console.log(
      `  ${a50.toFixed(1).padStart(7)} ${a95.toFixed(1).padStart(7)} | ${s50.toFixed(1).padStart(7)} ${s95.toFixed(1).padStart(7)} | ` +
        `${ratio(a50, s50).toFixed(2)}× ${ratio(a95, s95).toFixed(2)}× | ${shape.padEnd(6)} ${p.c.label}: ${p.c.path}`,
    );
    if (process.env.BENCH_VERBOSE)
      for (const t of p.trips) console.log(`      [${t.map((x) => statementText(x).slice(0, 90)).join(' ‖ ')}]`);
    return { label: p.c.label, p50: ratio(a50, s50), p95: ratio(a95, s95) };
  });
  for (const r of rows) ctx.record(`${prefix}.${r.label}.p50_ratio_vs_sql`, r.p50, 'x');
  const api = perCase.flatMap((p) => p.api);
  const direct = perCase.flatMap((p) => p.sql);
  ctx.record(`${prefix}.p50_ms`, percentile(api, 50), 'ms');
  ctx.record(`${prefix}.p95_ms`, percentile(api, 95), 'ms');
  ctx.record(`${prefix}.sql_p50_ms`, percentile(direct, 50), 'ms');
  ctx.record(`${prefix}.sql_p95_ms`, percentile(direct, 95), 'ms');
  // The typical case: the median over cases of each case's own ratio (a pooled p50 would pick whichever case sits in
  // the middle of the mix); the worst case beside it.
  ctx.record(`${prefix}.p50_ratio_vs_sql`, median(rows.map((r) => r.p50)), 'x');
  ctx.record(`${prefix}.p95_ratio_vs_sql`, median(rows.map((r) => r.p95)), 'x');
  ctx.record(`${prefix}.worst_case_p50_ratio_vs_sql`, Math.max(...rows.map((r) => r.p50)), 'x');
  ctx.record(`${prefix}.pooled_p50_ratio_vs_sql`, ratio(percentile(api, 50), percentile(direct, 50)), 'x');
  ctx.record(`${prefix}.max_round_trips`, Math.max(...perCase.map((p) => p.trips.length)), 'n');
}

/** Bump when the generated data changes in a way the function sources below do not show. 2: titles to search. */
const GENERATOR_VERSION = '2';

/** The demo township, 100,000 enterprises and 1,000,000 hazards: built once, then copied from a template database. */
export async function millionDataset(url: string, count = HAZARDS) {
  const demo = path.resolve(import.meta.dirname, '../src/demo');
  const demoSources = fs
    .readdirSync(demo, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(demo, f)).isFile())
    .sort()
    .map((f) => f + fs.readFileSync(path.join(demo, f), 'utf8'));
  const hash = datasetHash(GENERATOR_VERSION, String(count), hundredThousand.toString(), millionHazards.toString(), ...demoSources);
  return fromTemplate(url, count === HAZARDS ? '1m' : `h${count}`, hash, async (database) => {
    await seedDemo(database, systemClock);
    await hundredThousand(database);
    const started = performance.now();
    await millionHazards(database, count);
    console.log(`  ${count.toLocaleString('en')} hazards generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
}

const qs = (q: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString();

/** The app over a bench dataset (migrated to now), signed in as the demo office (anweiban, the township). */
export async function benchApp(database: Database) {
  await runMigrations(database);
  const app = await buildApp({ config, database, clock: systemClock, logger: false });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'anweiban', password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login failed ${login.body}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
  return { app, call: (path: string) => app.inject({ method: 'GET', url: path, headers: { cookie } }) };
}

/** Ledger and statistics on 1,000,000 hazards (PostgreSQL): API vs the same SQL; keyset page 5,000; the sweep. */
export async function ledger(ctx: BenchContext) {
  if (ctx.kind !== 'postgres') {
    console.log('  hazard.*: PostgreSQL only (a million rows); set DATABASE_URL');
    return;
  }
  const [copyMs, database] = await time(() => millionDataset(process.env.DATABASE_URL as string));
  console.log(`  dataset ${database.built ? 'built and ' : ''}copied from its template in ${(copyMs / 1000).toFixed(1)} s`);
  const { app, call } = await benchApp(database);
  const village = '339901100202';
  const [{ unit, ent }] = await database.rows<{ unit: number; ent: number }>(
    sql`SELECT (SELECT id FROM units ORDER BY id LIMIT 1) AS unit, (SELECT max(id) - 5 FROM enterprises) AS ent`,
  );
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });

  const ledgerCases: Record<string, Record<string, string | number | boolean>> = {
    // The slow path: no filter at all, the newest 20 of a million and the total from the cube.
    unfiltered: {},
    open: { open: true },
    open_major: { open: true, grade: 'major' },
    overdue: { overdue: true },
    village_open: { regionCode: village, open: true },
    rectified: { status: 'rectified' },
    public_reports_since: { channel: 'publicReport', foundFrom: '2026-09-01' },
    enterprise: { enterpriseId: ent },
    unit_open: { supervisingUnitId: unit, open: true },
    major_since: { grade: 'major', foundFrom: '2026-06-01' },
    village_since: { regionCode: village, foundFrom: '2026-10-01' },
  };
  await compare(
    ctx,
    'hazard.ledger',
    Object.entries(ledgerCases).map(([label, q]) => ({ label, path: `/api/v1/hazards?${qs(q)}` })),
    20,
    call,
    pool,
  );

  const statsCases: Record<string, Record<string, string | number | boolean>> = {
    by_region: { groupBy: 'region' },
    by_industry: { groupBy: 'industry' },
    by_channel: { groupBy: 'channel' },
    by_status: { groupBy: 'status' },
    by_grade: { groupBy: 'grade' },
    by_unit_open: { groupBy: 'unit', open: true },
    // Filters the statistics cube cannot answer (cubeAnswers): counted in the hazards table.
    by_region_found_since: { groupBy: 'region', foundFrom: '2026-06-01' },
    by_grade_overdue: { groupBy: 'grade', overdue: true },
  };
  await compare(
    ctx,
    'hazard.stats',
    Object.entries(statsCases).map(([label, q]) => ({ label, path: `/api/v1/hazards/stats?${qs(q)}` })),
    20,
    call,
    pool,
  );
  await pool.end();

  // Keyset: page 5,000 (rows 99,981–100,000 of the open-or-not ledger of one village) costs what page 1 costs.
  const [row] = await database.rows<{ found_on: string; id: number }>(
    sql`SELECT found_on::text, id FROM hazards WHERE region_code = ${village} ORDER BY found_on DESC, id DESC OFFSET 99979 LIMIT 1`,
  );
  const cursor = Buffer.from(`${row?.found_on}|${row?.id}`).toString('base64url');
  const first = await measure(20, () => call(`/api/v1/hazards?regionCode=${village}`));
  const deep = await measure(20, () => call(`/api/v1/hazards?regionCode=${village}&cursor=${cursor}`));
  ctx.record('hazard.ledger.page1_p50_ms', percentile(first, 50), 'ms');
  ctx.record('hazard.ledger.page5000_p50_ms', percentile(deep, 50), 'ms');

  const [sweepMs, result] = await time(() => runHazardSweep(database.db, new Date()));
  ctx.record('hazard.sweep_1m.seconds', Number((sweepMs / 1000).toFixed(2)), 's');
  console.log(`  sweep created ${JSON.stringify(result.created)}`);
  const [againMs, again] = await time(() => runHazardSweep(database.db, new Date()));
  ctx.record('hazard.sweep_1m.rerun_seconds', Number((againMs / 1000).toFixed(2)), 's');
  if (Object.values(again.created).some((n) => n !== 0)) throw new Error(`second sweep created ${JSON.stringify(again.created)}`);
  await app.close();
  await database.close();
}
