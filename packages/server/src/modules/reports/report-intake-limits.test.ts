import { reportSettings } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, countRows, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { answerChallenge, publicReportRequest } from '../../../test/report-kit.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { purgeReportThrottle } from './report-throttle.ts';

// Settings `report.limits` of 示例镇 (本地做法): a question after 2 reports an hour from one address or 3 a day from one
// device; nothing beyond 4 an hour from one address.
let t: TestApp;
let factory: EnterpriseRow;
let n = 0;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  await seedOrg(t.database);
  factory = await makeEnterprise(t.database, { name: '示例镇甲五金厂', regionCode: codes.village1 });
  const value = {
    ...reportSettings.defaults,
    limits: { perAddressPerHour: 2, perDevicePerDay: 3, hardPerAddressPerHour: 4, wrongSecretsPerHour: 10 },
  };
  await t.database.rows(
    sql`INSERT INTO settings (region_code, key, value, updated_at) VALUES (${codes.town}, 'report', ${JSON.stringify(value)}::jsonb, now())`,
  );
});
afterAll(() => t.close());

// Different matters each time, so no submission is a duplicate of another.
const matters = [
  '消防通道堵塞',
  '灭火器过期',
  '配电箱没有门',
  '叉车无证驾驶',
  '粉尘没有除尘',
  '气瓶没有固定',
  '吊装没有警戒',
  '有限空间无通风',
];
const submit = (client: { ip: string; device?: string }, extra: Record<string, string> = {}) =>
  t.app.inject(
    publicReportRequest(
      { description: `${matters[n++ % matters.length]}，第 ${n} 次反映`, enterprisePublicCode: factory.publicCode, ...extra },
      [],
      client,
    ),
  );

describe('abuse limits of the public form (report.limits)', () => {
  it('past the per-address limit a question is asked; the right answer passes, a wrong one is 400 naming 验证答案; the hard cap holds', async () => {
    const ip = '203.0.113.10';
    expect((await submit({ ip })).statusCode).toBe(201);
    expect((await submit({ ip })).statusCode).toBe(201);
    const asked = await submit({ ip });
    expect(asked.statusCode).toBe(429);
    expect(asked.json()).toMatchObject({ code: 'report.challenge_required', message: '提交较多，请先回答验证题后再提交' });
    const challenge = asked.json().details as { token: string; question: string };
    expect(challenge.question).toMatch(/^\d+ (加|减) \d+ 等于几？$/);
    const right = answerChallenge(challenge.question);

    const wrong = await submit({ ip }, { challengeToken: challenge.token, challengeAnswer: String(Number(right) + 1) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'report.challenge_failed', message: '验证答案：回答不正确，请回答新的验证题' });
    expect(wrong.json().details[0].challenge.question).toMatch(/等于几？$/);
    // A token cannot be bent to another answer, nor used after 10 minutes.
    const forged = `${challenge.token.split('.').slice(0, 2).join('.')}.AAAA`;
    expect((await submit({ ip }, { challengeToken: forged, challengeAnswer: right })).statusCode).toBe(400);

    const passed = await submit({ ip }, { challengeToken: challenge.token, challengeAnswer: `  ${right} ` });
    expect(passed.statusCode, passed.body).toBe(201);
    const again = await submit({ ip }, { challengeToken: challenge.token, challengeAnswer: right });
    expect(again.statusCode).toBe(201);
    // Four this hour: the hard cap answers 429 even to the right answer.
    const capped = await submit({ ip }, { challengeToken: challenge.token, challengeAnswer: right });
    expect(capped.statusCode).toBe(429);
    expect(capped.json().code).toBe('report.rate_limited');
    // An hour later the address starts afresh.
    t.clock.advance(3_600_001);
    expect((await submit({ ip })).statusCode).toBe(201);
  });

  it('an expired question asks a new one', async () => {
    const ip = '203.0.113.20';
    await submit({ ip });
    await submit({ ip });
    const challenge = (await submit({ ip })).json().details as { token: string; question: string };
    t.clock.advance(10 * 60_000 + 1);
    const late = await submit({ ip }, { challengeToken: challenge.token, challengeAnswer: answerChallenge(challenge.question) });
    expect(late.statusCode).toBe(429);
    expect(late.json()).toMatchObject({ code: 'report.challenge_required', message: '验证题已过期，请回答新的验证题后再提交' });
  });

  it('per device: the fourth report of a day from one device, whatever its address, is asked a question', async () => {
    const device = 'device-7f3a9c';
    for (const ip of ['203.0.113.31', '203.0.113.32', '203.0.113.33']) expect((await submit({ ip, device })).statusCode).toBe(201);
    const asked = await submit({ ip: '203.0.113.34', device });
    expect(asked.statusCode).toBe(429);
    expect(asked.json().code).toBe('report.challenge_required');
    expect((await submit({ ip: '203.0.113.34', device: 'another-device' })).statusCode).toBe(201);
  });

  it('keeps keyed digests, never an address or a device id; the cleanup deletes rows older than two days', async () => {
    const buckets = (await t.database.rows<{ bucket: string }>(sql`SELECT bucket FROM report_throttle`)).map((r) => r.bucket).join('\n');
    expect(buckets).not.toMatch(/203\.0\.113|device-7f3a9c/);
    const hashes = await t.database.rows<{ address_hash: string | null }>(sql`SELECT address_hash FROM reports`);
    expect(hashes.every((h) => h.address_hash && !h.address_hash.includes('203.0.113'))).toBe(true);
    const all = await countRows(t.database, 'report_throttle');
    expect(await purgeReportThrottle(t.database.db, t.clock)).toBe(0);
    t.clock.advance(2 * 24 * 3_600_000);
    expect(await purgeReportThrottle(t.database.db, t.clock)).toBeGreaterThan(0);
    expect(await countRows(t.database, 'report_throttle')).toBeLessThan(all);
    t.clock.advance(3_600_000);
    await purgeReportThrottle(t.database.db, t.clock);
    expect(await countRows(t.database, 'report_throttle')).toBe(0);
    expect(await purgeReportThrottle(t.database.db, t.clock)).toBe(0);
  });
});
