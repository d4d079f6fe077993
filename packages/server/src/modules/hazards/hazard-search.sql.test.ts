import { hazardFilter, ledgerSearchPlan, textBigrams } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/test-db.ts';
import type { Database } from '../../db/client.ts';
import { textArray } from '../../lib/sql-array.ts';
import { userRepo } from '../users/user.repo.ts';
import { hazardRepo, hazardWhere } from './hazard.repo.ts';
import { hazards } from './hazard.table.ts';
import { hazardTextLike } from './hazard-search.sql.ts';

/**
 * The ledger's bigram search (ADR 0020) returns exactly the rows plain ILIKE returns — the meaning `q` had before the
 * index — for every kind of term, on PGlite and on PostgreSQL; and core's textBigrams is what the SQL function
 * anzhi_text_bigrams computes.
 */

const titles = ['消防通道堵塞', '灭火器压力不足', '配电箱未接地', '电气线路私拉乱接', '粉尘清扫不及时', '有限空间作业未审批'];
const places = ['一号车间', '配电房', '仓库', '危化品库', '喷漆房 二层', '厂区道路'];
const oddities = ['', '，含50%粉尘', '（A_B 线）', '：ＡＢ全角', '，Σ型支架', '，𠀀字', ' 消防 配电 ', '，a%b_c\\d'];
const all = { kind: 'all' as const };
const today = '2026-03-15';
let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
  const at = new Date('2025-01-01T00:00:00Z');
  const user = await userRepo.insert(database.db, {
    username: 'fixture',
    displayName: '夹具',
    passwordHash: 'x',
    roles: ['office'],
    regionCodes: [],
    mustChangePassword: false,
    createdAt: at,
    updatedAt: at,
  });
  const values: (typeof hazards.$inferInsert)[] = [];
  for (let i = 0; i < 3000; i++) {
    const title = `${titles[i % titles.length]}${i % 7 === 0 ? oddities[i % oddities.length] : ''}`;
    values.push({
      code: i % 3 === 0 ? `YH-2026-${String(i).padStart(6, '0')}` : `yh-2025-${String(i).padStart(6, '0')}`,
      regionCode: '330100000000',
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      status: 'closed',
      title,
      description: `现场检查发现${places[i % places.length]}${titles[(i * 5) % titles.length]}${oddities[(i * 3) % oddities.length]}`,
      foundOn: '2025-06-01',
      foundBy: user.id,
      closedOn: '2025-07-01',
    });
  }
  for (let i = 0; i < values.length; i += 500) await database.db.insert(hazards).values(values.slice(i, i + 500));
  await database.rows(sql`ANALYZE hazards`);
}, 120_000);
afterAll(() => database?.close());

async function ids(where: SQL | undefined): Promise<number[]> {
  const rows = await database.db.select({ id: hazards.id }).from(hazards).where(where).orderBy(hazards.id);
  return rows.map((r) => r.id);
}

const terms = [
  ...['电', 'a', 'Ａ', '%', '_', '\\', ' '], // one character: today's ILIKE
  ...['消防', '配电', '粉尘', '防消', 'yh', 'YH', 'Yh', 'ａｂ', 'ＡＢ', 'σ型', 'Σ型', '𠀀字', '50', '%粉', 'A_', 'a%', '_B', '房 '],
  ...['消防通道', '未佩戴劳动防护用品', '配电房配电箱', '一号车间粉尘', '喷漆房 二层', ' 消防 配电 ', '消防 配电'],
  ...['YH-2026-000123', 'yh-2026-0001', '2025-00099', 'h-2', 'YH-', '-000', 'a%b_c\\d', 'a%b', '50%粉尘', 'A_B 线'],
  ...['消防ab', 'x消防', '通道堵塞，', '堵塞堵塞', 'zzzz', '消防  配电', '消防 ', '，含50%'],
];

describe('ledger search equals plain ILIKE', () => {
  it.each(terms)('q = %j', async (q) => {
    const expected = await ids(hazardTextLike(q));
    expect(await ids(hazardWhere(all, { q }, today))).toEqual(expected);
    expect(await hazardRepo.count(database.db, hazardWhere(all, { q }, today))).toBe(expected.length);
  });

  it('finds something for most terms (the fixture is not empty-handed)', async () => {
    let hits = 0;
    for (const q of terms) if ((await ids(hazardTextLike(q))).length > 0) hits++;
    expect(hits).toBeGreaterThan(terms.length * 0.7);
  });

  it('treats an empty or blank q as no filter, as before', async () => {
    const everything = await ids(undefined);
    for (const raw of ['', '   ']) {
      const f = hazardFilter.parse({ q: raw });
      expect(await ids(hazardWhere(all, f, today))).toEqual(everything);
    }
  });

  it('looks two characters and longer up in the bigram index', async () => {
    await database.rows(sql`SET enable_seqscan = off`);
    try {
      for (const q of ['消防', '消防通道', 'YH-2026']) {
        const plan = await database.rows<{ 'QUERY PLAN': string }>(
          sql`EXPLAIN SELECT count(*) FROM ${hazards} WHERE ${hazardWhere(all, { q }, today)}`,
        );
        expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('hazards_search_grams_idx');
      }
    } finally {
      await database.rows(sql`RESET enable_seqscan`);
    }
  });
});

describe('core textBigrams is anzhi_text_bigrams', () => {
  const texts = [...titles, ...places, ...oddities, 'YH-2026-000123', 'ＡＢΣ型 𠀀消防', 'aa', 'a', '消', '  '];
  it.each(texts)('%j', async (text) => {
    const [row] = await database.rows<{ sql: string[]; core: string[] }>(
      sql`SELECT anzhi_text_bigrams(${text}) AS sql,
        ARRAY(SELECT lower(g) FROM unnest(${textArray(textBigrams(text))}) g) AS core`,
    );
    // The SQL function may repeat a pair (the index's array_to_tsvector keeps each once): compare the sets.
    expect([...new Set(row?.core)].sort()).toEqual([...new Set(row?.sql)].sort());
  });

  it('plans one character as a scan, two as an exact lookup', () => {
    expect(ledgerSearchPlan('消').kind).toBe('scan');
    expect(ledgerSearchPlan('消防')).toMatchObject({ exact: true });
  });
});

describe('a text search total that stops at a cap (ledgerSearchTotalCap, ADR 0020)', () => {
  it('counts up to the limit and no further; below it, exactly', async () => {
    const where = (q: string) => hazardWhere(all, hazardFilter.parse({ q }), today);
    const exact = await hazardRepo.count(database.db, where('消防'));
    expect(exact).toBeGreaterThan(100);
    expect(await hazardRepo.countUpTo(database.db, where('消防'), 101)).toBe(101);
    expect(await hazardRepo.countUpTo(database.db, where('消防'), exact + 1)).toBe(exact);
    expect(await hazardRepo.countUpTo(database.db, where('瓦斯'), 101)).toBe(0);
  });
});
