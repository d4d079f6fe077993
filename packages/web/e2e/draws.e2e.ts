// The public 双随机 draw page (一公开) in a real browser on a phone, without signing in: the draw, its seed hash and
// seed, and 验证通过 after re-running the draw in the browser.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktop, launch, phone, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** A demo draw's id and seed hash, read the way the township office would (the public page has no list). */
async function demoDraw(): Promise<{ id: number; seedHash: string; title: string }> {
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'anweiban', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = await fetch(`${baseUrl()}/api/v1/draws?status=drawn`, { headers: { cookie } });
  const body = (await list.json()) as { items: Array<{ id: number; seedHash: string; title: string }> };
  expect(body.items.length).toBeGreaterThanOrEqual(2);
  return body.items[0] as { id: number; seedHash: string; title: string };
}

describe('双随机 › the public draw page', () => {
  it('shows a demo draw with its seed to anyone, and verifies it in the browser', async () => {
    const draw = await demoDraw();
    const page = await browser.newPage(phone);
    await page.goto(`${baseUrl()}/public/draws/${draw.id}`);
    await page.getByTestId('public-draw-page').waitFor();
    await page.getByText(draw.title).waitFor();
    expect(await page.getByTestId('public-seed-hash').textContent()).toContain(draw.seedHash);
    expect(((await page.getByTestId('public-seed').textContent()) ?? '').trim()).toMatch(/^[0-9a-f]{64}/);
    expect(await page.getByTestId('draw-result').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: '在本机重新计算验证' }).click();
    await page.getByText('验证通过').waitFor();
    await screenshot(page, 'public-draw-phone');
    expect(page.url()).not.toContain('/login');
    await page.close();
  });

  it('says a draw not yet drawn (or unknown) is not public', async () => {
    const page = await browser.newPage(phone);
    await page.goto(`${baseUrl()}/public/draws/999999`);
    await page.getByText('抽查不存在或尚未抽取').waitFor();
    await page.close();
  });

  it('the township office finds the draws, the 名录库 (an expired certificate in red) and a draw with its seed hash and result', async () => {
    const draw = await demoDraw();
    const page = await browser.newPage(desktop);
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.getByRole('menuitem', { name: '执法检查' }).click();
    await page.getByRole('menuitem', { name: '执法人员名录库' }).click();
    await page.getByTestId('inspectors-page').waitFor();
    await page.getByText('孙立新').waitFor();
    await page
      .getByText(/已过期$/u)
      .first()
      .waitFor();
    await page.getByRole('menuitem', { name: '双随机抽查' }).click();
    await page.getByTestId('draws-page').waitFor();
    await page.getByRole('link', { name: draw.title }).click();
    await page.getByTestId('draw-detail-page').waitFor();
    expect(await page.getByTestId('seed-hash').textContent()).toContain(draw.seedHash);
    expect(await page.getByTestId('draw-result').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'draw-detail-desktop');
    await page.close();
  });
});
