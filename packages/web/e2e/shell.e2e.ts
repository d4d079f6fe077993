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

  it('sends a visitor to a login page drawn without antd, which names the missing fields and comes back to the page asked for', async () => {
    const page = await browser.newPage(phone);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${baseUrl()}/hazards`);
    await page.waitForURL(/\/login\?redirect=%2Fhazards/);
    await page.getByTestId('login-username').waitFor();
    // antd draws with CSS-in-JS: no antd component on the page means no antd style elements either.
    await expect(page.locator('[class*="ant-"], style[data-css-hash], style[data-rc-order]').count()).resolves.toBe(0);
    // Only what index.html names: no lazy route chunk (antd, the layout, the hazard ledger) before signing in.
    const html = await (await page.request.get(`${baseUrl()}/login`)).text();
    for (const script of scripts) expect(html).toContain(script);
    await page.getByTestId('login-submit').click();
    await page.getByText('请输入用户名').waitFor();
    await page.getByText('请输入密码').waitFor();
    await page.getByTestId('login-username').fill('anweiban');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/hazards$/);
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

  it('on a phone an enterprise account has the bottom bar, no 系统管理, and its 一企一档 says why its risk is shown higher', async () => {
    // The office grades the enterprise 低风险 and registers a 重大隐患 there: the file must not show 低风险 without a reason.
    const office = await browser.newPage(desktop);
    await signIn(office, 'anweiban', DEMO_PASSWORD);
    await office.getByTestId('dashboard').waitFor();
    const setup = await office.evaluate(async (name) => {
      const json = { 'content-type': 'application/json' };
      const list = await (await fetch(`/api/v1/enterprises?q=${encodeURIComponent(name)}`)).json();
      const e = list.items[0];
      const graded = await fetch(`/api/v1/enterprises/${e.id}`, {
        method: 'PATCH',
        headers: json,
        body: JSON.stringify({ version: e.version, riskLevel: 'low', riskLevelReason: '一般生产经营单位' }),
      });
      const hazard = await fetch('/api/v1/hazards', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          enterpriseId: e.id,
          channel: 'inspection',
          grade: 'major',
          category: 'thing',
          title: '除尘系统未设置泄爆装置',
          description: '铝粉尘干式除尘器未采取泄爆、隔爆措施',
        }),
      });
      const file = await (await fetch(`/api/v1/enterprises/${e.id}/file`)).json();
      return { graded: graded.status, hazard: hazard.status, open: file.risk.openMajorHazards as number };
    }, '华鑫机械');
    expect(setup).toMatchObject({ graded: 200, hazard: 201 });
    expect(setup.open).toBeGreaterThan(0);
    await office.close();

    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, 'qiye', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    const bar = page.getByTestId('bottom-bar');
    await bar.waitFor();
    for (const tab of ['tab-home', 'tab-todos', 'tab-report', 'tab-mine']) {
      const box = await page.getByTestId(tab).boundingBox();
      // Large touch targets, inside the 390 px screen.
      expect(box?.height, tab).toBeGreaterThanOrEqual(48);
      expect((box?.x ?? 0) + (box?.width ?? 0), tab).toBeLessThanOrEqual(390);
    }
    await expect(page.getByTestId('tab-report').textContent()).resolves.toContain('自查上报');
    // The page's last content stays above the bar.
    const padding = await page.locator('.app-content').evaluate((el) => Number.parseFloat(getComputedStyle(el).paddingBottom));
    const barHeight = (await bar.boundingBox())?.height ?? 0;
    expect(padding).toBeGreaterThanOrEqual(barHeight);

    await page.getByTestId('menu-toggle').click();
    await page
      .getByRole('menuitem', { name: /隐患排查治理/ })
      .first()
      .waitFor();
    await expect(page.getByRole('menuitem', { name: /系统管理/ }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-mine').click();
    await page.getByTestId('mine-enterprise').click();
    await page.getByTestId('enterprise-detail').waitFor();
    await page.getByTestId('enterprise-name').getByText('华鑫机械').waitFor();
    const reason = page.getByTestId('risk-reason').first();
    await reason.waitFor();
    // The demo enterprise's own assessment has a 重大 risk point (双重预防), which is above the open-major-hazard floor:
    // the reason names the source that raised it.
    await expect(reason.textContent()).resolves.toMatch(/企业风险辨识评估最高为重大风险|存在 \d+ 项未销号重大隐患/);
    await page.getByText('除尘系统未设置泄爆装置').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'enterprise-file-phone');
    await context.close();
  });
});
