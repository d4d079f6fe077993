import { creditCodeCheckChar, enterpriseColumns } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { systemClock } from '../src/lib/clock.ts';
import { enterpriseRepo } from '../src/modules/enterprises/enterprise.repo.ts';
import { type BenchContext, percentile, time } from './harness.ts';

const config = loadConfig({ LOG_LEVEL: 'silent', ANZHI_LOGIN_RATE_PER_MINUTE: '100000', ANZHI_DATA_DIR: '/tmp/anzhi-bench-unused' });
const villages = ['东村', '西村', '南塘村', '北山村', '桥头村', '新河村', '镇北社区'];
const domains = ['危险化学品', '工贸、机械', '工贸、纺织', '建筑施工', '商贸', '交通运输', '消防'];

export async function demoApp(ctx: BenchContext): Promise<{ database: Database & { url?: string }; app: FastifyInstance; cookie: string }> {
  const database = await ctx.fresh();
  await seedDemo(database, systemClock);
  const app = await buildApp({ config, database, clock: systemClock, logger: false });
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'anweiban', password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.body}`);
  return { database, app, cookie: String(res.headers['set-cookie']).split(';')[0] as string };
}

const header = (field: string) => enterpriseColumns.find((c) => c.field === field)?.header as string;

/** 10,000 rows under the import's headers; every 20th row (5 %) carries one of five defects. */
async function tenThousandRows(): Promise<Buffer> {
  const fields = [
    'name',
    'creditCode',
    'region',
    'address',
    'principal',
    'principalPhone',
    'industryCode',
    'domains',
    'employees',
    'insuranceExpiry',
  ];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业台账');
  ws.addRow(fields.map(header));
  for (let i = 1; i <= 10_000; i++) {
    const first17 = `91339901MB${String(i).padStart(7, '0')}`;
    const row: (string | number)[] = [
      `基准导入第${i}号企业有限公司`,
      first17 + creditCodeCheckChar(first17),
      villages[i % villages.length] as string,
      `示例镇工业路${i}号`,
      `负责人${i}`,
      `139${String(i).padStart(8, '0')}`,
      i % 2 ? 'C34' : '26',
      domains[i % domains.length] as string,
      i % 300,
      `2027年${1 + (i % 12)}月${1 + (i % 28)}日`,
    ];
    if (i % 20 === 0) {
      const defect = (i / 20) % 5;
      if (defect === 0) row[1] = `${first17}${creditCodeCheckChar(first17) === '0' ? '1' : '0'}`;
      if (defect === 1) row[5] = '12345';
      if (defect === 2) row[2] = '不存在村';
      if (defect === 3) row[9] = '2027年13月1日';
      if (defect === 4) row[7] = '不存在的领域';
    }
    ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(content: Buffer) {
  const boundary = '----anzhibench';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Import of a 10,000-row workbook (5 % bad rows) into the demo township, through HTTP. */
export async function importTenThousand(ctx: BenchContext) {
  const { database, app, cookie } = await demoApp(ctx);
  const file = await tenThousandRows();
  const body = multipart(file);
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const [ms, res] = await time(() =>
    app.inject({ method: 'POST', url: '/api/v1/enterprises/import', headers: { ...body.headers, cookie }, payload: body.payload }),
  );
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const result = res.json();
  if (res.statusCode !== 200 || result.created !== 9_500 || result.errors.length !== 500) {
    throw new Error(`unexpected import result ${res.statusCode} ${res.body.slice(0, 500)}`);
  }
  ctx.record('enterprise.import_10k.seconds', Number((ms / 1000).toFixed(2)), 's');
  ctx.record('enterprise.import_10k.rows_per_s', Math.round(10_000 / (ms / 1000)), 'rows/s');
  ctx.record('enterprise.import_10k.peak_rss_mb', Math.round(peak / 1024 / 1024), 'MB');
  await app.close();
  await database.close();
}

/** 100,000 enterprises spread over the demo villages, inserted in SQL. */
export async function hundredThousand(database: Database) {
  const unitIds = (await database.rows<{ id: number }>(sql`SELECT id FROM units ORDER BY id`)).map((u) => Number(u.id));
  const regionCodes = (await database.rows<{ code: string }>(sql`SELECT code FROM regions WHERE level = 'village' ORDER BY code`)).map(
    (r) => r.code,
  );
  const list = (xs: readonly (string | number)[]) => sql.raw(`ARRAY[${xs.map((x) => (typeof x === 'number' ? x : `'${x}'`)).join(',')}]`);
  await database.rows(sql`
    INSERT INTO enterprises (name, name_key, name_initials, credit_code, address, region_code, status, employees, industry_code,
      domains, flags, risk_level, insurance_expiry, principal, township_leader, unit_supervisor, supervising_unit_id, public_code,
      created_at, updated_at)
    SELECT n, n, (ARRAY['hg','jx','wj','fz','sp','wl','jz','cy'])[1 + g % 8] || 'jzqy' || g, 'B' || lpad(g::text, 17, '0'), '示例镇工业路' || g || '号',
      (${list(regionCodes)})[1 + g % ${regionCodes.length}],
      (ARRAY['operating','operating','operating','suspended','closed'])[1 + g % 5],
      g % 300,
      (ARRAY['26','34','17','47','52','62'])[1 + g % 6],
      ARRAY[(ARRAY['hazardousChemicals','industryTrade','machinery','construction','commerce','fire','transport','textile'])[1 + g % 8]],
      CASE WHEN g % 10 = 0 THEN ARRAY['dustExplosion'] WHEN g % 10 = 1 THEN ARRAY['highRisk','confinedSpace'] ELSE '{}'::text[] END,
      (ARRAY['major','high','medium','low',NULL])[1 + g % 5],
      CASE WHEN g % 3 = 0 THEN NULL ELSE date '2025-06-01' + (g % 720) END,
      '负责人' || g,
      CASE WHEN g % 4 = 0 THEN NULL ELSE '镇领导' || (g % 20) END,
      CASE WHEN g % 5 = 0 THEN NULL ELSE '监管员' || (g % 30) END,
      (${list(unitIds)})[1 + g % ${unitIds.length}],
      'b' || lpad(g::text, 9, '0'),
      now() - make_interval(mins => g), now() - make_interval(mins => g)
    FROM (SELECT g, (ARRAY['化工','机械','五金','纺织','食品','物流','建筑','餐饮'])[1 + g % 8] || '基准企业' || g AS n
          FROM generate_series(1, 100000) g) s`);
  await enterpriseRepo.syncStaleDerived(database.db);
  // A registry that has been in use has an up-to-date visibility map: index-only counts work.
  await database.rows(sql`VACUUM ANALYZE enterprises`);
  return regionCodes;
}

/** Paginated, filtered list calls on 100,000 enterprises, as the 安委办 of the demo township. */
export async function list(ctx: BenchContext) {
  const { database, app, cookie } = await demoApp(ctx);
  const regionCodes = await hundredThousand(database);
  const unit = (await database.rows<{ id: number }>(sql`SELECT id FROM units WHERE name = '示例镇应急管理办公室'`))[0]?.id;
  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  // What a township office does all day: search by name (Chinese or pinyin initials), address, village, domain, risk.
  const queries = [
    '',
    `?${q('化工')}`,
    `?${q('五金基准企业4242')}`,
    `?${q('wjjzqy')}`,
    `?${q('工业路8848')}`,
    `?regionCode=${regionCodes[1]}`,
    `?regionCode=${regionCodes[2]}&riskLevel=high`,
    '?domain=hazardousChemicals',
    '?domain=construction&page=3',
    '?riskLevel=major',
    '?missingInsurance=true',
    '?highRisk=true&missingResponsibles=true',
    '?flags=dustExplosion',
    '?sort=name',
    '?sort=riskLevel&status=operating',
    `?${q('纺织')}&regionCode=${regionCodes[3]}`,
    '?standardisationExpiring=true',
    '?industrySection=C',
    '?missingInsurance=true&domain=transport',
    `?supervisingUnitId=${unit}`,
  ];
  for (const query of queries) await app.inject({ method: 'GET', url: `/api/v1/enterprises${query}`, headers: { cookie } });
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const query = queries[i % queries.length] as string;
    const [ms, res] = await time(() => app.inject({ method: 'GET', url: `/api/v1/enterprises${query}`, headers: { cookie } }));
    if (res.statusCode !== 200) throw new Error(`list ${query} failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    samples.push(ms);
  }
  ctx.record('enterprise.list.p50_ms', percentile(samples, 50), 'ms');
  ctx.record('enterprise.list.p95_ms', percentile(samples, 95), 'ms');
  if (process.env.BENCH_VERBOSE) {
    for (const query of queries) {
      const per: number[] = [];
      for (let i = 0; i < 5; i++)
        per.push((await time(() => app.inject({ method: 'GET', url: `/api/v1/enterprises${query}`, headers: { cookie } })))[0]);
      console.log(`  ${percentile(per, 50).toFixed(1).padStart(7)} ms  ${decodeURIComponent(query)}`);
    }
  }
  await app.close();
  await database.close();
}
