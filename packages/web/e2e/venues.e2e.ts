import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktop, launch, phone, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
const narrowPhone = { ...phone, viewport: { width: 360, height: 780 } };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('small venues (九小场所)', () => {
  it("a grid worker sees the grid's venues on a 360 px phone and registers a new one; a same name is refused", async () => {
    const page = await (await browser.newContext(narrowPhone)).newPage();
    await signIn(page, 'dongcun', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${baseUrl()}/dual/venues?regionCode=339901100201001`);
    await page.getByTestId('venue-list-page').getByText('东村好邻居便利店').waitFor();
    expect(await page.getByText('东村悦来小旅馆').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'venues-phone');

    await page.getByTestId('venue-register').click();
    await page.getByLabel('场所名称').fill('东村新开水果店');
    await page.locator('.ant-drawer').getByText('小商店', { exact: true }).click();
    await page.getByLabel('地址').fill('东村路 60 号');
    await page.getByLabel('联系人').fill('钱多多');
    await page.getByLabel('联系电话').fill('13900001111');
    await screenshot(page, 'venue-register-phone');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/venues') && r.request().method() === 'POST', { timeout: 10_000 }),
      page.getByTestId('venue-submit').click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    await page.getByTestId('venue-list-page').getByText('东村新开水果店').waitFor();

    await page.getByTestId('venue-register').click();
    await page.getByLabel('场所名称').fill('东村老张面馆');
    await page.locator('.ant-drawer').getByText('小餐饮', { exact: true }).click();
    await page.getByLabel('地址').fill('东村路 18 号');
    await page.getByLabel('联系人').fill('张建国');
    await page.getByLabel('联系电话').fill('13900002222');
    await page.getByTestId('venue-submit').click();
    await page.getByText(/本村已登记“东村老张面馆”/).waitFor();
  });

  it('the office reads coverage per grid and month, and a figure opens the list it counts', async () => {
    const page = await (await browser.newContext(desktop)).newPage();
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${baseUrl()}/dual/venues/coverage`);
    const table = page.getByTestId('venue-coverage-page').locator('.ant-table');
    await table.getByText('东村第二网格').first().waitFor();
    await screenshot(page, 'venue-coverage-desktop');
    await table.locator('a[href*="filter=unpatrolled"]').first().click();
    await page.getByTestId('venue-list-page').waitFor();
    expect(new URL(page.url()).searchParams.get('filter')).toBe('unpatrolled');
    await page.getByTestId('venue-list-page').getByText('本月未巡查').first().waitFor();
  });
});
