import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktop, launch, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('系统设置 in a real browser', () => {
  it('lets the township office move 函告 to 5 days, marks it 已修改, refuses an out-of-order ladder, and restores the default', async () => {
    const page = await browser.newPage(desktop);
    await page.goto(baseUrl());
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${baseUrl()}/admin/settings`);
    const card = page.getByTestId('settings-hazardTime');
    await card.waitFor();
    await card.getByText('默认：1 天（本地做法）').waitFor();

    const letter = card.getByLabel('逾期问责天数·函告');
    await letter.fill('20');
    await card.getByRole('button', { name: '保存' }).click();
    await card.getByText('逾期问责天数·通报：不能早于函告（20 天）').waitFor();

    await letter.fill('5');
    await card.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存“隐患整改时限”').waitFor();
    await card.getByText('已修改').first().waitFor();
    // The out-of-order message goes once the ladder is in order again.
    await card.getByText('不能早于函告').first().waitFor({ state: 'detached' });
    await screenshot(page, 'settings-office');

    await card.getByRole('button', { name: '恢复默认' }).click();
    await page.getByRole('button', { name: '恢复默认' }).last().click();
    await page.getByText('“隐患整改时限”已恢复默认').waitFor();
    await expect.poll(() => letter.inputValue(), { timeout: 5000 }).toBe('1');
    await page.close();
  });
});
