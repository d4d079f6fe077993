import { hazardFilter } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from '../src/db/client.ts';
import { chinaToday } from '../src/lib/clock.ts';
import { hazardRepo, hazardWhere } from '../src/modules/hazards/hazard.repo.ts';
import { countHazards, groupKey, hazardStatsRepo, statsRoot } from '../src/modules/hazards/hazard-stats.repo.ts';
import { runHazardSweep } from '../src/modules/hazards/hazard-sweep.ts';
import { demoApp, hundredThousand } from './enterprise.bench.ts';
import { type BenchContext, percentile, time } from './harness.ts';

const HAZARDS = 1_000_000;
const TODAY = chinaToday(new Date());
const scope = { kind: 'regions' as const, regionCodes: ['339901100000'] };

/**
 * What hazards are about, for titles and descriptions a text search can tell apart: each two-character word of the
 * search bench (消防, 配电, 粉尘, 叉车) sits in one to three of these titles and places, as in a real ledger.
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

/** Captures the SQL text and parameters the repo functions send, to run the very same statements with plain pg. */
export async function captureSql(url: string, run: (db: unknown) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const captured: { text: string; params: unknown[] }[] = [];
  const db = drizzle(client, { logger: { logQuery: (text, params) => void captured.push({ text, params }) } });
  await run(db);
  await client.end();
  return captured;
}

async function measure(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push((await time(fn))[0]);
  return samples;
}

/** Ledger and statistics on 1,000,000 hazards (PostgreSQL): API vs the same SQL; keyset page 5,000; the sweep. */
export async function ledger(ctx: BenchContext) {
  if (ctx.kind !== 'postgres') {
    console.log('  hazard.*: PostgreSQL only (a million rows); set DATABASE_URL');
    return;
  }
  const { database, app, cookie } = await demoApp(ctx);
  await hundredThousand(database);
  const started = performance.now();
  await millionHazards(database);
  console.log(`  1,000,000 hazards generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const url = database.url as string;
  const village = '339901100202';
  const [{ unit, ent }] = await database.rows<{ unit: number; ent: number }>(
    sql`SELECT (SELECT id FROM units ORDER BY id LIMIT 1) AS unit, (SELECT max(id) - 5 FROM enterprises) AS ent`,
  );
  const queries: Record<string, string | number | boolean>[] = [
    { open: true },
    { open: true, grade: 'major' },
    { overdue: true },
    { regionCode: village, open: true },
    { status: 'rectified' },
    { channel: 'publicReport', foundFrom: '2026-09-01' },
    { enterpriseId: ent },
    { supervisingUnitId: unit, open: true },
    { grade: 'major', foundFrom: '2026-06-01' },
    { regionCode: village, foundFrom: '2026-10-01' },
  ];
  const qs = (q: Record<string, unknown>) =>
    new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const call = (path: string) => app.inject({ method: 'GET', url: path, headers: { cookie } });
  for (const q of queries) {
    const res = await call(`/api/v1/hazards?${qs(q)}`);
    if (res.statusCode !== 200) throw new Error(`ledger ${qs(q)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  const api: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let i = 0; i < 10; i++) {
    for (const q of queries) {
      const [ms] = await time(() => call(`/api/v1/hazards?${qs(q)}`));
      api.push(ms);
      perQuery.set(qs(q), [...(perQuery.get(qs(q)) ?? []), ms]);
    }
  }
  for (const [q, ms] of perQuery)
    console.log(`  ${percentile(ms, 50).toFixed(1).padStart(7)} ms p50 ${percentile(ms, 95).toFixed(1).padStart(7)} ms p95  ${q}`);

  // The same statements, straight through pg: the page and the count the service runs for each query.
  const statements = await captureSql(url, async (db) => {
    for (const q of queries) {
      const filter = hazardFilter.parse(Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])));
      const where = hazardWhere(scope, filter, TODAY);
      await hazardRepo.page(db as never, where, { offset: 0, limit: 21 });
      await countHazards(db as never, scope, filter, TODAY);
    }
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const direct: number[] = [];
  for (let i = 0; i < 10; i++) {
    for (let j = 0; j < statements.length; j += 2) {
      const [page, count] = [statements[j], statements[j + 1]] as { text: string; params: unknown[] }[];
      direct.push((await time(() => Promise.all([client.query(page.text, page.params), client.query(count.text, count.params)])))[0]);
    }
  }
  ctx.record('hazard.ledger.p50_ms', percentile(api, 50), 'ms');
  ctx.record('hazard.ledger.p95_ms', percentile(api, 95), 'ms');
  ctx.record('hazard.ledger.sql_p95_ms', percentile(direct, 95), 'ms');
  ctx.record('hazard.ledger.ratio_vs_sql', Number((percentile(api, 95) / percentile(direct, 95)).toFixed(2)), 'x');

  // Keyset: page 5,000 (rows 99,981–100,000 of the open-or-not ledger of one village) costs what page 1 costs.
  const [row] = await database.rows<{ found_on: string; id: number }>(
    sql`SELECT found_on::text, id FROM hazards WHERE region_code = ${village} ORDER BY found_on DESC, id DESC OFFSET 99979 LIMIT 1`,
  );
  const cursor = Buffer.from(`${row?.found_on}|${row?.id}`).toString('base64url');
  const first = await measure(20, () => call(`/api/v1/hazards?regionCode=${village}`));
  const deep = await measure(20, () => call(`/api/v1/hazards?regionCode=${village}&cursor=${cursor}`));
  ctx.record('hazard.ledger.page1_p50_ms', percentile(first, 50), 'ms');
  ctx.record('hazard.ledger.page5000_p50_ms', percentile(deep, 50), 'ms');

  const groupBys = ['region', 'industry', 'channel', 'status', 'grade'] as const;
  const statsApi: number[] = [];
  for (const g of groupBys) await call(`/api/v1/hazards/stats?groupBy=${g}`);
  for (let i = 0; i < 20; i++) for (const g of groupBys) statsApi.push((await time(() => call(`/api/v1/hazards/stats?groupBy=${g}`)))[0]);
  const statsSql = await captureSql(url, async (db) => {
    // The statements the service sends: with no filter the statistics cube answers (cubeAnswers).
    for (const g of groupBys)
      await hazardStatsRepo.groups(db as never, hazardWhere(scope, {}, TODAY), groupKey(g, statsRoot(scope, undefined)), true);
  });
  const statsDirect: number[] = [];
  for (let i = 0; i < 20; i++) for (const s of statsSql) statsDirect.push((await time(() => client.query(s.text, s.params)))[0]);
  await client.end();
  ctx.record('hazard.stats.p50_ms', percentile(statsApi, 50), 'ms');
  ctx.record('hazard.stats.p95_ms', percentile(statsApi, 95), 'ms');
  ctx.record('hazard.stats.sql_p50_ms', percentile(statsDirect, 50), 'ms');
  ctx.record('hazard.stats.sql_p95_ms', percentile(statsDirect, 95), 'ms');
  ctx.record('hazard.stats.ratio_vs_sql', Number((percentile(statsApi, 95) / percentile(statsDirect, 95)).toFixed(2)), 'x');
  ctx.record('hazard.stats.ratio_vs_sql_p50', Number((percentile(statsApi, 50) / percentile(statsDirect, 50)).toFixed(2)), 'x');

  const [sweepMs, result] = await time(() => runHazardSweep(database.db, new Date()));
  ctx.record('hazard.sweep_1m.seconds', Number((sweepMs / 1000).toFixed(2)), 's');
  console.log(`  sweep created ${JSON.stringify(result.created)}`);
  const [againMs, again] = await time(() => runHazardSweep(database.db, new Date()));
  ctx.record('hazard.sweep_1m.rerun_seconds', Number((againMs / 1000).toFixed(2)), 's');
  if (Object.values(again.created).some((n) => n !== 0)) throw new Error(`second sweep created ${JSON.stringify(again.created)}`);
  await app.close();
  await database.close();
}
