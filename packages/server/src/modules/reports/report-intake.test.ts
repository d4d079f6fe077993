import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportPhotoMax, reportPhotoMaxBytes, reportSettings, trackingCodePattern } from '@anzhi/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, countRows, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { makeReport, publicReportRequest } from '../../../test/report-kit.ts';
import { createDiskStorage } from '../../lib/storage.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { files } from '../files/file.table.ts';
import { reportEvents, reports } from './report.table.ts';

const fixtures = path.join(import.meta.dirname, '../../../test/fixtures/files');
const jpeg = fs.readFileSync(path.join(fixtures, 'phone-rotated.jpg'));
const png = fs.readFileSync(path.join(fixtures, 'screenshot.png'));
const notPhoto = fs.readFileSync(path.join(fixtures, 'not-a-photo.jpg'));
const pdf = fs.readFileSync(path.join(fixtures, 'evidence.pdf'));

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let factory: EnterpriseRow;
let filesDir: string;
let ipSerial = 0;
/** Each test submits from its own address, so the limits of one do not spill into another. */
const freshIp = () => `198.51.100.${++ipSerial}`;

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-report-files-'));
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'), {}, { storage: createDiskStorage(filesDir) });
  org = await seedOrg(t.database);
  factory = await makeEnterprise(t.database, {
    name: '示例镇甲五金厂',
    regionCode: codes.village1,
    industryCode: 'C33',
    domains: ['industryTrade'],
    supervisingUnitId: org.units.market.id,
  });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const storedFiles = () => fs.readdirSync(filesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
const submit = (fields: Record<string, string>, photos: Buffer[] = [], client: { ip?: string; device?: string } = {}) =>
  t.app.inject(publicReportRequest(fields, photos, { ip: client.ip ?? freshIp(), device: client.device }));
const statusOf = (code: string, secret?: string, ip = freshIp()) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/public/reports/${code}`,
    headers: secret === undefined ? {} : { 'x-report-secret': secret },
    remoteAddress: ip,
  });
const rowOf = async (trackingCode: string) => {
  const [row] = await t.database.db.select().from(reports).where(eq(reports.trackingCode, trackingCode));
  if (!row) throw new Error(`no report ${trackingCode}`);
  return row;
};
async function setLimits(limits: Partial<typeof reportSettings.defaults.limits>, township = codes.town) {
  const value = { ...reportSettings.defaults, limits: { ...reportSettings.defaults.limits, ...limits } };
  await t.database.rows(sql`DELETE FROM settings WHERE region_code = ${township} AND key = 'report'`);
  await t.database.rows(
    sql`INSERT INTO settings (region_code, key, value, updated_at) VALUES (${township}, 'report', ${JSON.stringify(value)}::jsonb, now())`,
  );
}

describe('POST /api/v1/public/reports — the receipt and what is stored', () => {
  it('an anonymous report at the enterprise of a QR code, with a photo: 201 {trackingCode, secret}; registry data copied', async () => {
    const res = await submit(
      { description: '车间消防通道堆满货物，灭火器过期', enterprisePublicCode: factory.publicCode, matter: 'hazard' },
      [jpeg],
    );
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt.trackingCode).toMatch(trackingCodePattern);
    expect(receipt.secret).toMatch(/^[2-9A-HJKMNP-Z]{16,}$/);
    expect(receipt.receivedAt).toBe('2026-03-02T01:00:00.000Z');
    const row = await rowOf(receipt.trackingCode);
    expect(row).toMatchObject({
      channel: 'public',
      source: 'online',
      status: 'received',
      enterpriseId: factory.id,
      regionCode: codes.village1,
      industryCode: 'C33',
      domains: ['industryTrade'],
      assignedUnitId: org.units.market.id,
      named: false,
      reporterNameEnc: null,
      reporterPhoneEnc: null,
      duplicateOfId: null,
    });
    // The secret is kept only as a keyed digest.
    expect(row.secretHash).toBe(t.services.reportModule.identity.digest('secret', receipt.secret));
    expect(JSON.stringify(row)).not.toContain(receipt.secret);
    const photos = await t.database.db.select().from(files).where(eq(files.ownerId, row.id));
    expect(photos.filter((f) => f.ownerType === 'report')).toEqual([
      expect.objectContaining({ mime: 'image/jpeg', uploadedBy: null, originalName: '举报照片1.jpg' }),
    ]);
    const events = await t.database.db.select().from(reportEvents).where(eq(reportEvents.reportId, row.id));
    expect(events.map((e) => e.kind)).toEqual(['received']);
    const [audit] = await t.database.rows<{ ip: string | null; actor_user_id: number | null; action: string }>(
      sql`SELECT ip, actor_user_id, action FROM audit_events WHERE entity_type = 'report' AND entity_id = ${String(row.id)}`,
    );
    expect(audit).toEqual({ ip: null, actor_user_id: null, action: 'submit' });
  });

  it('the receipt’s secret opens the status; the enterprise name is shown, nothing internal', async () => {
    const receipt = (await submit({ description: '仓库里堆放大量油漆稀料，没有通风', enterprisePublicCode: factory.publicCode })).json();
    const res = await statusOf(receipt.trackingCode, receipt.secret);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      trackingCode: receipt.trackingCode,
      status: 'received',
      statusLabel: '已收到，等待受理',
      internal: false,
      receivedAt: receipt.receivedAt,
      acceptedOn: null,
      dueOn: null,
      extendedDays: 0,
      extensionReason: null,
      decidedOn: null,
      enterpriseName: '示例镇甲五金厂',
      messages: [],
      canReply: false,
      reward: null,
    });
    // Spaces, dashes and lower case are forgiven in the code as typed.
    const typed = `${receipt.trackingCode.slice(0, 6)}-${receipt.trackingCode.slice(6)}`.toLowerCase();
    expect((await statusOf(typed, receipt.secret)).statusCode).toBe(200);
  });

  it('a report without an enterprise names a village of the platform; named reports are encrypted', async () => {
    const res = await submit({
      description: '村口废品收购站晚上焚烧电线，浓烟很大',
      regionCode: codes.village2,
      place: '西村村口废品收购站',
      reporterName: '王小明',
      reporterPhone: '13912345678',
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await rowOf(res.json().trackingCode);
    expect(row).toMatchObject({ enterpriseId: null, regionCode: codes.village2, assignedUnitId: null, named: true });
    const identity = t.services.reportModule.identity;
    expect(row.reporterNameEnc).not.toContain('王小明');
    expect(identity.decrypt(row.reporterNameEnc as string)).toBe('王小明');
    expect(identity.decrypt(row.reporterPhoneEnc as string)).toBe('13912345678');
  });

  it('内部吹哨人: internal needs an enterprise, and reaches the township as channel internal', async () => {
    const without = await submit({ description: '老板让我们关掉可燃气体报警器继续干活', internal: 'true', regionCode: codes.village1 });
    expect(without.statusCode).toBe(400);
    expect(without.json().message).toMatch(/^企业公示码：内部举报须选择/);
    const res = await submit({
      description: '老板让我们关掉可燃气体报警器继续干活',
      internal: 'true',
      enterprisePublicCode: factory.publicCode,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await rowOf(res.json().trackingCode)).channel).toBe('internal');
    const status = await statusOf(res.json().trackingCode, res.json().secret);
    expect(status.json().internal).toBe(true);
  });

  it('bad fields → 400 naming the field in the reporter’s words; nothing is written', async () => {
    const before = await countRows(t.database, 'reports');
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ description: '太差', regionCode: codes.village1 }, /^问题描述：请描述您要反映的问题/],
      [{ description: '消防通道堵塞严重' }, /^所在村（社区）：未选择企业时/],
      [{ description: '消防通道堵塞严重', regionCode: codes.town }, /^所在村（社区）：不是本平台的村（社区）/],
      [{ description: '消防通道堵塞严重', regionCode: '12345' }, /^所在村（社区）：所在村（社区）编码应为 12 位数字/],
      [{ description: '消防通道堵塞严重', enterprisePublicCode: 'nosuchcode1' }, /^企业公示码：未找到该企业/],
      [{ description: '消防通道堵塞严重', enterpriseId: '999999' }, /^企业：未找到该企业/],
      [{ description: '消防通道堵塞严重', regionCode: codes.village1, reporterPhone: '12345' }, /^联系电话：/],
      [{ description: '消防通道堵塞严重', regionCode: codes.village1, internal: 'maybe' }, /^内部举报：应为 true 或 false/],
      [{ description: '消防通道堵塞严重', regionCode: codes.village1, matter: 'gossip' }, /^问题类别：问题类别不正确/],
    ];
    for (const [fields, message] of cases) {
      const res = await submit(fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.json().message, JSON.stringify(fields)).toMatch(message);
    }
    expect(await countRows(t.database, 'reports')).toBe(before);
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: { description: '消防通道堵塞严重' } });
    expect(json.statusCode).toBe(415);
  });

  it('photos: checked by their bytes, at most 6, each at most 8 MB; a bad one is named and nothing is kept', async () => {
    const reportsBefore = await countRows(t.database, 'reports');
    const filesBefore = await countRows(t.database, 'files');
    const bytesBefore = storedFiles();
    const fields = { description: '锅炉房压力表坏了还在烧', enterprisePublicCode: factory.publicCode };
    const renamed = await submit(fields, [jpeg, notPhoto]);
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().message).toMatch(/^照片：第 2 张（IMG_2\.jpg）无法使用——文件类型不支持/);
    const asPdf = await submit(fields, [pdf]);
    expect(asPdf.statusCode).toBe(400);
    expect(asPdf.json()).toMatchObject({ code: 'file.not_a_photo' });
    const tooMany = await submit(
      fields,
      Array.from({ length: reportPhotoMax + 1 }, () => jpeg),
    );
    expect(tooMany.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooMany.statusCode).toBeLessThan(500);
    expect(tooMany.json().message).toBe(`照片：最多上传 ${reportPhotoMax} 张`);
    const huge = Buffer.concat([jpeg, Buffer.alloc(reportPhotoMaxBytes)]);
    const tooLarge = await submit(fields, [huge]);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().message).toMatch(/^照片：第 1 张超过 8 MB/);
    expect(await countRows(t.database, 'reports')).toBe(reportsBefore);
    expect(await countRows(t.database, 'files')).toBe(filesBefore);
    expect(storedFiles()).toBe(bytesBefore);
    // Six photos of two kinds pass, re-encoded as JPEG.
    const six = await submit(fields, [jpeg, png, jpeg, png, jpeg, png]);
    expect(six.statusCode, six.body).toBe(201);
    expect(await countRows(t.database, 'files')).toBe(filesBefore + 6);
  });
});

describe('public look-ups for the form', () => {
  it('the enterprise of a QR code: name, region name and public code only', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/report-enterprises/${factory.publicCode}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: '示例镇甲五金厂', regionName: '东村', publicCode: factory.publicCode });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/public/report-enterprises/nosuchcode1' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('report.enterprise_not_found');
  });

  it('search by name: at least 2 characters, at most 10 results, nothing but name, region and code', async () => {
    for (let i = 0; i < 12; i++) await makeEnterprise(t.database, { name: `示例镇搜索测试厂${i}`, regionCode: codes.village2 });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/report-enterprises?q=${encodeURIComponent('搜索测试')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(10);
    expect(Object.keys(res.json()[0]).sort()).toEqual(['name', 'publicCode', 'regionName']);
    const short = await t.app.inject({ method: 'GET', url: `/api/v1/public/report-enterprises?q=${encodeURIComponent('甲')}` });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toMatch(/^关键词：请至少输入 2 个字/);
    const percent = await t.app.inject({ method: 'GET', url: '/api/v1/public/report-enterprises?q=%25%25' });
    expect(percent.json()).toEqual([]);
  });

  it('the villages and communities, with their township', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/report-regions' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { code: codes.village1, name: '东村', townshipName: '示例镇' },
      { code: codes.village2, name: '西村', townshipName: '示例镇' },
      { code: codes.otherVillage, name: '邻村', townshipName: '邻镇' },
    ]);
  });
});

describe('the tracking code and secret', () => {
  it('a wrong or missing secret is 404, the same as an unknown code; the limit then answers 429, even to the right secret', async () => {
    await setLimits({ wrongSecretsPerHour: 3 }, codes.otherTown);
    const outside = await makeEnterprise(t.database, { name: '邻镇乙厂', regionCode: codes.otherVillage });
    const receipt = (await submit({ description: '夜里偷偷开工生产烟花，没有许可证', enterprisePublicCode: outside.publicCode })).json();
    const unknown = await statusOf('JB2345678923', receipt.secret);
    const wrong = await statusOf(receipt.trackingCode, 'WRONGSECRET2345678');
    const missing = await statusOf(receipt.trackingCode);
    for (const res of [unknown, wrong, missing]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'report.not_found', message: '查询码或查询密码不正确' });
    }
    // Per code: three wrong secrets from three addresses, then the right one from a fourth is refused.
    await statusOf(receipt.trackingCode, 'WRONGSECRET2345679');
    const limited = await statusOf(receipt.trackingCode, receipt.secret);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'report.too_many_attempts', message: '查询密码错误次数过多，请一小时后再试' });
    // An hour later it opens again.
    t.clock.advance(3_600_001);
    expect((await statusOf(receipt.trackingCode, receipt.secret)).statusCode).toBe(200);
    await setLimits({}, codes.otherTown);
  });

  it('per address: guessing codes from one address is limited (the defaults while the code is unknown)', async () => {
    const ip = freshIp();
    const limit = reportSettings.defaults.limits.wrongSecretsPerHour;
    for (let i = 0; i < limit; i++) expect((await statusOf(`JB22222222${'ABCDEFGHJK'[i]}2`, 'X', ip)).statusCode).toBe(404);
    expect((await statusOf('JB3333333333', 'X', ip)).statusCode).toBe(429);
    const rows = await t.database.rows<{ bucket: string }>(sql`SELECT bucket FROM report_throttle`);
    expect(rows.map((r) => r.bucket).join()).not.toContain(ip);
  });

  it('the reporter answers the office’s question while the report is open; the reward shows its amount once approved', async () => {
    const receipt = (await submit({ description: '食堂液化气罐放在灶台下面', enterprisePublicCode: factory.publicCode })).json();
    const row = await rowOf(receipt.trackingCode);
    await t.database.rows(
      sql`INSERT INTO report_messages (report_id, kind, body, from_reporter, at) VALUES (${row.id}, 'question', '请问具体在哪个食堂？', false, ${t.clock.now().toISOString()}::timestamptz)`,
    );
    expect((await statusOf(receipt.trackingCode, receipt.secret)).json().canReply).toBe(true);
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${receipt.trackingCode}/messages`,
      headers: { 'x-report-secret': receipt.secret },
      payload: { body: '二号楼一楼员工食堂' },
      remoteAddress: freshIp(),
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().canReply).toBe(false);
    expect(reply.json().messages.map((m: { kind: string; fromReporter: boolean }) => [m.kind, m.fromReporter])).toEqual([
      ['question', false],
      ['answer', true],
    ]);
    expect((await rowOf(receipt.trackingCode)).version).toBe(2);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${receipt.trackingCode}/messages`,
      headers: { 'x-report-secret': 'NOTTHESECRET2345' },
      payload: { body: '冒充' },
      remoteAddress: freshIp(),
    });
    expect(wrong.statusCode).toBe(404);

    await t.database.rows(sql`UPDATE reports SET status = 'founded', decided_on = '2026-03-01' WHERE id = ${row.id}`);
    await t.database.rows(
      sql`INSERT INTO report_rewards (report_id, region_code, status, rule, figures, computed_amount, amount, proposed_at)
          VALUES (${row.id}, ${row.regionCode}, 'proposed', '未予罚款，按最低 3,000 元', '{}'::jsonb, 3000, 3000, now())`,
    );
    const proposed = (await statusOf(receipt.trackingCode, receipt.secret)).json();
    expect(proposed.reward).toEqual({ status: 'proposed', statusLabel: '拟奖励（待审批）', amount: null, claimDueOn: null });
    await t.database.rows(sql`UPDATE report_rewards SET status = 'approved', claim_due_on = '2026-05-01' WHERE report_id = ${row.id}`);
    const approved = (await statusOf(receipt.trackingCode, receipt.secret)).json();
    expect(approved.reward).toEqual({ status: 'approved', statusLabel: '已批准，待领取', amount: 3000, claimDueOn: '2026-05-01' });
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${receipt.trackingCode}/messages`,
      headers: { 'x-report-secret': receipt.secret },
      payload: { body: '还有补充' },
      remoteAddress: freshIp(),
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('report.closed');
  });
});

describe('duplicates link instead of multiplying (report.duplicateDays, report.duplicateSimilarity)', () => {
  const concealed1 = '上个月三号车间有工人被机器轧伤死亡，老板私了没有上报';
  const concealed2 = '三号车间上个月死了一个工人，被机器轧的，老板赔钱私了没报';

  it('the same matter at the same enterprise links to the first report; a different problem does not', async () => {
    const plant = await makeEnterprise(t.database, { name: '示例镇丙机械厂', regionCode: codes.village1 });
    const first = (await submit({ description: concealed1, enterprisePublicCode: plant.publicCode })).json();
    const second = await submit({ description: concealed2, enterprisePublicCode: plant.publicCode });
    expect(second.statusCode).toBe(201);
    const firstRow = await rowOf(first.trackingCode);
    const secondRow = await rowOf(second.json().trackingCode);
    expect(secondRow).toMatchObject({ duplicateOfId: firstRow.id, status: 'received' });
    const events = await t.database.db.select().from(reportEvents).where(eq(reportEvents.reportId, secondRow.id));
    expect(events.find((e) => e.kind === 'merged')?.data).toMatchObject({ duplicateOfId: firstRow.id, similarity: expect.any(Number) });
    // A third telling links to the first, never to the second.
    const third = await submit({ description: concealed2, enterprisePublicCode: plant.publicCode });
    expect((await rowOf(third.json().trackingCode)).duplicateOfId).toBe(firstRow.id);
    const other = await submit({ description: '工人在车间没有戴安全帽，叉车司机没有证', enterprisePublicCode: plant.publicCode });
    expect((await rowOf(other.json().trackingCode)).duplicateOfId).toBeNull();
  });

  it('never chains: a match that is itself a duplicate links to its original', async () => {
    const plant = await makeEnterprise(t.database, { name: '示例镇丁化工厂', regionCode: codes.village1 });
    const identity = t.services.reportModule.identity;
    const original = await makeReport(t.database.db, identity, {
      enterprise: plant,
      description: '配电房门口堆放易燃物品，电线乱拉乱接',
      receivedAt: new Date('2026-02-25T00:00:00Z'),
    });
    await makeReport(t.database.db, identity, {
      enterprise: plant,
      description: concealed1,
      duplicateOfId: original.id,
      receivedAt: new Date('2026-02-26T00:00:00Z'),
    });
    const res = await submit({ description: concealed2, enterprisePublicCode: plant.publicCode });
    expect((await rowOf(res.json().trackingCode)).duplicateOfId).toBe(original.id);
  });

  it('outside the window, or declined, does not link', async () => {
    const plant = await makeEnterprise(t.database, { name: '示例镇戊纸箱厂', regionCode: codes.village1 });
    const identity = t.services.reportModule.identity;
    await makeReport(t.database.db, identity, { enterprise: plant, description: concealed1, receivedAt: new Date('2026-01-30T00:59:59Z') });
    await makeReport(t.database.db, identity, {
      enterprise: plant,
      description: concealed1,
      status: 'rejected',
      receivedAt: new Date('2026-02-20T00:00:00Z'),
    });
    const res = await submit({ description: concealed2, enterprisePublicCode: plant.publicCode });
    expect((await rowOf(res.json().trackingCode)).duplicateOfId).toBeNull();
  });
});
