// 举报 (issue 15) in a real browser on a phone: the QR code of an enterprise's 三个责任人 公示牌 opens the form with the
// enterprise prefilled; an anonymous report with a photo; the receipt; the office accepts it and finds it founded, so
// it becomes a hazard (driven through the API, as part B's pages are tested on their own); the reporter reads the
// outcome with the tracking code; the enterprise account never sees who reported (nor the report).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phone, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
const ENTERPRISE = '示例镇华鑫机械制造有限公司';
const photo = fs.readFileSync(path.resolve(import.meta.dirname, '../../server/test/fixtures/files/phone-rotated.jpg'));
/** A reporter who gives a name and phone (the second report): they must never reach the enterprise. */
const NAMED = { name: '吴举报', phone: '13912345678' };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

type Json = Record<string, unknown>;

/** A signed-in API session of a demo account (the office's steps and the enterprise's view). */
async function session(username: string) {
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(login.status, `login ${username}`).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const send = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${baseUrl()}/api/v1${url}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: (text ? JSON.parse(text) : null) as Json };
  };
  return {
    raw: send,
    async get(url: string): Promise<Json> {
      const r = await send('GET', url);
      expect(r.status, `GET ${url}: ${r.text}`).toBe(200);
      return r.json;
    },
    async post(url: string, body: unknown): Promise<Json> {
      const r = await send('POST', url, body);
      expect(r.status, `POST ${url}: ${r.text}`).toBeLessThan(300);
      return r.json;
    },
  };
}
type Session = Awaited<ReturnType<typeof session>>;

/** The demo enterprise's public code, read the way the office prints the card. */
async function demoEnterprise(office: Session): Promise<{ id: number; publicCode: string }> {
  const page = (await office.get(`/enterprises?q=${encodeURIComponent('华鑫')}`)) as {
    items: Array<{ id: number; name: string; publicCode: string }>;
  };
  const e = page.items.find((i) => i.name === ENTERPRISE);
  expect(e, ENTERPRISE).toBeDefined();
  return e as { id: number; publicCode: string };
}

/** The report the office sees for a tracking code (its list searches tracking codes). */
async function reportOf(office: Session, trackingCode: string): Promise<Json> {
  const list = (await office.get(`/reports?q=${trackingCode}`)) as { items: Array<{ id: number; trackingCode: string }> };
  const item = list.items.find((i) => i.trackingCode === trackingCode);
  expect(item, `report ${trackingCode} in the office's list`).toBeDefined();
  return office.get(`/reports/${item?.id}`);
}

/** 受理并交办 to the enterprise's supervising unit (copied by the intake), then 属实 → a new hazard or a linked one. */
async function acceptAndFound(office: Session, trackingCode: string, outcome: Json): Promise<Json> {
  const received = await reportOf(office, trackingCode);
  expect(received.status).toBe('received');
  let unitId = received.assignedUnitId as number | null;
  if (!unitId) unitId = ((await office.get('/units?pageSize=1')) as { items: Array<{ id: number }> }).items[0]?.id ?? null;
  const accepted = await office.post(`/reports/${received.id}/accept`, {
    version: received.version,
    assignedUnitId: unitId,
    matter: 'hazard',
  });
  expect(accepted.status).toBe('verifying');
  const founded = await office.post(`/reports/${received.id}/outcome`, {
    version: accepted.version,
    outcome: 'founded',
    matter: 'hazard',
    note: '现场核实：二号车间消防通道被成品堆占',
    feedback: '经核查，您反映的消防通道堵塞问题属实，已责令企业限期整改。感谢您的监督。',
    ...outcome,
  });
  expect(founded.status).toBe('founded');
  return founded;
}

const hazardIdOf = (detail: Json): number => {
  const linked = detail.hazard as { id?: number } | null | undefined;
  const id = linked?.id ?? (detail.hazardId as number | undefined);
  expect(id, 'the founded report links its hazard').toBeGreaterThan(0);
  return id as number;
};

/** Fills the phone form and submits it; returns the receipt's code (as printed) and secret. */
async function submitReport(page: Page, description: string): Promise<{ code: string; secret: string }> {
  await page.getByTestId('report-description').fill(description);
  await page.getByTestId('report-place').fill('二号车间东侧通道');
  await page.getByText('一般事故隐患').click();
  await page
    .getByTestId('report-form')
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: '通道.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.locator('.ant-upload-list-item').first().waitFor();
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/public/reports') && r.request().method() === 'POST');
  await page.getByTestId('report-submit').click();
  const response = await sent;
  expect(response.status(), await response.text()).toBe(201);
  // Sent as multipart (the photo is a part: the office sees it below), with this browser's device id.
  const request = response.request();
  expect(request.headers()['content-type']).toMatch(/^multipart\/form-data/);
  expect(request.headers()['x-report-device']).toMatch(/^[0-9a-f]{32}$/);
  await page.getByTestId('report-receipt').waitFor();
  const code = ((await page.getByTestId('receipt-code').textContent()) ?? '').trim();
  const secret = ((await page.getByTestId('receipt-secret').textContent()) ?? '').trim();
  expect(code).toMatch(/^JB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
  expect(secret.length).toBeGreaterThanOrEqual(16);
  return { code, secret };
}

describe('举报 › the reporter on a phone, the office, the enterprise', () => {
  it('QR code → anonymous report with a photo → receipt → founded as a hazard → the reporter sees the outcome; the enterprise never sees who reported', async () => {
    const office = await session('anweiban');
    const enterprise = await demoEnterprise(office);
    const stamp = Date.now().toString(36);

    // 1. The card's QR code on a phone, no account: the enterprise is prefilled.
    const context = await browser.newContext(phone);
    const reporter = await context.newPage();
    await reporter.goto(`${baseUrl()}/report/e/${enterprise.publicCode}`);
    await reporter.getByTestId('report-page').waitFor();
    expect(await reporter.getByTestId('report-enterprise-name').textContent()).toContain(ENTERPRISE);
    await reporter.getByText('不是这家企业？').waitFor();
    await reporter.getByText('匿名举报也会受理').waitFor();
    await screenshot(reporter, 'report-form-phone');

    // 2. Anonymous, with a photo → the receipt, the secret nowhere in the URL.
    const { code, secret } = await submitReport(reporter, `二号车间消防通道被成品堆满，人员无法通行（${stamp}）`);
    await screenshot(reporter, 'report-receipt-phone');
    expect(reporter.url()).not.toContain(secret);
    const trackingCode = code.replace(/-/g, '');

    // 3. To the tracking page from the receipt (the code and secret come along in this tab's memory, not the URL).
    await reporter.getByTestId('receipt-track').click();
    await reporter.getByTestId('report-status').waitFor();
    expect(reporter.url()).toBe(`${baseUrl()}/report/track`);
    expect(await reporter.getByTestId('report-status-label').textContent()).toBe('已收到，等待受理');

    // 4. The office sees the photo that came with the report, accepts it and finds it founded: a new hazard of channel 群众举报, linked both ways.
    expect((await reportOf(office, trackingCode)).photos).toHaveLength(1);
    const founded = await acceptAndFound(office, trackingCode, {
      createHazard: {
        title: '消防通道被成品堆占',
        description: '二号车间东侧消防通道被成品堆占，人员无法通行',
        grade: 'general',
        category: 'thing',
        location: '二号车间东侧通道',
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    const hazardId = hazardIdOf(founded);
    const hazard = await office.get(`/hazards/${hazardId}`);
    expect(hazard.channel).toBe('publicReport');
    expect((hazard.reports as Array<{ trackingCode: string }>).map((r) => r.trackingCode)).toContain(trackingCode);

    // 5. The reporter reloads the tracking page: the outcome and the feedback meant for them.
    await reporter.reload();
    await reporter.getByTestId('report-status').waitFor();
    expect(await reporter.getByTestId('report-status-label').textContent()).toBe('核查属实，已依法处理');
    await reporter.getByText('您反映的消防通道堵塞问题属实').waitFor();
    await reporter
      .getByText('现场核实')
      .waitFor({ state: 'detached', timeout: 1000 })
      .catch(() => undefined);
    expect(await reporter.getByTestId('report-status').textContent()).not.toContain('现场核实'); // internal note
    await screenshot(reporter, 'report-track-phone');
    await context.close();

    // 6. Another phone (a fresh tab: nothing kept): typing the code as printed and the secret shows the same outcome;
    //    a wrong secret says nothing about the report.
    const other = await (await browser.newContext(phone)).newPage();
    await other.goto(`${baseUrl()}/report/track`);
    await other.getByTestId('track-code').fill(code.toLowerCase());
    await other.getByTestId('track-secret').fill(`${secret}X`);
    await other.getByTestId('track-submit').click();
    await other.getByTestId('track-error').waitFor();
    await other.getByTestId('track-secret').fill(secret);
    await other.getByTestId('track-submit').click();
    expect(await other.getByTestId('report-status-label').textContent()).toBe('核查属实，已依法处理');
    await other.context().close();

    // 7. A named report of the same problem (sent by the public API as another phone would), linked to the same hazard.
    const form = new FormData();
    form.set('description', `消防通道还是堵着，成品堆到了门口（${stamp}）`);
    form.set('enterprisePublicCode', enterprise.publicCode);
    form.set('reporterName', NAMED.name);
    form.set('reporterPhone', NAMED.phone);
    form.set('internal', 'true');
    const named = await fetch(`${baseUrl()}/api/v1/public/reports`, {
      method: 'POST',
      headers: { 'x-report-device': 'e2e0000000000000000000000000named' },
      body: form,
    });
    expect(named.status).toBe(201);
    const namedReceipt = (await named.json()) as { trackingCode: string };
    await acceptAndFound(office, namedReceipt.trackingCode, { linkHazardId: hazardId });

    // 8. The enterprise account: its hazard (page and API) shows no report, no tracking code, no name, no phone; the
    //    report routes refuse it.
    const qiye = await session('qiye');
    const fromApi = await qiye.raw('GET', `/hazards/${hazardId}`);
    expect(fromApi.status).toBe(200);
    const hazardsList = await qiye.raw('GET', '/hazards?pageSize=100');
    for (const body of [fromApi.text, hazardsList.text]) {
      for (const secretText of [NAMED.name, NAMED.phone, trackingCode, namedReceipt.trackingCode, secret])
        expect(body).not.toContain(secretText);
    }
    expect(fromApi.json.reports ?? []).toEqual([]);
    expect((await qiye.raw('GET', '/reports')).status).toBe(403);
    expect((await qiye.raw('GET', `/reports/${founded.id}`)).status).toBe(403);

    const enterprisePage = await (await browser.newContext(phone)).newPage();
    await signIn(enterprisePage, 'qiye', DEMO_PASSWORD);
    await enterprisePage.goto(`${baseUrl()}/hazards/${hazardId}`);
    await enterprisePage.getByTestId('hazard-detail').waitFor();
    await enterprisePage.getByText('消防通道被成品堆占').first().waitFor();
    const shown = (await enterprisePage.locator('body').textContent()) ?? '';
    for (const secretText of [NAMED.name, NAMED.phone, trackingCode, code]) expect(shown).not.toContain(secretText);
    await screenshot(enterprisePage, 'report-hazard-enterprise-phone');
    await enterprisePage.context().close();
  });

  it('without a QR code: search the enterprise, or report a place in a village; the login page links to it', async () => {
    const page = await (await browser.newContext({ ...phone, viewport: { width: 360, height: 740 } })).newPage();
    await page.goto(`${baseUrl()}/login`);
    await page.getByTestId('login-report-link').click();
    await page.getByTestId('report-enterprise-search').waitFor();
    await page.getByTestId('report-enterprise-query').fill('华鑫');
    await page.getByTestId('report-enterprise-option').filter({ hasText: ENTERPRISE }).first().click();
    expect(await page.getByTestId('report-enterprise-name').textContent()).toContain(ENTERPRISE);
    await page.getByTestId('report-change-target').click();
    await page.getByTestId('report-by-place').click();
    await page.getByTestId('report-form').waitFor();
    // A field error next to its field: no village chosen.
    await page.getByTestId('report-description').fill('路边有人私自储存液化气罐，几十个堆在民房里');
    await page.getByTestId('report-submit').click();
    await page.getByText('请选择问题所在的村（社区）').waitFor();
    await page.getByTestId('report-region').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByTestId('report-place').fill('东村村口小卖部后院');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-receipt').waitFor();
    // Nothing wider than a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'report-place-receipt-360');
    await page.context().close();
  });
});
