import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktop, launch, phone, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

interface FieldDef {
  key: string;
  kind: string;
  required?: boolean;
  options?: string[];
}

/**
 * Two 经营性自建房 in the first village of the clerk's township, made through the API as the clerk (the demo may
 * hold some already; the campaign counts them all, and the test reads the figure rather than assuming it).
 */
async function ensureHouses(page: Page): Promise<void> {
  const problem = await page.evaluate(async () => {
    const api = async (path: string, init?: RequestInit) => {
      const r = await fetch(`/api/v1${path}`, {
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        ...init,
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    };
    const types = await api('/ledger-object-types');
    const type = (types.body?.items ?? []).find((t: { code: string }) => t.code === 'selfBuiltHouse');
    if (!type) return `no 经营性自建房 type: ${types.status}`;
    const regions = await api('/regions');
    const village = (regions.body?.items ?? []).find((r: { level: string; abolished: boolean }) => r.level === 'village' && !r.abolished);
    if (!village) return 'no village in scope';
    const sample = (f: FieldDef) =>
      ({ text: '测试', int: 2, number: 120, date: '2026-01-01', enum: f.options?.[0], bool: true, phone: '13800000000' })[f.kind];
    for (const n of [1, 2]) {
      const data = Object.fromEntries((type.fields as FieldDef[]).filter((f) => f.required).map((f) => [f.key, sample(f)]));
      const made = await api('/ledger-objects', {
        method: 'POST',
        body: JSON.stringify({ typeId: type.id, name: `浏览器测试自建房${Date.now()}-${n}`, regionCode: village.code, data }),
      });
      if (made.status >= 300) return `POST /ledger-objects → ${made.status} ${JSON.stringify(made.body)}`;
    }
    return null;
  });
  expect(problem).toBeNull();
}

async function chooseOption(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

describe('专项整治 in a real browser', () => {
  let campaignPath = '';

  it('the office creates a campaign over a ledger type with two rounds, opens round 1, and round 2 only with a reason', async () => {
    const page = await (await browser.newContext(desktop)).newPage();
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await ensureHouses(page);

    await page.goto(`${baseUrl()}/campaigns`);
    await page.getByTestId('campaign-list-page').waitFor();
    await page.getByTestId('campaign-new').click();
    await page.getByTestId('campaign-form').waitFor();
    const title = `经营性自建房专项整治（浏览器测试 ${Date.now() % 100000}）`;
    await page.getByTestId('campaign-title').fill(title);
    await chooseOption(page, 'campaign-type', '经营性自建房');
    await expect.poll(() => page.getByTestId('campaign-scope-summary').textContent()).toContain('经营性自建房');
    await page.getByTestId('checklist-from-type').click();
    await page.getByTestId('checklist-line-0').waitFor();
    await page.getByTestId('round-add').click();
    await page.getByTestId('round-line-1').waitFor();
    await screenshot(page, 'campaign-form');
    await page.getByTestId('campaign-submit').click();

    await page.getByTestId('campaign-detail-page').waitFor({ timeout: 15_000 });
    campaignPath = new URL(page.url()).pathname;
    expect(campaignPath).toMatch(/^\/campaigns\/\d+$/);
    await page.getByText(title).first().waitFor();

    // Round 1 opens without a word.
    await page.getByTestId('round-open-1').click();
    await page.getByTestId('round-confirm').click();
    await page.getByTestId('round-1').getByText('进行中').waitFor();

    // Round 2 while round 1 is still open: the server refuses without a reason, in Chinese, inside the modal.
    await page.getByTestId('round-open-2').click();
    await page.getByTestId('round-confirm').click();
    const refusal = page.getByTestId('round-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/第 1 轮尚未结束.*说明原因/);
    await screenshot(page, 'campaign-round-refused');

    await page.getByTestId('round-reason').fill('第一轮已基本完成，按县专班要求提前开展复查');
    await page.getByTestId('round-confirm').click();
    await page.getByTestId('round-2').getByText('进行中').waitFor();
    await page.getByText('提前开始原因：第一轮已基本完成').waitFor();
  });

  it('a progress figure opens the list of the objects it counts', async () => {
    expect(campaignPath).not.toBe('');
    const page = await (await browser.newContext(desktop)).newPage();
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${baseUrl()}${campaignPath}`);
    await page.getByTestId('campaign-progress').waitFor();
    const figure = page.getByTestId('figure-targets-link');
    await figure.waitFor({ timeout: 15_000 });
    const targets = Number((await figure.textContent())?.replace(/\D/g, ''));
    expect(targets).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'campaign-detail');

    await figure.click();
    await page.getByTestId('campaign-objects-page').waitFor();
    expect(new URL(page.url()).searchParams.get('state')).toBe('target');
    await expect
      .poll(async () => (await page.getByTestId('campaign-objects-total').textContent())?.replace(/\D/g, ''))
      .toBe(String(targets));
    await page.locator('[data-testid="campaign-objects-table"] tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByText('页面出错了').count()).toBe(0);
  });

  // The office, not the leader's account: shell.e2e.ts locks 'lingdao' (five wrong passwords) on the shared demo database.
  it('the progress reads on a phone', async () => {
    expect(campaignPath).not.toBe('');
    const page = await (await browser.newContext(phone)).newPage();
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.goto(`${baseUrl()}/campaigns`);
    await page.getByTestId('campaign-list-page').waitFor();
    await page.goto(`${baseUrl()}${campaignPath}`);
    await page.getByTestId('figure-covered').waitFor({ timeout: 15_000 });
    expect(await page.getByText('页面出错了').count()).toBe(0);
    await screenshot(page, 'campaign-detail-phone');
  });
});
