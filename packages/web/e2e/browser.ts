import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from './demo-platform.ts';

/** Debian's Chromium, headless, with no background networking (this machine has no internet). */
export const launch = launchChromium;

export const baseUrl = () => inject('baseUrl');

export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const desktop = { viewport: { width: 1366, height: 860 } };

/**
 * Signs in through the login page and returns the login response's status (tests of wrong passwords expect 401).
 * A refusal no test expects — rate limiting, a server error — fails here, naming it, instead of as a timeout on the
 * next page's content.
 */
export async function signIn(page: Page, username: string, password: string): Promise<number> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST'),
    page.getByTestId('login-submit').click(),
  ]);
  const status = response.status();
  if (status === 429 || status >= 500) throw new Error(`sign-in of ${username} refused: ${status} ${await response.text()}`);
  return status;
}

export async function screenshot(page: Page, name: string) {
  const dir = process.env.ANZHI_E2E_SCREENSHOTS;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  }
}
