import { clearedHazardStatuses, hazardFilter } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Database } from '../src/db/client.ts';
import { chinaToday } from '../src/lib/clock.ts';
import { hazardRepo, hazardWhere } from '../src/modules/hazards/hazard.repo.ts';
import { countHazards, countHazardsTogether } from '../src/modules/hazards/hazard-stats.repo.ts';
import { demoApp, hundredThousand } from './enterprise.bench.ts';
import { type BenchContext, percentile, time } from './harness.ts';
import { captureSql, millionHazards } from './hazard.bench.ts';

const TODAY = chinaToday(new Date());
// The demo office (anweiban) the API calls sign in as.
const scope = { kind: 'regions' as const, regionCodes: ['339901100000'] };
const village = '339901100202';

type Query = Record<string, string | number | boolean>;

/** Two-character words (the hard case), longer phrases, code and number fragments, a word found nowhere. */
const terms = ['消防', '配电', '粉尘', '叉车', '泄爆', '消防通道', '未佩戴劳动防护用品', '一号车间粉尘', 'YH-B-12345', 'yh-b-9876', '瓦斯'];
const withFilters: Query[] = [
  { q: '消防', open: true },
  { q: '配电', regionCode: village },
  { q: '粉尘', grade: 'major' },
  { q: '消防通道', foundFrom: '2026-06-01' },
  { q: '叉车', status: 'rectifying' },
];
const queries: Query[] = [...terms.map((q) => ({ q })), ...withFilters];

interface World {
  database: Database & { url?: string };
  app: FastifyInstance;
  cookie: string;
}
let shared: World | undefined;
/** Database kinds whose dashboard was measured already in this run. */
const measuredBy = new Set<string>();

/** ANZHI_BENCH_SMOKE=1: the demo's enterprises and 20,000 hazards, to check the suites run (numbers meaningless). */
const smoke = process.env.ANZHI_BENCH_SMOKE === '1';

/** 100,000 enterprises and 1,000,000 hazards (hazard.bench's generator), built once for both suites of this file. */
async function world(ctx: BenchContext): Promise<World> {
  if (shared) return shared;
  const { database, app, cookie } = await demoApp(ctx);
  if (!smoke) await hundredThousand(database);
  const started = performance.now();
  await millionHazards(database, smoke ? 20_000 : undefined);
  console.log(`  hazards generated in ${((performance.now() - started) / 1000).toFixed(1)} s${smoke ? ' (smoke: 20,000)' : ''}`);
  const [size] = await database.rows<{ grams: string; table: string }>(
    sql`SELECT pg_size_pretty(pg_relation_size('hazards_search_grams_idx')) AS grams, pg_size_pretty(pg_relation_size('hazards')) AS table`,
  );
  console.log(`  bigram index ${size?.grams} beside a table of ${size?.table}`);
  shared = { database, app, cookie };
  return shared;
}

async function release() {
  if (!shared) return;
  await shared.app.close();
  await shared.database.close();
  shared = undefined;
}

const qs = (q: Query) => new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString();

async function sample(rounds: number, list: string[], call: (item: string) => Promise<unknown>) {
  const all: number[] = [];
  const per = new Map<string, number[]>();
  for (let i = 0; i < rounds; i++) {
    for (const item of list) {
      const [ms] = await time(() => call(item));
      all.push(ms);
      per.set(item, [...(per.get(item) ?? []), ms]);
    }
  }
  return { all, per };
}

function show(per: Map<string, number[]>) {
  for (const [label, ms] of per)
    console.log(`  ${percentile(ms, 50).toFixed(1).padStart(7)} ms p50 ${percentile(ms, 95).toFixed(1).padStart(7)} ms p95  ${label}`);
}

/** Ledger text search on 1,000,000 hazards (PostgreSQL): first page + total through the API vs the same SQL via pg. */
export async function ledgerSearch(ctx: BenchContext) {
  if (ctx.kind !== 'postgres') {
    console.log('  hazard.ledger_search: PostgreSQL only (a million rows); set DATABASE_URL');
    return;
  }
  const w = await world(ctx);
  const call = async (path: string) => {
    const res = await w.app.inject({ method: 'GET', url: path, headers: { cookie: w.cookie } });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res;
  };
  for (const q of queries) {
    const { total } = (await call(`/api/v1/hazards?${qs(q)}`)).json() as { total: number };
    console.log(`  ${String(total).padStart(8)} rows  ${qs(q)}`);
  }
  const api = await sample(10, queries.map(qs), (q) => call(`/api/v1/hazards?${q}`));
  show(api.per);

  // The statements the service sends for each query: the page and the total, in parallel on a pool as the API does.
  const statements = await captureSql(w.database.url as string, async (db) => {
    for (const q of queries) {
      const filter = hazardFilter.parse(Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])));
      await hazardRepo.page(db as never, hazardWhere(scope, filter, TODAY), { offset: 0, limit: 21 });
      await countHazards(db as never, scope, filter, TODAY);
    }
  });
  const pool = new pg.Pool({ connectionString: w.database.url, max: 10 });
  const pairs = queries.map((_, i) => [statements[2 * i], statements[2 * i + 1]] as { text: string; params: unknown[] }[]);
  const direct = await sample(
    10,
    pairs.map((_, i) => String(i)),
    async (key) => {
      const [page, count] = pairs[Number(key)] ?? [];
      if (!page || !count) throw new Error('statement missing');
      await Promise.all([pool.query(page.text, page.params), pool.query(count.text, count.params)]);
    },
  );
  ctx.record('hazard.ledger_search.p50_ms', percentile(api.all, 50), 'ms');
  ctx.record('hazard.ledger_search.p95_ms', percentile(api.all, 95), 'ms');
  ctx.record('hazard.ledger_search.sql_p50_ms', percentile(direct.all, 50), 'ms');
  ctx.record('hazard.ledger_search.sql_p95_ms', percentile(direct.all, 95), 'ms');

  // One character has no bigram: today's pattern scan, kept (ADR 0018). Shown apart, not part of the target.
  const one = await sample(3, ['电', 'B'], (q) => call(`/api/v1/hazards?q=${encodeURIComponent(q)}`));
  ctx.record('hazard.ledger_search.one_char_p50_ms', percentile(one.all, 50), 'ms');
  await pool.end();

  await measureDashboard(ctx, w);
  await release();
}

async function measureDashboard(ctx: BenchContext, w: World) {
  const summary = () => w.app.inject({ method: 'GET', url: '/api/v1/dashboard/summary', headers: { cookie: w.cookie } });
  const res = await summary();
  if (res.statusCode !== 200) throw new Error(`dashboard: ${res.statusCode} ${res.body.slice(0, 200)}`);
  console.log(`  dashboard hazards ${JSON.stringify(res.json().hazards)}`);
  const api = await sample(30, ['summary'], summary);
  // The hazard numbers' statement (the part that read the table), sent through pg.
  const monthStart = `${TODAY.slice(0, 8)}01`;
  const [statement] = await captureSql(w.database.url as string, (db) =>
    countHazardsTogether(
      db as never,
      scope,
      {
        open: { open: true },
        openMajor: { open: true, grade: 'major' },
        overdue: { overdue: true },
        foundThisMonth: { foundFrom: monthStart },
        closedThisMonth: { status: clearedHazardStatuses, closedFrom: monthStart },
      },
      TODAY,
    ),
  );
  const client = new pg.Client({ connectionString: w.database.url });
  await client.connect();
  const direct = await sample(30, ['numbers'], () => client.query(statement?.text ?? '', statement?.params));
  await client.end();
  ctx.record('dashboard.p50_ms', percentile(api.all, 50), 'ms');
  ctx.record('dashboard.p95_ms', percentile(api.all, 95), 'ms');
  ctx.record('dashboard.sql_p50_ms', percentile(direct.all, 50), 'ms');
  ctx.record('dashboard.sql_p95_ms', percentile(direct.all, 95), 'ms');
  measuredBy.add(ctx.kind);
}

/** The dashboard on the same million; measured within hazard.ledger_search when that ran (one generation, not two). */
export async function dashboard(ctx: BenchContext) {
  if (ctx.kind !== 'postgres') {
    console.log('  dashboard: PostgreSQL only (a million rows); set DATABASE_URL');
    return;
  }
  if (measuredBy.has(ctx.kind)) return;
  const w = await world(ctx);
  await measureDashboard(ctx, w);
  await release();
}
