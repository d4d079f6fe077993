import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phone, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The links of the to-dos on the home page (工作台), once they have loaded. */
async function homeTodoLinks(page: Page): Promise<string[]> {
  await page.goto(`${baseUrl()}/`);
  const home = page.getByTestId('home-todos');
  await home.locator('[data-testid=todo-item], [data-testid=todo-empty]').first().waitFor();
  return home.getByTestId('todo-item').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
}

/** Every to-do of the 待办 page (the home card shows the most urgent few of each kind). */
async function todoPageLinks(page: Page): Promise<string[]> {
  await page.goto(`${baseUrl()}/todos`);
  await page.getByTestId('todos-page').waitFor();
  await page.locator('[data-testid=todo-list], [data-testid=todo-empty]').first().waitFor();
  return page.getByTestId('todo-item').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
}

async function signedInPhone(username: string): Promise<Page> {
  const page = await (await browser.newContext(phone)).newPage();
  await signIn(page, username, DEMO_PASSWORD);
  await page.getByTestId('dashboard').waitFor();
  return page;
}

/**
 * A field role's day on a phone: the home page shows a to-do that is one step of the hazard loop; one tap opens that
 * step's form on the hazard; sending it completes the step; back home, the to-do is gone.
 */
async function takeHazardStep(username: string, steps: RegExp, from: 'home' | 'todos' = 'home') {
  const page = await signedInPhone(username);
  const links = from === 'home' ? await homeTodoLinks(page) : await todoPageLinks(page);
  const link = links.find((l) => steps.test(l));
  expect(link, `${username}: ${links.join(', ')}`).toBeTruthy();
  await screenshot(page, `todos-${from}-${username}`);

  await page
    .getByTestId(from === 'home' ? 'home-todos' : 'todos-page')
    .locator(`a[href="${link}"]`)
    .first()
    .click();
  const drawer = page.getByTestId('hazard-action-drawer');
  await drawer.waitFor();
  expect(new URL(page.url()).pathname).toBe((link as string).split('?')[0]);
  if (link?.endsWith('action=accept')) await drawer.getByLabel('验收意见').fill('现场复查合格，同意销号');
  await drawer.getByTestId('hazard-action-submit').click();
  await drawer.waitFor({ state: 'hidden' });
  await page.getByTestId('hazard-timeline').waitFor();

  expect(await homeTodoLinks(page)).not.toContain(link);
  // The 待办 page and its menu agree with the home page.
  expect(await todoPageLinks(page)).not.toContain(link);
  await screenshot(page, `todos-page-${username}`);
  await page.context().close();
}

describe('每个角色的待办 on a phone (390×844)', () => {
  it('the inspector accepts a fix of a hazard they registered', async () => {
    await takeHazardStep('jiancha', /\?action=accept$/);
  });

  it('the village grid worker accepts the fix of what they found on patrol', async () => {
    await takeHazardStep('dongcun', /\?action=accept$/);
  });

  it('the supervising unit takes its step (验收, 挂牌督办 or 同意延期)', async () => {
    // 应急办's home card is full of more urgent kinds (overdue 认定, a 举报 past its deadline, a 复查): the step is on the 待办 page.
    await takeHazardStep('yingji', /\?action=(accept|supervise|approveExtension)$/, 'todos');
  });

  it('the enterprise sees its own name and signs the report its to-do asks for', async () => {
    const page = await signedInPhone('qiye');
    await page.getByTestId('hazard-cards').getByText('示例镇华鑫机械制造有限公司的隐患').waitFor();
    await expect(page.getByTestId('stat-userCount').count()).resolves.toBe(0);
    await expect(page.getByTestId('stat-regionCount').count()).resolves.toBe(0);
    const links = await homeTodoLinks(page);
    const link = links.find((l) => l.startsWith('/hazards/reports?sign='));
    expect(link, links.join(', ')).toBeTruthy();
    await screenshot(page, 'todos-home-qiye');

    await page.getByTestId('home-todos').locator(`a[href="${link}"]`).click();
    const panel = page.getByTestId('hazard-report-sign-panel');
    await panel.waitFor();
    await panel.getByTestId('hazard-report-sign-confirm').click();
    await page
      .getByText(/报告已签署/)
      .first()
      .waitFor();
    await panel.waitFor({ state: 'hidden' });

    expect(await homeTodoLinks(page)).not.toContain(link);
    await page.goto(`${baseUrl()}/todos?box=done`);
    await page.getByTestId('todos-page').waitFor();
    await page
      .getByTestId('todo-list')
      .getByText(/已签署/)
      .first()
      .waitFor();
    await page.context().close();
  });
});
