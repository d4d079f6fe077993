// 专项整治 (issue 17) on a phone: the grid worker of 东村 scans the QR label of a 经营性自建房 not yet checked in the
// demo campaign's open round (signed out: the login page brings her back to the label), taps 检查, marks one item
// 不符合 with a note and a photo and the rest 符合, submits; the check syncs and exactly one hazard of channel
// 专项检查 exists for it — the same record the hazard ledger shows.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phone, screenshot } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
const photo = path.resolve(import.meta.dirname, '../../server/test/fixtures/files/phone-rotated.jpg');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

type Json = Record<string, unknown>;

async function session(username: string) {
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(login.status, `login ${username}`).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    async get<T = Json>(url: string): Promise<T> {
      const res = await fetch(`${baseUrl()}/api/v1${url}`, { headers: { cookie } });
      const text = await res.text();
      expect(res.status, `GET ${url}: ${text}`).toBe(200);
      return JSON.parse(text) as T;
    },
  };
}

interface Target {
  objectId: number | null;
  name: string;
  regionName: string;
  labelCode: string | null;
  checkId: number | null;
}
interface Round {
  roundId: number;
  campaignTitle: string;
  ordinal: number;
  checklist: Array<{ key: string }>;
  targets: Target[];
}

describe('专项检查 from a QR label on a phone (issue 17)', () => {
  it('the grid worker checks a self-built house from its label and records one finding, which becomes one 专项检查 hazard', async () => {
    const dongcun = await session('dongcun');
    const office = await session('anweiban');
    const tasks = await dongcun.get<{ rounds: Round[] }>('/campaign-tasks');
    const round = tasks.rounds.find((r) => r.campaignTitle === '经营性自建房安全隐患专项整治');
    expect(round, 'the demo campaign has an open round for 东村').toBeDefined();
    const house = round?.targets.find((t) => t.checkId === null && t.regionName === '东村' && t.labelCode);
    expect(house?.labelCode, 'an unchecked 经营性自建房 of 东村').toBeTruthy();
    const before = await office.get<{ total: number }>('/hazards?channel=campaign&pageSize=1');

    const context = await browser.newContext(phone);
    const page = await context.newPage();
    // As if scanned: the label's address, signed out → the login page → back to the label.
    await page.goto(`${baseUrl()}/o/${house?.labelCode}`);
    await page.getByTestId('login-username').fill('dongcun');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('label-landing').waitFor();
    expect(page.url()).toContain(`/o/${house?.labelCode}`);
    await page
      .getByTestId('label-object-name')
      .getByText(house?.name ?? '')
      .waitFor();
    await page.getByText('经营性自建房').first().waitFor();
    await screenshot(page, 'campaign-label-landing');

    await page.getByTestId('label-check').first().click();
    await page.getByTestId('campaign-check-form').waitFor();
    const items = page.locator('[data-testid^="check-item-"]');
    await items.first().waitFor();
    const count = await items.count();
    expect(count).toBe(round?.checklist.length);
    // Item 1 is a major-hazard item in the demo; the finding is item 3 (疏散通道), the rest 符合.
    const finding = `一楼后门堆放杂物，安全出口被封堵 ${Date.now()}`;
    for (let seq = 1; seq <= count; seq++) {
      if (seq === 3) continue;
      await page.getByTestId(`item-${seq}-pass`).click();
    }
    await page.getByTestId('item-3-fail').click();
    await page.getByTestId('item-3-note').fill(finding);
    await page.getByTestId('item-3-deadline').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    await page.getByTestId('photo-input-3').setInputFiles(photo);
    await page.getByRole('img', { name: '照片 1' }).waitFor();

    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/campaign-checks') && r.request().method() === 'POST');
    await page.getByTestId('record-save').click();
    const response = await posted;
    expect(response.status(), await response.text()).toBe(201);
    const synced = (await response.json()) as { checkId: number; status: string; hazardIds: number[] };
    expect(synced.status).toBe('created');
    expect(synced.hazardIds).toHaveLength(1);
    await page.getByTestId('campaign-tasks').waitFor();
    await page.getByTestId('phone-synced').waitFor();
    await screenshot(page, 'campaign-check-synced');

    // Exactly one hazard of 专项检查 for this check: the one the 不符合 became, linked from the check, in the ledger.
    const check = await office.get<{ targetName: string; items: Array<{ result: string; hazardId: number | null; photos: unknown[] }> }>(
      `/campaign-checks/${synced.checkId}`,
    );
    expect(check.targetName).toBe(house?.name);
    const failed = check.items.filter((i) => i.result === 'fail');
    expect(failed.map((i) => i.hazardId)).toEqual(synced.hazardIds);
    expect(failed[0]?.photos).toHaveLength(1);
    const hazard = await office.get<{ channel: string; description: string; placeName: string | null }>(`/hazards/${synced.hazardIds[0]}`);
    expect(hazard).toMatchObject({ channel: 'campaign', placeName: expect.stringContaining(house?.name ?? '') });
    expect(hazard.description).toContain(finding);
    const after = await office.get<{ total: number }>('/hazards?channel=campaign&pageSize=1');
    expect(after.total).toBe(before.total + 1);

    // The label, opened again, says the round is done.
    await page.goto(`${baseUrl()}/o/${house?.labelCode}`);
    await page.getByTestId('label-landing').getByText('本轮已检查').waitFor();
    await context.close();
  });
});
