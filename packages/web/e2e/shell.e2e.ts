import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktop, launch, phone, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('the platform shell in a real browser', () => {
  it('shows a Chinese login page and signs the safety office in to its dashboard', async () => {
    const page = await browser.newPage(desktop);
    await page.goto(baseUrl());
    await page.waitForURL(/\/login/);
    await page.getByText('乡镇（街道）安全生产治理平台').first().waitFor();
    await screenshot(page, 'login');
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.getByText('王安委').first().waitFor();
    // The office may manage users, so its menu has 用户管理; it is not an admin, so no 审计日志.
    await screenshot(page, 'dashboard-office');
    await page
      .getByRole('menuitem', { name: /系统管理/ })
      .first()
      .click();
    await page
      .getByRole('menuitem', { name: /用户管理/ })
      .first()
      .waitFor();
    await expect(page.getByRole('menuitem', { name: /审计日志/ }).count()).resolves.toBe(0);
    // The users page lists only this township's accounts.
    await page
      .getByRole('menuitem', { name: /用户管理/ })
      .first()
      .click();
    await page.getByText('dongcun').first().waitFor();
    await screenshot(page, 'users-office');
    await page.close();
  });

  it('answers a wrong password without saying whether the account exists, and locks the account after 5 failures', async () => {
    const page = await browser.newPage(desktop);
    // The same words for an unknown name and a wrong password: the page does not tell who has an account.
    await signIn(page, 'nobody-here', 'Wrong#pass1');
    await page.getByText('用户名或密码错误').first().waitFor();
    for (let i = 1; i <= 4; i++) {
      await signIn(page, 'lingdao', 'Wrong#pass1');
      await page.getByText('用户名或密码错误').first().waitFor();
    }
    await signIn(page, 'lingdao', 'Wrong#pass1');
    await page
      .getByText(/已锁定/)
      .first()
      .waitFor();
    // The right password is refused while the lock lasts.
    await signIn(page, 'lingdao', DEMO_PASSWORD);
    await page
      .getByText(/已锁定/)
      .first()
      .waitFor();
    expect(page.url()).toMatch(/\/login/);
    await page.close();
  });

  it('makes a new account change its initial password, then signs out', async () => {
    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    await signIn(page, 'admin', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    // The admin creates the account through the same API the users page calls.
    const created = await page.evaluate(async () => {
      const res = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'xinren',
          displayName: '新同事',
          roles: ['office'],
          regionCodes: ['339901100000'],
          initialPassword: 'Start#2026a',
        }),
      });
      return res.status;
    });
    expect(created).toBe(201);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);

    await signIn(page, 'xinren', 'Start#2026a');
    await page.waitForURL(/\/change-password/);
    await page.getByTestId('old-password').fill('Start#2026a');
    await page.getByTestId('new-password').fill('weakpass');
    await page.getByTestId('confirm-password').fill('weakpass');
    await page.getByTestId('change-password-submit').click();
    await page
      .getByText(/至少 3 类/)
      .first()
      .waitFor();
    await page.getByTestId('new-password').fill('Fresh#2026b');
    await page.getByTestId('confirm-password').fill('Fresh#2026b');
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('dashboard').waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
    await signIn(page, 'xinren', 'Fresh#2026b');
    await page.getByTestId('dashboard').waitFor();
    await context.close();
  });

  it('works on a phone: the menu folds into a drawer', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, 'dongcun', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'dashboard-phone');
    await context.close();
  });
});
