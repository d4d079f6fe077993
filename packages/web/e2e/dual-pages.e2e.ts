import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktop, launch, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Opens a page and waits for a text the demo data puts there; no error page, no failed API call on the way. */
async function opens(page: Page, path: string, text: string | RegExp) {
  const failed: string[] = [];
  const onResponse = (r: { url(): string; status(): number }) => {
    if (r.url().includes('/api/') && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  };
  page.on('response', onResponse);
  await page.goto(`${baseUrl()}${path}`);
  await page.getByText(text).first().waitFor({ timeout: 15_000 });
  page.off('response', onResponse);
  expect(await page.getByText('页面出错了').count()).toBe(0);
  expect(failed).toEqual([]);
}

describe('双重预防 pages on the demo', () => {
  it("the enterprise's risk points, tasks, records, posts and map open with its data", async () => {
    const page = await (await browser.newContext(desktop)).newPage();
    await signIn(page, 'qiye', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await opens(page, '/dual/risks', '危化品仓库');
    await screenshot(page, 'dual-risks');
    await opens(page, '/dual/tasks', '班组日排查');
    await opens(page, '/dual/records', /排查记录/);
    await opens(page, '/dual/posts', /岗位/);
    await opens(page, '/dual/map', /四色分布图|平面图/);
  });

  it('the office reads the oversight table and the 形式主义 signals with their evidence', async () => {
    const page = await (await browser.newContext(desktop)).newPage();
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await opens(page, '/dual/signals', '同一照片重复使用');
    await screenshot(page, 'dual-signals');
    await opens(page, '/dual/oversight', /按时|按期/);
    // A figure opens the due checks it counts (GET /check-periods with the figure's filters).
    await page.locator('a[href^="/dual/due-checks"]').first().click();
    await page.getByTestId('dual-due-checks-page').waitFor();
    await page.locator('[data-testid="due-checks-table"] tbody tr.ant-table-row').first().waitFor({ timeout: 15_000 });
    expect(await page.getByText('页面出错了').count()).toBe(0);
    await screenshot(page, 'dual-due-checks');
  });
});
