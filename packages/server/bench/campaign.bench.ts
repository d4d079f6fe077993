// campaign.*: 专项整治 (issue 17) at a city-scale township: 50,000 经营性自建房 over 200 villages, one campaign over that
// ledger with two rounds (round 1 closed, ~90% checked; round 2 open, ~40%), one check in ten with failed items, a
// 专项检查 hazard per failed item (half 销号) linked in campaign_hazards. Three reads through the app's services beside
// hand-written SQL doing the same work (not our code, not handicapped: one statement where one does, the set-based
// shape a person would write, the same indexes):
//   campaign.progress          GET /campaigns/{id}/progress for the township office (every figure of both rounds,
//                              by village and unit, never reached, the plan figures' 销号 count)
//   campaign.objects_uncovered GET /campaigns/{id}/objects?round=2&state=uncovered, the first page and a deep one
//   campaign.field_list        GET /campaign-tasks for a village grid worker (250 houses) and for the township office
//                              (the slow path: every house of the township, capped at campaignFieldTargetCap)
// Every app answer is checked against its SQL answer before timing. Both databases (PGlite with fewer samples).
import { randomBytes } from 'node:crypto';
import { campaignFieldTargetCap, type DataScope, defaultObjectTypes, labelCodeOf, type Permission } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from '../src/db/client.ts';
import type { Actor } from '../src/lib/actor.ts';
import { jsonRows, pipelined } from '../src/lib/bulk-insert.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { ledgerObjects } from '../src/modules/campaigns/campaign.table.ts';
import { createCampaignFieldService } from '../src/modules/campaigns/campaign-field.service.ts';
import { createCampaignProgressService } from '../src/modules/campaigns/campaign-progress.service.ts';
import { type BenchContext, percentile, time } from './harness.ts';

const OBJECTS = 50_000;
const VILLAGES = 200;
const PAGE_SIZE = 20;
const COUNTY = '339901000000';
const TOWN = '339901100000';
const villageCode = (k: number) => `339901100${String(200 + k).padStart(3, '0')}`;
/** China noon, 20 June 2026: round 1 (1 March – 30 April) closed, round 2 (15 May – 31 July) open. */
const NOW = new Date('2026-06-20T04:00:00Z');
const TODAY = '2026-06-20';
const R1 = { startsOn: '2026-03-01', dueOn: '2026-04-30', closedOn: '2026-04-30' };
const R2 = { startsOn: '2026-05-15', dueOn: '2026-07-31' };

export interface World {
  campaignId: number;
  typeId: number;
  round1: number;
  round2: number;
  unitIds: number[];
  office: Actor;
  grid: Actor;
  gridVillage: string;
}

const actor = (userId: number, roles: Actor['roles'], scope: DataScope, regionCodes: string[]): Actor => ({
  userId,
  username: `bench${userId}`,
  displayName: `基准用户${userId}`,
  roles,
  regionCodes,
  unitId: null,
  enterpriseId: null,
  scope,
  permissions: ['campaign.read', 'campaign.check'] as Permission[],
  mustChangePassword: false,
  ip: null,
});

const one = async <T>(database: Database, q: SQL) => (await database.rows<T>(q))[0] as T;

export async function seed(database: Database): Promise<World> {
  const { rows } = database;
  await rows(sql`INSERT INTO regions (code, name, level, parent_code) VALUES
    (${COUNTY}, '示例县', 'county', NULL), (${TOWN}, '示例镇', 'township', ${COUNTY})`);
  await rows(sql`INSERT INTO regions (code, name, level, parent_code)
    SELECT '339901100' || lpad((200 + k)::text, 3, '0'), '第' || k || '村', 'village', ${TOWN} FROM generate_series(1, ${VILLAGES}) k`);
  const units = await rows<{ id: number }>(sql`INSERT INTO units (name, kind, region_code) VALUES
    ('示例镇消防工作站', 'regulator', ${TOWN}), ('示例镇市场监督管理所', 'regulator', ${TOWN}) RETURNING id`);
  const unitIds = units.map((u) => Number(u.id));
  // The office, a grid worker per village, two staff per unit.
  const office = await one<{ id: number }>(
    database,
    sql`INSERT INTO users (username, display_name, password_hash, roles, region_codes)
      VALUES ('office', '镇安监办', 'x', ARRAY['office'], ARRAY[${TOWN}]) RETURNING id`,
  );
  await rows(sql`INSERT INTO users (username, display_name, password_hash, roles, region_codes)
    SELECT 'grid' || k, '网格员' || k, 'x', ARRAY['village'], ARRAY['339901100' || lpad((200 + k)::text, 3, '0')]
    FROM generate_series(1, ${VILLAGES}) k`);
  await rows(sql`INSERT INTO users (username, display_name, password_hash, roles, region_codes, unit_id)
    SELECT 'unit' || u || '_' || k, '执法人员' || u || k, 'x', ARRAY['unit'], ARRAY[${TOWN}], (${sql.raw(`ARRAY[${unitIds.join(',')}]`)})[u]
    FROM generate_series(1, 2) u CROSS JOIN generate_series(1, 2) k`);

  const d = defaultObjectTypes.find((t) => t.code === 'selfBuiltHouse');
  if (!d) throw new Error('no selfBuiltHouse type');
  const type = await one<{ id: number }>(
    database,
    sql`INSERT INTO ledger_object_types (code, name, anchor, counter, fields, checklist, builtin)
      VALUES (${d.code}, ${d.name}, ${d.anchor}, ${d.counter}, ${JSON.stringify(d.fields)}::jsonb, ${JSON.stringify(d.checklist)}::jsonb, true)
      RETURNING id`,
  );
  const typeId = Number(type.id);

  // The ledger, in bulk (jsonRows): house i in village 1 + (i − 1) % 200; one in a hundred registered mid round 2,
  // one in two hundred removed between the rounds.
  const uses = ['餐饮', '零售', '民宿', '加工', '仓储', '出租'];
  const houses = Array.from({ length: OBJECTS }, (_, j) => {
    const i = j + 1;
    const village = 1 + ((i - 1) % VILLAGES);
    // Spread over the villages (a multiplicative hash, not i's residue: that would pick whole villages).
    const h = Math.imul(i, 2654435761) >>> 0;
    const late = h % 100 === 7;
    const removed = h % 200 === 13;
    const name = `${['东', '西', '南', '北', '中'][i % 5]}街${1 + (Math.floor(i / VILLAGES) % 300)}号（${uses[i % 6]}）${i}`;
    const at = late ? new Date('2026-05-20T02:00:00Z') : new Date(Date.UTC(2025, 9, 1) + (i % 90) * 86_400_000);
    return {
      id: i,
      typeId,
      labelCode: labelCodeOf(randomBytes(10)),
      name,
      nameKey: name,
      regionCode: villageCode(village),
      address: `示例镇第${village}村${name}`,
      data: { owner: `户主${i}`, floors: 2 + (i % 4), use: uses[i % 6] },
      status: removed ? 'removed' : 'active',
      removedAt: removed ? new Date('2026-05-05T02:00:00Z') : null,
      removedReason: removed ? '已拆除' : null,
      createdAt: at,
      updatedAt: removed ? new Date('2026-05-05T02:00:00Z') : at,
    };
  });
  await pipelined(
    houses,
    10_000,
    (chunk) => jsonRows(ledgerObjects, chunk),
    // A real promise: a Drizzle query runs again on every then().
    async (q) => {
      await database.db.insert(ledgerObjects).select(q as never);
    },
  );
  await rows(sql`SELECT setval(pg_get_serial_sequence('ledger_objects', 'id'), ${OBJECTS})`);

  const checklist = [
    { key: 'c1', text: '疏散通道、安全出口畅通', source: 'own', criteriaCode: null, major: false },
    { key: 'c2', text: '无电动自行车在室内充电', source: 'own', criteriaCode: null, major: false },
    { key: 'c3', text: '灭火器配置并在有效期内', source: 'own', criteriaCode: null, major: false },
    { key: 'c4', text: '电气线路无私拉乱接', source: 'own', criteriaCode: null, major: false },
    { key: 'c5', text: '房屋结构无明显开裂、变形', source: 'own', criteriaCode: null, major: true },
  ];
  const campaign = await one<{ id: number }>(
    database,
    sql`INSERT INTO campaigns (region_code, title, basis, scope, checklist, unit_ids, status, created_by)
      VALUES (${TOWN}, '经营性自建房安全专项整治', '自建房安全专项整治工作方案',
        ${JSON.stringify({ kind: 'ledger', typeId, villageCodes: [] })}::jsonb, ${JSON.stringify(checklist)}::jsonb,
        ${sql.raw(`ARRAY[${unitIds.join(',')}]::integer[]`)}, 'active', ${office.id}) RETURNING id`,
  );
  const campaignId = Number(campaign.id);
  const [r1, r2] = await rows<{ id: number }>(sql`INSERT INTO campaign_rounds
      (campaign_id, ordinal, title, starts_on, due_on, status, opened_at, closed_on, closed_at) VALUES
      (${campaignId}, 1, '第1轮', ${R1.startsOn}, ${R1.dueOn}, 'closed', '2026-03-01T01:00:00Z', ${R1.closedOn}, '2026-04-30T09:00:00Z'),
      (${campaignId}, 2, '第2轮', ${R2.startsOn}, ${R2.dueOn}, 'open', '2026-05-15T01:00:00Z', NULL, NULL)
    RETURNING id`);
  const round1 = Number(r1?.id);
  const round2 = Number(r2?.id);

  // Checks: round 1 nine houses in ten registered before it; round 2 four in ten still standing. One check in ten has
  // failed items (one, or two for a third of them); one in seven made by a unit's staff.
  const items = (failedExpr: string) =>
    sql.raw(`(SELECT jsonb_agg(jsonb_build_object('key', 'c' || n, 'text', '检查项' || n,
      'result', CASE WHEN n <= ${failedExpr} THEN 'fail' ELSE 'pass' END,
      'note', CASE WHEN n <= ${failedExpr} THEN '现场发现问题，已要求整改' END, 'hazardId', NULL, 'fileIds', '[]'::jsonb) ORDER BY n)
      FROM generate_series(1, 5) n)`);
  for (const [round, from, days, which] of [
    [round1, '2026-03-02', 58, sql`(hashint4(o.id) & 1023) < 922 AND o.created_at < '2026-03-01'`],
    [round2, '2026-05-16', 35, sql`(hashint4(o.id + 7) & 1023) < 410 AND o.removed_at IS NULL`],
  ] as const) {
    await rows(sql`
      INSERT INTO campaign_checks (campaign_id, round_id, object_id, region_code, client_id, checked_by, checker_unit_id,
        checked_at, items, failed, note)
      SELECT ${campaignId}, ${round}, o.id, o.region_code, md5('ck' || ${round} || ':' || o.id)::uuid,
        CASE WHEN s.unit_check THEN uu.id ELSE g.id END, CASE WHEN s.unit_check THEN uu.unit_id END,
        ${from}::timestamptz + ((o.id * 7919) % (${days} * 24)) * interval '1 hour', ${items('s.failed')}, s.failed, NULL
      FROM ledger_objects o
      CROSS JOIN LATERAL (SELECT hashint4(o.id * 3 + ${round}) & 1023 AS h) hh
      CROSS JOIN LATERAL (SELECT hh.h % 7 = 0 AS unit_check,
        CASE WHEN hh.h < 102 THEN 1 + (hh.h % 3 = 0)::int ELSE 0 END AS failed) s
      JOIN users g ON g.region_codes = ARRAY[o.region_code] AND g.roles = ARRAY['village']
      JOIN LATERAL (SELECT id, unit_id FROM users WHERE unit_id IS NOT NULL ORDER BY id OFFSET o.id % 4 LIMIT 1) uu ON true
      WHERE ${which}`);
  }
  // A 专项检查 hazard per failed item: half 销号, one in thirty 不成立, the rest 整改中 with a deadline.
  await rows(sql`
    INSERT INTO hazards (code, region_code, channel, grade, category, status, title, description, location, found_on, found_by,
      deadline, closed_on, created_at, updated_at)
    SELECT 'ZX-' || ck.id || '-' || n, ck.region_code, 'campaign', 'general', 'fire',
      CASE WHEN (ck.id + n) % 30 = 0 THEN 'dismissed' WHEN (ck.id + n) % 2 = 0 THEN 'closed' ELSE 'rectifying' END,
      '检查项' || n || '不符合', '现场发现问题，已要求整改', o.address, (ck.checked_at AT TIME ZONE 'Asia/Shanghai')::date, ck.checked_by,
      (ck.checked_at AT TIME ZONE 'Asia/Shanghai')::date + 30,
      CASE WHEN (ck.id + n) % 30 = 0 OR (ck.id + n) % 2 = 0 THEN least((ck.checked_at AT TIME ZONE 'Asia/Shanghai')::date + 12, ${TODAY}::date) END,
      ck.checked_at, ck.checked_at
    FROM campaign_checks ck JOIN ledger_objects o ON o.id = ck.object_id CROSS JOIN generate_series(1, ck.failed) n
    WHERE ck.failed > 0`);
  await rows(sql`
    INSERT INTO campaign_hazards (hazard_id, campaign_id, round_id, check_id, item_key, object_id, enterprise_id, region_code)
    SELECT h.id, ck.campaign_id, ck.round_id, ck.id, 'c' || split_part(h.code, '-', 3), ck.object_id, NULL, ck.region_code
    FROM hazards h JOIN campaign_checks ck ON ck.id = split_part(h.code, '-', 2)::int WHERE h.code LIKE 'ZX-%'`);
  await rows(sql`ANALYZE`);

  const gridVillage = villageCode(37);
  const gridUser = await one<{ id: number }>(database, sql`SELECT id FROM users WHERE region_codes = ARRAY[${gridVillage}]`);
  return {
    campaignId,
    typeId,
    round1,
    round2,
    unitIds,
    office: actor(Number(office.id), ['office'], { kind: 'regions', regionCodes: [TOWN] }, [TOWN]),
    grid: actor(Number(gridUser.id), ['village'], { kind: 'regions', regionCodes: [gridVillage] }, [gridVillage]),
    gridVillage,
  };
}

// ——— The baselines, by hand ———

const TOWN_LIKE = '339901100%';
const chinaDay = (col: string) => sql.raw(`((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`);

/** The campaign and its rounds, as anyone must read them first. */
const campaignSql = (w: World) => sql`
  SELECT c.id, c.scope, c.unit_ids, c.region_code, r.id AS round_id, r.ordinal, r.status, r.starts_on, r.due_on, r.closed_on
  FROM campaigns c JOIN campaign_rounds r ON r.campaign_id = c.id
  WHERE c.id = ${w.campaignId} AND (c.region_code LIKE ${TOWN_LIKE} OR c.region_code IN (${COUNTY}))
  ORDER BY r.ordinal`;

/**
 * Every progress figure in one statement: per round the targets (core countsInRound), covered, findings, hazards
 * (not 不成立), 销号, objects cleared; by village (grouping sets) and, for each of the campaign's units, the targets its
 * staff checked or whose enterprise it supervises (filtered aggregates); never reached; the campaign's objects cleared.
 */
function progressSql(w: World) {
  const units = w.unitIds;
  const agg = (cond: string, suffix: string) =>
    sql.raw(`count(*) FILTER (WHERE ${cond}) AS targets${suffix}, count(*) FILTER (WHERE ${cond} AND covered) AS covered${suffix},
      count(*) FILTER (WHERE ${cond} AND finding) AS findings${suffix}, coalesce(sum(n) FILTER (WHERE ${cond}), 0) AS hazards${suffix},
      coalesce(sum(closed) FILTER (WHERE ${cond}), 0) AS closed${suffix}, count(*) FILTER (WHERE ${cond} AND n > 0 AND closed = n) AS cleared${suffix}`);
  return sql`
    WITH t AS (
      SELECT o.id, left(o.region_code, 12) AS village, e.supervising_unit_id AS sup,
        ${chinaDay('o.created_at')} AS reg, ${chinaDay('o.removed_at')} AS rem
      FROM ledger_objects o LEFT JOIN enterprises e ON e.id = o.enterprise_id
      WHERE o.type_id = ${w.typeId} AND o.region_code LIKE ${TOWN_LIKE}
    ), r(id, ordinal, upto) AS (VALUES (${w.round1}::int, 1, ${R1.closedOn}::date), (${w.round2}::int, 2, ${TODAY}::date)),
    hz AS (
      SELECT ch.round_id, ch.object_id, count(*) AS n, count(*) FILTER (WHERE h.status = 'closed') AS closed
      FROM campaign_hazards ch JOIN hazards h ON h.id = ch.hazard_id
      WHERE ch.campaign_id = ${w.campaignId} AND h.status <> 'dismissed'
      GROUP BY ch.round_id, ch.object_id
    ), x AS (
      SELECT r.ordinal, t.village, t.sup, ck.checker_unit_id AS chk, ck.id IS NOT NULL AS covered, ck.failed > 0 AS finding,
        coalesce(hz.n, 0) AS n, coalesce(hz.closed, 0) AS closed
      FROM r CROSS JOIN t
      LEFT JOIN campaign_checks ck ON ck.round_id = r.id AND ck.object_id = t.id
      LEFT JOIN hz ON hz.round_id = r.id AND hz.object_id = t.id
      WHERE ck.id IS NOT NULL OR (t.reg <= r.upto AND (t.rem IS NULL OR t.rem > r.upto))
    ), g AS (
      SELECT ordinal, village, ${agg('true', '')}
        ${sql.join(
          units.map((u) => sql`, ${agg(`(sup = ${u} OR chk = ${u})`, `_${u}`)}`),
          sql``,
        )}
      FROM x GROUP BY GROUPING SETS ((ordinal), (ordinal, village))
    )
    SELECT g.*, v.name AS village_name,
      (SELECT count(*) FROM t WHERE t.reg <= ${TODAY}::date AND (t.rem IS NULL OR t.rem > ${TODAY}::date)
         AND NOT EXISTS (SELECT 1 FROM campaign_checks ck WHERE ck.campaign_id = ${w.campaignId} AND ck.object_id = t.id)) AS never,
      (SELECT count(*) FROM (SELECT ch.object_id FROM campaign_hazards ch JOIN hazards h ON h.id = ch.hazard_id
         WHERE ch.campaign_id = ${w.campaignId} AND h.status <> 'dismissed' AND ch.region_code LIKE ${TOWN_LIKE}
         GROUP BY ch.object_id HAVING bool_and(h.status = 'closed')) y) AS cleared_all
    FROM g LEFT JOIN regions v ON v.code = g.village
    ORDER BY g.ordinal, g.village NULLS FIRST`;
}

/** Round 2's targets not checked, in the office's township: the count and a page (village, name, id order). */
function uncoveredSql(w: World, offset: number): SQL[] {
  const where = sql`o.type_id = ${w.typeId} AND o.region_code LIKE ${TOWN_LIKE}
    AND ${chinaDay('o.created_at')} <= ${TODAY}::date AND (o.removed_at IS NULL OR ${chinaDay('o.removed_at')} > ${TODAY}::date)
    AND NOT EXISTS (SELECT 1 FROM campaign_checks ck WHERE ck.round_id = ${w.round2} AND ck.object_id = o.id)`;
  return [
    sql`SELECT count(*)::int AS n FROM ledger_objects o WHERE ${where}`,
    sql`SELECT o.id AS object_id, o.enterprise_id, o.name, o.region_code, coalesce(v.name, '') AS region_name, e.name AS enterprise_name
      FROM ledger_objects o LEFT JOIN regions v ON v.code = left(o.region_code, 12) LEFT JOIN enterprises e ON e.id = o.enterprise_id
      WHERE ${where} ORDER BY left(o.region_code, 12), o.name, o.id LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
  ];
}

/** The phone's work list: the open rounds the caller sees (with the object type), then the round's targets in its area. */
function fieldSql(w: World, area: string): SQL[] {
  const like = `${area.replace(/0+$/, '').length >= 12 ? area : area.slice(0, 9)}%`;
  return [
    sql`SELECT r.id, r.ordinal, r.due_on, c.id AS campaign_id, c.title, c.checklist, ty.name, ty.counter
      FROM campaign_rounds r JOIN campaigns c ON c.id = r.campaign_id
      LEFT JOIN ledger_object_types ty ON ty.id = (c.scope ->> 'typeId')::int
      WHERE r.status = 'open' AND (c.region_code LIKE ${like} OR c.region_code IN (${TOWN}, ${COUNTY}))
      ORDER BY r.due_on, c.id`,
    sql`SELECT o.id AS object_id, o.enterprise_id, o.name, o.region_code, coalesce(v.name, o.region_code) AS region_name, o.address,
        o.label_code, k.id AS check_id
      FROM ledger_objects o LEFT JOIN regions v ON v.code = o.region_code
      LEFT JOIN campaign_checks k ON k.round_id = ${w.round2} AND k.object_id = o.id
      WHERE o.type_id = ${w.typeId} AND o.region_code LIKE ${like}
        AND (k.id IS NOT NULL OR (${chinaDay('o.created_at')} <= ${TODAY}::date
             AND (o.removed_at IS NULL OR ${chinaDay('o.removed_at')} > ${TODAY}::date)))
      ORDER BY (k.id IS NOT NULL), o.region_code, o.name, o.id
      LIMIT ${campaignFieldTargetCap + 1}`,
  ];
}

// ——— Measuring ———

export type Raw = (q: SQL) => Promise<Array<Record<string, unknown>>>;

export function rawRunner(database: Database & { url?: string }): { run: Raw; end(): Promise<void> } {
  if (database.kind !== 'postgres' || !database.url) return { run: (q) => database.rows(q), end: async () => {} };
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  const dialect = (database.db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect;
  return {
    run: async (q) => {
      const { sql: text, params } = dialect.sqlToQuery(q);
      return (await pool.query(text, params)).rows;
    },
    end: () => pool.end(),
  };
}

async function compareCase(
  ctx: Pick<BenchContext, 'record'>,
  name: string,
  samples: number,
  app: () => Promise<unknown>,
  raw: () => Promise<unknown>,
  rows: number,
) {
  for (let i = 0; i < 2; i++) {
    await app();
    await raw();
  }
  const a: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < samples; i++) {
    a.push((await time(app))[0]);
    s.push((await time(raw))[0]);
  }
  const [a50, s50] = [percentile(a, 50), percentile(s, 50)];
  const ratio = Number((a50 / Math.max(s50, 0.01)).toFixed(2));
  console.log(
    `  ${name.padEnd(34)} app p50 ${a50.toFixed(1).padStart(8)} ms | SQL p50 ${s50.toFixed(1).padStart(8)} ms | ${ratio.toFixed(2)}× | ${rows} rows`,
  );
  ctx.record(`${name}.p50_ms`, a50, 'ms');
  ctx.record(`${name}.sql_p50_ms`, s50, 'ms');
  ctx.record(`${name}.p50_ratio_vs_sql`, ratio, 'x');
}

function expectSame(what: string, app: unknown, raw: unknown) {
  const [x, y] = [JSON.stringify(app), JSON.stringify(raw)];
  if (x !== y) throw new Error(`${what}: the app and the SQL disagree\n  app ${x.slice(0, 600)}\n  sql ${y.slice(0, 600)}`);
}

const n = (v: unknown) => Number(v ?? 0);

export async function campaign(ctx: BenchContext) {
  const database = await ctx.fresh();
  const raw = rawRunner(database);
  try {
    const [seedMs, w] = await time(() => seed(database));
    const [counts] = await database.rows<Record<string, number>>(sql`SELECT
      (SELECT count(*)::int FROM ledger_objects) AS objects, (SELECT count(*)::int FROM campaign_checks) AS checks,
      (SELECT count(*)::int FROM campaign_hazards) AS hazards`);
    console.log(`  ${JSON.stringify(counts)} seeded in ${(seedMs / 1000).toFixed(1)} s`);
    await measure(ctx, database, raw.run, w, ctx.kind === 'postgres' ? 7 : 3);
  } finally {
    await raw.end();
    await database.close();
  }
}

/** The three comparisons on a seeded database (`run`: the baseline's raw executor). */
export async function measure(ctx: Pick<BenchContext, 'record'>, database: Database, run: Raw, w: World, samples: number) {
  const clock = fixedClock(NOW);
  const progress = createCampaignProgressService({ readDb: database.db, clock });
  const field = createCampaignFieldService({ db: database.db, clock });
  const many = (qs: SQL[]) => async () => {
    const out = [];
    for (const q of qs) out.push(await run(q));
    return out;
  };

  // 1. Progress for the township office.
  const progressRaw = async () => [await run(campaignSql(w)), await run(progressSql(w))] as const;
  {
    const got = await progress.progress(w.office, w.campaignId);
    const [, rows] = await progressRaw();
    const totals = rows.filter((r) => r.village === null);
    const figures = (r: Record<string, unknown>, s = '') => ({
      targets: n(r[`targets${s}`]),
      covered: n(r[`covered${s}`]),
      findings: n(r[`findings${s}`]),
      hazards: n(r[`hazards${s}`]),
      hazardsClosed: n(r[`closed${s}`]),
      objectsCleared: n(r[`cleared${s}`]),
    });
    expectSame(
      'progress rounds',
      got.rounds.map(({ targets, covered, findings, hazards, hazardsClosed, objectsCleared, byUnit }) => ({
        targets,
        covered,
        findings,
        hazards,
        hazardsClosed,
        objectsCleared,
        byUnit: byUnit.map((u) => [u.targets, u.covered, u.findings, u.hazards, u.hazardsClosed]),
      })),
      totals.map((r) => ({
        ...figures(r),
        byUnit: w.unitIds.map((u) => Object.values(figures(r, `_${u}`)).slice(0, 5)),
      })),
    );
    expectSame(
      'progress by village',
      got.rounds.map((r) => r.byVillage.map((v) => [v.key, v.name, v.targets, v.covered, v.findings, v.hazards, v.hazardsClosed])),
      [1, 2].map((o) =>
        rows
          .filter((r) => r.ordinal === o && r.village !== null)
          .map((r) => [r.village, r.village_name, ...Object.values(figures(r)).slice(0, 5)]),
      ),
    );
    expectSame('never reached', got.neverReached, n(rows[0]?.never));
    console.log(
      `  progress: ${got.rounds.map((r) => `round ${r.ordinal} ${r.covered}/${r.targets} covered, ${r.hazards} hazards, ${r.hazardsClosed} 销号`).join('; ')}; never reached ${got.neverReached}; cleared ${n(rows[0]?.cleared_all)}`,
    );
    await compareCase(ctx, 'campaign.progress', samples, () => progress.progress(w.office, w.campaignId), progressRaw, rows.length);
  }

  // 2. Round 2's 未检查: the first page and a deep one.
  const query = (page: number) => ({ round: 2, state: 'uncovered', page, pageSize: PAGE_SIZE }) as Parameters<typeof progress.objects>[2];
  const first = await progress.objects(w.office, w.campaignId, query(1));
  const deepPage = Math.floor((first.total * 0.8) / PAGE_SIZE);
  for (const [label, page] of [
    ['campaign.objects_uncovered.first', 1],
    ['campaign.objects_uncovered.deep', deepPage],
  ] as const) {
    const qs = uncoveredSql(w, (page - 1) * PAGE_SIZE);
    const got = await progress.objects(w.office, w.campaignId, query(page));
    const [[total], list] = await many(qs)();
    expectSame(
      `${label} (page ${page})`,
      { total: got.total, ids: got.items.map((i) => i.objectId) },
      { total: n(total?.n), ids: (list ?? []).map((r) => n(r.object_id)) },
    );
    await compareCase(ctx, label, samples, () => progress.objects(w.office, w.campaignId, query(page)), many(qs), got.items.length);
  }
  console.log(`  uncovered in round 2: ${first.total} (${PAGE_SIZE} a page; deep page ${deepPage})`);

  // 3. The phone's work list: a village's grid worker, and the township office (every house, capped).
  for (const [label, who, area] of [
    ['campaign.field_list.village', w.grid, w.gridVillage],
    ['campaign.field_list.township', w.office, TOWN],
  ] as const) {
    const qs = fieldSql(w, area);
    const got = await field.list(who);
    const [, targets] = await many(qs)();
    const mine = got.rounds.find((r) => r.roundId === w.round2);
    expectSame(
      label,
      (mine?.targets ?? []).map((t) => [t.objectId, t.checkId]),
      (targets ?? []).slice(0, campaignFieldTargetCap).map((r) => [n(r.object_id), r.check_id === null ? null : n(r.check_id)]),
    );
    await compareCase(ctx, label, samples, () => field.list(who), many(qs), mine?.targets.length ?? 0);
  }
}
