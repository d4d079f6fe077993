import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktop, launch, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('系统管理 › 外发队列 in a real browser', () => {
  it('opens from the admin menu on the dead-letter list, switches to 待发送, and is not offered to the township office', async () => {
    const page = await browser.newPage(desktop);
    await signIn(page, 'admin', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('menuitem', { name: '外发队列' }).click();
    await page.getByTestId('jobs-page').waitFor();
    await page.getByText('没有发送失败而放弃的任务').waitFor();
    await page.getByText('待发送', { exact: true }).click();
    await page.getByText('没有待发送的任务').waitFor();
    expect(new URL(page.url()).searchParams.get('state')).toBe('queued');
    await page.close();

    const office = await browser.newPage(desktop);
    await signIn(office, 'anweiban', DEMO_PASSWORD);
    await office.getByTestId('dashboard').waitFor();
    await office.getByRole('menuitem', { name: '系统管理' }).click();
    await office.getByRole('menuitem', { name: '系统设置' }).waitFor();
    expect(await office.getByRole('menuitem', { name: '外发队列' }).count()).toBe(0);
    await office.close();
  });
});
