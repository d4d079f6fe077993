// reports.*: 举报 (issue 15) on 50,000 reports over two townships, twenty villages, 2,000 enterprises and 24 months, in
// every status. The office's handling list and the year's statistics through the app beside the same statements replayed
// raw (hazard.bench's `compare`); the public form's submission for an enterprise that already has 200 recent reports
// (the duplicate-candidate search), beside that search and core's choice among the candidates alone.
import { chooseDuplicateOf, reportDeviceHeader, reportSettings, trackingCodeAlphabet } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp, createServices, type Services } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { chinaToday, systemClock } from '../src/lib/clock.ts';
import type { IdentityCipher } from '../src/lib/identity-cipher.ts';
import { configuredStorage } from '../src/lib/storage-configured.ts';
import { enterpriseRepo } from '../src/modules/enterprises/enterprise.repo.ts';
import { reportIntakeRepo } from '../src/modules/reports/report-intake.repo.ts';
import { type BenchContext, percentile, time } from './harness.ts';
import { compare } from './hazard.bench.ts';

const REPORTS = 50_000;
const ENTERPRISES = 2_000;
/** Reports the intake's enterprise received in the last 25 days: all of them duplicate candidates (window 30 days). */
const RECENT = 200;
/** Every 15th report is named (实名): about 3,300 SM4 names and phones. */
const NAMED_EVERY = 15;
const SUBMISSIONS = 60;
const config = loadConfig({ LOG_LEVEL: 'silent', ANZHI_LOGIN_RATE_PER_MINUTE: '100000', ANZHI_DATA_DIR: '/tmp/anzhi-bench-unused' });

const county = '339901000000';
const town1 = '339901100000';
const town2 = '339901101000';
/** The demo township's eight villages, two more of its own, and ten of a second township: twenty. */
const extraVillages1 = ['339901100207', '339901100208'];
const villages2 = Array.from({ length: 10 }, (_, k) => `3399011012${String(k + 1).padStart(2, '0')}`);

/** What people report, for descriptions a text search can tell apart (消防通道 in one of twenty). */
const topics = [
  '车间消防通道堵塞，货物堆放占用安全出口',
  '灭火器过期未更换，消火栓被遮挡',
  '配电箱未接地，电线私拉乱接',
  '粉尘作业场所未及时清扫，除尘器没有开',
  '有限空间作业未审批，没有人监护',
  '危险化学品与普通货物混放',
  '新员工未经安全培训就上岗',
  '叉车司机无证驾驶',
  '宿舍和仓库在同一栋楼里，晚上有人住',
  '夜间违规动火作业，没有看火人',
  '冲床光电保护装置被拆掉',
  '脚手架搭设不规范，工人不系安全带',
  '燃气管道老化，经常闻到气味',
  '上个月有工人受伤，企业没有上报',
  '安全警示标志缺失',
  '应急照明和疏散指示损坏',
  '喷漆房没有通风设施，气味很大',
  '气瓶没有固定，放在火源旁边',
  '锅炉很久没有检验',
  '外包施工人员不戴安全帽',
];
const places = [
  '一号车间',
  '二号车间',
  '成品仓库',
  '原料仓库',
  '食堂',
  '宿舍楼',
  '办公楼',
  '锅炉房',
  '危化品库',
  '喷漆房',
  '厂区道路',
  '后门',
  '屋顶',
];
const texts = (list: readonly string[]) => sql.raw(`ARRAY[${list.map((t) => `'${t}'`).join(', ')}]`);

/** A tracking code of the right form (JB + ten of the alphabet): JBBENCH and `n` in five base-31 digits. */
const trackingCode = (n: string) =>
  sql.raw(
    `'JBBENCH' || ${[4, 3, 2, 1, 0].map((k) => `substr('${trackingCodeAlphabet}', 1 + ((${n}) / ${31 ** k} % 31)::int, 1)`).join(' || ')}`,
  );

/** The China day a received_at falls on. */
const chinaDay = (col: string) => sql.raw(`((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`);

interface World {
  /** The enterprise of the intake: its public code, region and id. */
  target: { id: number; publicCode: string; regionCode: string };
  officeReports: number;
  unitReports: number;
}

/**
 * The demo township (accounts, units, its ~200 enterprises and its few demo reports), a second township with two units,
 * twenty villages in all, enterprises up to 2,000 and reports up to 50,000 — set-based, in SQL.
 */
async function seed(database: Database, identity: IdentityCipher, now: Date): Promise<World> {
  const today = chinaToday(now);
  await seedDemo(database, systemClock, { identity });
  await database.rows(sql`
    INSERT INTO regions (code, name, level, parent_code, created_at) VALUES
      (${town2}, '示例二镇', 'township', ${county}, now()),
      (${extraVillages1[0]}, '东岙村', 'village', ${town1}, now()),
      (${extraVillages1[1]}, '西岙村', 'village', ${town1}, now())`);
  for (const [k, code] of villages2.entries())
    await database.rows(
      sql`INSERT INTO regions (code, name, level, parent_code, created_at) VALUES (${code}, ${`二镇第${k + 1}村`}, 'village', ${town2}, now())`,
    );
  await database.rows(sql`
    INSERT INTO units (name, region_code, kind, industries, created_at, updated_at) VALUES
      ('示例二镇应急管理办公室', ${town2}, 'regulator', ARRAY['industryTrade','hazardousChemicals'], now(), now()),
      ('示例二镇市场监督管理所', ${town2}, 'regulator', ARRAY['commerce','specialEquipment'], now(), now())`);
  const ids = async (q: ReturnType<typeof sql>) => (await database.rows<{ id: number }>(q)).map((r) => Number(r.id));
  const units1 = await ids(sql`SELECT id FROM units WHERE region_code = ${town1} ORDER BY id`);
  const units2 = await ids(sql`SELECT id FROM units WHERE region_code = ${town2} ORDER BY id`);
  const villages1 = (
    await database.rows<{ code: string }>(sql`SELECT code FROM regions WHERE level = 'village' AND parent_code = ${town1} ORDER BY code`)
  ).map((r) => r.code);
  const villages = [...villages1, ...villages2];
  if (villages.length !== 20) throw new Error(`expected 20 villages, have ${villages.length}`);

  // Enterprises: the demo's, then as many again in each township up to 2,000 (1,000 a township).
  const [{ existing }] = await database.rows<{ existing: number }>(sql`SELECT count(*)::int AS existing FROM enterprises`);
  const ints = (xs: number[]) => sql.raw(`ARRAY[${xs.join(',')}]`);
  for (const [town, vs, us, count] of [
    [1, villages1, units1, ENTERPRISES / 2 - Number(existing)],
    [2, villages2, units2, ENTERPRISES / 2],
  ] as const) {
    await database.rows(sql`
      INSERT INTO enterprises (name, name_key, region_code, status, employees, industry_code, domains, principal,
        supervising_unit_id, public_code, created_at, updated_at)
      SELECT n, n, (${texts(vs)})[1 + g % ${vs.length}], 'operating', g % 300, (ARRAY['26','34','17','47','52','62'])[1 + g % 6],
        ARRAY[(ARRAY['hazardousChemicals','industryTrade','machinery','construction','commerce','fire','transport','textile'])[1 + g % 8]],
        '负责人' || g, (${ints([...us])})[1 + g % ${us.length}], ${sql.raw(`'rb${town}'`)} || lpad(g::text, 6, '0'), now(), now()
      FROM (SELECT g, (ARRAY['化工','机械','五金','纺织','食品','物流','建筑','餐饮'])[1 + g % 8] || ${sql.raw(`'${town}镇基准企业'`)} || g AS n
            FROM generate_series(1, ${count}) g) s`);
  }
  await enterpriseRepo.syncStaleDerived(database.db);

  const [{ base, before, entCount }] = await database.rows<{ base: number; before: number; entCount: number }>(
    sql`SELECT coalesce(max(id), 0)::int AS base, count(*)::int AS before, (SELECT count(*)::int FROM enterprises) AS "entCount" FROM reports`,
  );
  const n = REPORTS - Number(before) - RECENT;
  const verifyDays = reportSettings.defaults.verifyDays;
  const start = '2025-01-01T00:00:00+08:00';
  const end = new Date(now.getTime() - 3_600_000).toISOString();
  const secretHash = identity.digest('secret', 'bench');
  // Each report at an enterprise (row number 1 + g % 2,000, so g − 2,000 is the same enterprise: what a merged one
  // points to) or, one in ten, at a village only; received evenly from January 2025 to an hour ago; the status by age.
  await database.rows(sql`
    INSERT INTO reports (id, tracking_code, secret_hash, channel, source, matter, description, place, enterprise_id, enterprise_name,
      region_code, industry_code, domains, assigned_unit_id, status, received_at, accepted_on, due_on, extended_days,
      extension_reason, decided_on, outcome_note, feedback_at, reject_reason, duplicate_of_id, created_at, updated_at)
    SELECT ${Number(base)} + g, ${trackingCode('g')}, ${secretHash},
      CASE WHEN g % 10 = 7 THEN 'internal' ELSE 'public' END,
      (ARRAY['online','online','online','online','online','online','online','hotline','hotline','letter','visit','email'])[1 + g % 12],
      CASE WHEN s.status = 'received' AND g % 3 = 0 THEN NULL
           ELSE (ARRAY['hazard','hazard','hazard','violation','violation','majorHazard','concealedAccident'])[1 + g % 7] END,
      '举报' || v.place || (${texts(topics)})[1 + g % ${topics.length}] || '，已经' || (1 + g % 12) || '周了，请尽快处理（' || g || '）',
      v.place, e.id, CASE WHEN e.id IS NULL AND g % 3 = 0 THEN '无名小作坊' || (g % 50) END,
      coalesce(e.region_code, v.village), e.industry_code, coalesce(e.domains, '{}'::text[]),
      CASE WHEN e.id IS NOT NULL THEN e.supervising_unit_id WHEN s.status = 'received' THEN NULL
           WHEN v.village LIKE '3399011012%' THEN ${units2[0]} ELSE ${units1[0]} END,
      s.status, r.received_at, a.accepted_on, a.accepted_on + (${verifyDays} + a.ext), a.ext,
      CASE WHEN a.ext > 0 THEN '涉及多个部门，需联合核查' END,
      d.decided_on, CASE WHEN d.decided_on IS NOT NULL THEN '现场核查情况说明' END,
      CASE WHEN d.decided_on IS NOT NULL AND g % 9 <> 0 THEN least(${now.toISOString()}::timestamptz, (d.decided_on + 2)::timestamptz) END,
      CASE WHEN s.status = 'rejected' THEN '不属于安全生产举报受理范围' END,
      CASE WHEN s.status = 'merged' THEN ${Number(base)} + g - ${ENTERPRISES} END,
      r.received_at, r.received_at
    FROM generate_series(1, ${n}) g
    CROSS JOIN LATERAL (SELECT (${texts(villages)})[1 + g % 20] AS village, (${texts(places)})[1 + g % ${places.length}] AS place,
      (g * 37) % 100 AS h) v
    LEFT JOIN (SELECT id, region_code, industry_code, domains, supervising_unit_id, row_number() OVER (ORDER BY id) AS rn FROM enterprises) e
      ON g % 10 <> 3 AND e.rn = 1 + g % ${Number(entCount)}
    CROSS JOIN LATERAL (SELECT ${start}::timestamptz + (g::float8 / ${n}) * (${end}::timestamptz - ${start}::timestamptz) AS received_at) r
    CROSS JOIN LATERAL (SELECT ${chinaDay('r.received_at')} AS rd, ${today}::date - ${chinaDay('r.received_at')} AS age) t
    CROSS JOIN LATERAL (SELECT CASE WHEN st = 'merged' AND g <= ${ENTERPRISES} THEN 'rejected' ELSE st END AS status FROM (SELECT
      CASE
        WHEN t.age < 7 THEN CASE WHEN v.h < 80 THEN 'received' WHEN v.h < 90 THEN 'verifying' ELSE 'rejected' END
        WHEN t.age < 60 THEN CASE WHEN v.h < 3 THEN 'received' WHEN v.h < 70 THEN 'verifying' WHEN v.h < 80 THEN 'founded'
          WHEN v.h < 90 THEN 'unfounded' WHEN v.h < 95 THEN 'rejected' ELSE 'merged' END
        WHEN t.age < 150 THEN CASE WHEN v.h < 25 THEN 'verifying' WHEN v.h < 55 THEN 'founded' WHEN v.h < 85 THEN 'unfounded'
          WHEN v.h < 93 THEN 'rejected' ELSE 'merged' END
        ELSE CASE WHEN v.h < 1 THEN 'verifying' WHEN v.h < 35 THEN 'founded' WHEN v.h < 80 THEN 'unfounded'
          WHEN v.h < 92 THEN 'rejected' ELSE 'merged' END
      END AS st) x) s
    CROSS JOIN LATERAL (SELECT
      CASE WHEN s.status IN ('verifying', 'founded', 'unfounded') THEN least(${today}::date, t.rd + 1 + g % 4) END AS accepted_on,
      CASE WHEN s.status = 'verifying' AND g % 7 = 0 THEN 30 ELSE 0 END AS ext) a
    CROSS JOIN LATERAL (SELECT
      CASE WHEN s.status IN ('founded', 'unfounded') THEN least(${today}::date, a.accepted_on + 5 + g % 50) END AS decided_on) d`);

  // The intake's enterprise (the first bench enterprise of the demo township) and its 200 reports of the last 25 days.
  const [target] = await database.rows<{ id: number; publicCode: string; regionCode: string }>(
    sql`SELECT id, public_code AS "publicCode", region_code AS "regionCode" FROM enterprises WHERE public_code = 'rb1000001'`,
  );
  if (!target) throw new Error('no intake enterprise');
  const recentBase = Number(base) + n;
  await database.rows(sql`
    INSERT INTO reports (id, tracking_code, secret_hash, channel, source, matter, description, place, enterprise_id, region_code,
      industry_code, domains, assigned_unit_id, status, received_at, accepted_on, due_on, created_at, updated_at)
    SELECT ${recentBase} + i, ${trackingCode('1000000 + i')}, ${secretHash}, 'public', 'online', 'hazard',
      (${texts(places)})[1 + i % ${places.length}] || (${texts(topics)})[1 + (i * 7) % ${topics.length}] || '（第' || i || '次反映）',
      (${texts(places)})[1 + i % ${places.length}], e.id, e.region_code, e.industry_code, e.domains, e.supervising_unit_id,
      s.status, r.received_at, CASE WHEN s.status <> 'received' THEN ${chinaDay('r.received_at')} + 1 END,
      CASE WHEN s.status <> 'received' THEN ${chinaDay('r.received_at')} + ${1 + verifyDays}::int END, r.received_at, r.received_at
    FROM generate_series(1, ${RECENT}) i
    JOIN enterprises e ON e.id = ${target.id}
    CROSS JOIN LATERAL (SELECT ${now.toISOString()}::timestamptz - make_interval(mins => 10 + i * 180) AS received_at) r
    CROSS JOIN LATERAL (SELECT CASE WHEN i <= 40 THEN 'received' WHEN i % 5 = 0 THEN 'unfounded' ELSE 'verifying' END AS status) s`);
  await database.rows(sql`SELECT setval(pg_get_serial_sequence('reports', 'id'), ${recentBase + RECENT})`);

  // 实名: SM4 names and phones (a quarter phone only), as the intake encrypts them.
  const named = Math.floor((n + RECENT) / NAMED_EVERY);
  const identities = Array.from({ length: named }, (_, k) => [
    k % 4 === 0 ? null : identity.encrypt(`举报人${k}`),
    identity.encrypt(`139${String(k).padStart(8, '0')}`),
  ]);
  await database.rows(sql`
    UPDATE reports r SET reporter_name_enc = x.value->>0, reporter_phone_enc = x.value->>1, named = true
    FROM jsonb_array_elements(${JSON.stringify(identities)}::jsonb) WITH ORDINALITY AS x(value, ord)
    WHERE r.id = ${Number(base)} + x.ord * ${NAMED_EVERY}`);

  // Rewards of one founded report in four: proposed, approved, paid, declined.
  await database.rows(sql`
    INSERT INTO report_rewards (report_id, region_code, status, rule, figures, computed_amount, amount, proposed_at, decided_at,
      notified_on, claim_due_on, paid_on, created_at, updated_at)
    SELECT r.id, r.region_code, w.st, '按罚款金额 15% 计奖', '{}'::jsonb, 3000, CASE WHEN w.st IN ('approved', 'paid') THEN 3000 END,
      (r.decided_on + 1)::timestamptz, CASE WHEN w.st <> 'proposed' THEN (r.decided_on + 5)::timestamptz END,
      CASE WHEN w.st IN ('approved', 'paid') THEN r.decided_on + 6 END, CASE WHEN w.st IN ('approved', 'paid') THEN r.decided_on + 66 END,
      CASE WHEN w.st = 'paid' THEN r.decided_on + 20 END, now(), now()
    FROM reports r CROSS JOIN LATERAL (SELECT (ARRAY['proposed','approved','paid','paid','declined'])[1 + r.id % 5] AS st) w
    WHERE r.id > ${Number(base)} AND r.status = 'founded' AND r.id % 4 = 0 AND r.decided_on + 20 <= ${today}::date`);
  // A ledger in use has an up-to-date visibility map and statistics (as enterprise.bench's registry).
  await database.rows(sql`VACUUM ANALYZE reports`);
  await database.rows(sql`VACUUM ANALYZE report_rewards`);
  await database.rows(sql`VACUUM ANALYZE enterprises`);

  const [counts] = await database.rows<{ total: number; office: number; unit: number }>(sql`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE region_code LIKE '339901100%')::int AS office,
      count(*) FILTER (WHERE assigned_unit_id = (SELECT id FROM units WHERE name = '示例镇应急管理办公室')
        AND region_code LIKE '339901100%')::int AS unit
    FROM reports`);
  if (Number(counts?.total) !== REPORTS) throw new Error(`expected ${REPORTS} reports, have ${counts?.total}`);
  return { target, officeReports: Number(counts?.office), unitReports: Number(counts?.unit) };
}

/** The app over the seeded database (its services made first: the seed encrypts with the module's cipher). */
async function reportsApp(database: Database, services: Services) {
  const app = await buildApp({ config, database, clock: systemClock, logger: false, services });
  const cookieOf = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed ${res.body}`);
    return String(res.headers['set-cookie']).split(';')[0] as string;
  };
  return { app, cookieOf };
}

/** A path for `compare` that is sent as the unit account (compare takes one caller; the prefix picks the session). */
const AS_UNIT = 'unit:';

/** The public form as the phone page posts it (test/report-kit.ts `publicReportRequest`, without photos). */
function publicReport(fields: Record<string, string>, client: { ip: string; device: string }) {
  const boundary = `----anzhibench${Math.random().toString(16).slice(2)}`;
  const body = Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  return {
    method: 'POST' as const,
    url: '/api/v1/public/reports',
    payload: Buffer.from(`${body}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, [reportDeviceHeader]: client.device },
    remoteAddress: client.ip,
  };
}

/** 举报 on 50,000 reports: the handling list and the statistics (API vs the same SQL), then the public intake. */
export async function ledger(ctx: BenchContext) {
  const database = await ctx.fresh();
  const services = createServices({ database, clock: systemClock, storage: configuredStorage(config) });
  const now = systemClock.now();
  let app: Awaited<ReturnType<typeof reportsApp>>['app'] | undefined;
  let pool: pg.Pool | undefined;
  try {
    const [seedMs, world] = await time(() => seed(database, services.reportModule.identity, now));
    console.log(
      `  ${REPORTS.toLocaleString('en')} reports seeded in ${(seedMs / 1000).toFixed(1)} s ` +
        `(the office sees ${world.officeReports.toLocaleString('en')}, the unit ${world.unitReports.toLocaleString('en')})`,
    );
    const made = await reportsApp(database, services);
    app = made.app;
    // The replay pool: on PostgreSQL one like the server's (10), as hazard.bench; the embedded database has one
    // connection, reached only through the server's own pool, so the replayed statements queue there as the request's do.
    pool =
      ctx.kind === 'postgres'
        ? new pg.Pool({ connectionString: database.url, max: 10 })
        : (database.db as unknown as { $client: pg.Pool }).$client;
    const office = await made.cookieOf('anweiban');
    const unit = await made.cookieOf('yingji');
    const inject = made.app.inject.bind(made.app);
    const call = (path: string) =>
      path.startsWith(AS_UNIT)
        ? inject({ method: 'GET', url: path.slice(AS_UNIT.length), headers: { cookie: unit } })
        : inject({ method: 'GET', url: path, headers: { cookie: office } });

    const ledgerCases = [
      { label: 'default', path: '/api/v1/reports' },
      { label: 'verifying_overdue', path: '/api/v1/reports?status=verifying&overdue=true' },
      // The slow path: ILIKE on description, place, names and code, and the enterprises whose name matches.
      { label: 'q_xiaofangtongdao', path: `/api/v1/reports?q=${encodeURIComponent('消防通道')}` },
      { label: 'unit_default', path: `${AS_UNIT}/api/v1/reports` },
    ];
    const totals: string[] = [];
    for (const c of ledgerCases) totals.push(`${c.label} ${(await call(c.path)).json().total}`);
    console.log(`  list totals: ${totals.join(', ')}`);
    await compare(ctx, 'reports.ledger', ledgerCases, 20, call, pool);

    const year = Number(chinaToday(now).slice(0, 4));
    const statsCases = [
      { label: 'this_year', path: `/api/v1/report-stats?year=${year}` },
      { label: 'last_year', path: `/api/v1/report-stats?year=${year - 1}` },
    ];
    const t = (await call(statsCases[0]?.path as string)).json().totals;
    console.log(`  stats ${year}: received ${t?.received?.value}, open ${t?.open?.value}, overdue ${t?.overdue?.value}`);
    await compare(ctx, 'reports.stats', statsCases, 10, call, pool);

    await intake(ctx, database, made.app, world, now);
  } finally {
    if (ctx.kind === 'postgres') await pool?.end();
    await app?.close();
    await database.close();
  }
}

/**
 * POST /api/v1/public/reports for the enterprise with 200 reports in the duplicate window, no photo, each submission from
 * its own address and device (the limits count per address and device: none is reached). Beside it the candidate search
 * alone (the repo's statement) and core's choice among the candidates.
 */
async function intake(ctx: BenchContext, database: Database, app: Awaited<ReturnType<typeof reportsApp>>['app'], world: World, now: Date) {
  const { target } = world;
  const submit = (i: number) =>
    app.inject(
      publicReport(
        {
          description: `${places[i % places.length]}${topics[(i * 3) % topics.length]}，工人都知道，请来查一下（${i}）`,
          place: places[i % places.length] as string,
          enterprisePublicCode: target.publicCode,
          matter: 'hazard',
          ...(i % 2 ? { reporterName: `基准举报人${i}`, reporterPhone: `138${String(i).padStart(8, '0')}` } : {}),
        },
        { ip: `10.77.${Math.floor(i / 250)}.${1 + (i % 250)}`, device: `bench-device-${i}` },
      ),
    );
  const samples: number[] = [];
  for (let i = 0; i < SUBMISSIONS + 5; i++) {
    const [ms, res] = await time(() => submit(i));
    if (res.statusCode !== 201) throw new Error(`submission ${i}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i >= 5) samples.push(ms);
  }
  const [linked] = await database.rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM reports WHERE enterprise_id = ${target.id} AND source = 'online' AND duplicate_of_id IS NOT NULL
          AND received_at > ${new Date(now.getTime() - 3_600_000).toISOString()}::timestamptz`,
  );
  console.log(`  intake: ${SUBMISSIONS + 5} submissions, ${linked?.n} linked to an earlier report as duplicates`);
  ctx.record('reports.intake.p50_ms', percentile(samples, 50), 'ms');
  ctx.record('reports.intake.p95_ms', percentile(samples, 95), 'ms');

  const config = reportSettings.defaults;
  const window = () => {
    const to = new Date();
    return { enterpriseId: target.id, regionCode: target.regionCode, from: new Date(to.getTime() - config.duplicateDays * 86_400_000), to };
  };
  const search: number[] = [];
  let candidates = await reportIntakeRepo.duplicateCandidates(database.db, window());
  for (let i = 0; i < 20; i++) {
    const [ms, rows] = await time(() => reportIntakeRepo.duplicateCandidates(database.db, window()));
    search.push(ms);
    candidates = rows;
  }
  const mine = {
    enterpriseId: target.id,
    regionCode: target.regionCode,
    place: places[0] as string,
    description: `${places[0]}${topics[0]}，工人都知道，请来查一下`,
    receivedAt: new Date().toISOString(),
  };
  const list = candidates.map((c) => ({ ...c, receivedAt: c.receivedAt.toISOString() }));
  const choose: number[] = [];
  for (let i = 0; i < 20; i++) choose.push((await time(async () => chooseDuplicateOf(mine, list, config)))[0]);
  console.log(`  intake: ${candidates.length} duplicate candidates`);
  ctx.record('reports.intake.candidates', candidates.length, 'n');
  ctx.record('reports.intake.candidates_sql_p50_ms', percentile(search, 50), 'ms');
  ctx.record('reports.intake.choose_duplicate_p50_ms', percentile(choose, 50), 'ms');
}
