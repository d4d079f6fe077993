import pg from 'pg';
import { type BenchContext, time } from './harness.ts';
import { benchApp, compare, millionDataset } from './hazard.bench.ts';

/** ANZHI_BENCH_SMOKE=1: 20,000 hazards instead of a million, to check the suites run (numbers meaningless). */
const count = process.env.ANZHI_BENCH_SMOKE === '1' ? 20_000 : undefined;
const village = '339901100202';
type Query = Record<string, string | number | boolean>;
const qs = (q: Query) => new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString();

/** Two-character words (the hard case), longer phrases, code and number fragments, a word found nowhere. */
const searchCases: Record<string, Query> = {
  w2_xiaofang: { q: '消防' },
  w2_peidian: { q: '配电' },
  w2_fenchen: { q: '粉尘' },
  w2_chache: { q: '叉车' },
  w2_xiebao: { q: '泄爆' },
  phrase_xiaofangtongdao: { q: '消防通道' },
  phrase_long: { q: '未佩戴劳动防护用品' },
  phrase_place: { q: '一号车间粉尘' },
  code: { q: 'YH-B-12345' },
  code_lower: { q: 'yh-b-9876' },
  absent: { q: '瓦斯' },
  w2_open: { q: '消防', open: true },
  w2_village: { q: '配电', regionCode: village },
  w2_major: { q: '粉尘', grade: 'major' },
  phrase_since: { q: '消防通道', foundFrom: '2026-06-01' },
  w2_status: { q: '叉车', status: 'rectifying' },
};

/** The million of hazard.bench (its generator and template), the app signed in as the township office, a pool. */
async function world() {
  const [copyMs, database] = await time(() => millionDataset(process.env.DATABASE_URL as string, count));
  console.log(`  dataset ${database.built ? 'built and ' : ''}copied from its template in ${(copyMs / 1000).toFixed(1)} s`);
  const { app, call } = await benchApp(database);
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  return {
    call,
    pool,
    database,
    async close() {
      await pool.end();
      await app.close();
      await database.close();
    },
  };
}

/** Database kinds whose dashboard was measured already in this run (with the search, on the same copy). */
const measured = new Set<string>();

async function measureDashboard(ctx: BenchContext, w: Awaited<ReturnType<typeof world>>) {
  const summary = (await w.call('/api/v1/dashboard/summary')).json() as { hazards: unknown };
  console.log(`  dashboard hazards ${JSON.stringify(summary.hazards)}`);
  await compare(ctx, 'dashboard', [{ label: 'summary', path: '/api/v1/dashboard/summary' }], 30, w.call, w.pool);
  measured.add(ctx.kind);
}

/**
 * Ledger text search on 1,000,000 hazards (PostgreSQL): first page + total through the API beside the same statements
 * replayed on a pool as the service sends them (page and total in parallel); then the dashboard on the same copy.
 */
export async function ledgerSearch(ctx: BenchContext) {
  if (ctx.kind !== 'postgres') {
    console.log('  hazard.ledger_search: PostgreSQL only (a million rows); set DATABASE_URL');
    return;
  }
  const w = await world();
  try {
    for (const q of Object.values(searchCases)) {
      const res = await w.call(`/api/v1/hazards?${qs(q)}`);
      if (res.statusCode !== 200) throw new Error(`${qs(q)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      console.log(`  ${String(res.json().total).padStart(8)} rows  ${JSON.stringify(q)}`);
    }
    const cases = Object.entries(searchCases).map(([label, q]) => ({ label, path: `/api/v1/hazards?${qs(q)}` }));
    await compare(ctx, 'hazard.ledger_search', cases, 10, w.call, w.pool);
    // One character has no bigram: today's pattern scan, kept (ADR 0020). Shown apart, not part of the target.
    const one: number[] = [];
    for (let i = 0; i < 3; i++) for (const q of ['电', 'B']) one.push((await time(() => w.call(`/api/v1/hazards?q=${q}`)))[0]);
    ctx.record('hazard.ledger_search.one_char_p50_ms', Number([...one].sort((a, b) => a - b)[2]?.toFixed(2)), 'ms');
    await measureDashboard(ctx, w);
  } finally {
    await w.close();
  }
}

/** The dashboard on the same million; measured within hazard.ledger_search when that ran (one copy, not two). */
export async function dashboard(ctx: BenchContext) {
  if (ctx.kind !== 'postgres') {
    console.log('  dashboard: PostgreSQL only (a million rows); set DATABASE_URL');
    return;
  }
  if (measured.has(ctx.kind)) return;
  const w = await world();
  try {
    await measureDashboard(ctx, w);
  } finally {
    await w.close();
  }
}
