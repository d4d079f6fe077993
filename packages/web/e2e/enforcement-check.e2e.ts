import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phone, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
const ENTERPRISE = '示例镇华鑫机械制造有限公司';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** A signature drawn with the pointer across the pad. */
async function sign(page: Page, pad: Locator) {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(box.x + 20 + k * 25, box.y + box.height / 2 + (k % 2 ? -20 : 20));
  await page.mouse.up();
}

describe('the on-site check on a phone', () => {
  it('an inspector opens a planned check, fails two items, both inspectors and the representative sign; the enterprise sees two new hazards', async () => {
    // 1. 陈检查 (jiancha) opens 我的检查 and the planned check on the enterprise bound to qiye.
    const inspector = await (await browser.newContext(phone)).newPage();
    await signIn(inspector, 'jiancha', DEMO_PASSWORD);
    await inspector.getByTestId('dashboard').waitFor();
    await inspector.goto(`${baseUrl()}/enforcement/checks?mine=true&status=planned`);
    await inspector.getByTestId('check-list-page').waitFor();
    const card = inspector.locator('[data-testid^="check-card-"]').filter({ hasText: ENTERPRISE }).first();
    await card.waitFor();
    await screenshot(inspector, 'check-list-phone');
    await card.click();
    await inspector.getByTestId('check-header').getByText(ENTERPRISE).waitFor();
    await inspector.getByTestId('check-header').getByText('执法证号 演示-应急-001').waitFor();

    // 2. 开始检查: the checklist; two items fail, the rest pass.
    await inspector.getByTestId('check-start').click();
    await inspector.getByTestId('check-items').waitFor();
    await inspector.getByTestId('check-item-1-fail').click();
    await inspector.getByTestId('check-item-2-fail').click();
    await inspector.getByTestId('check-rest-pass').click();
    await inspector.getByTestId('check-explained').fill('向企业负责人讲解了两处重大事故隐患的整改要求');
    await screenshot(inspector, 'check-items-phone');

    // 3. 现场签字: both inspectors and the representative.
    const panel = inspector.getByTestId('check-sign-panel');
    await panel.waitFor();
    const pads = panel.locator('canvas[data-testid^="sign-inspector-"]');
    expect(await pads.count()).toBe(2);
    await sign(inspector, pads.nth(0));
    await sign(inspector, pads.nth(1));
    await panel.getByTestId('sign-representative-name').fill('周安全');
    await sign(inspector, panel.getByTestId('sign-representative'));
    await panel.getByTestId('sign-submit').click();
    await inspector.getByTestId('check-signed').waitFor({ timeout: 30_000 });
    expect(await inspector.getByTestId('check-hazard-count').textContent()).toContain('2');
    expect(await inspector.getByTestId('check-record-hash').textContent()).toMatch(/[0-9a-f]{64}/);
    await screenshot(inspector, 'check-signed-phone');
    const hrefs = await Promise.all([1, 2].map((seq) => inspector.getByTestId(`check-item-${seq}-hazard`).getAttribute('href')));
    expect(hrefs.every((h) => /^\/hazards\/\d+$/.test(h ?? ''))).toBe(true);

    // 4. The enterprise (qiye) finds both in its hazard list (channel 执法检查).
    const owner = await (await browser.newContext(phone)).newPage();
    await signIn(owner, 'qiye', DEMO_PASSWORD);
    await owner.getByTestId('dashboard').waitFor();
    await owner.goto(`${baseUrl()}/hazards?channel=enforcement`);
    await owner.getByTestId('hazard-table').waitFor();
    for (const href of hrefs) await owner.locator(`a[href="${href}"]`).first().waitFor();
    await screenshot(owner, 'check-hazards-enterprise-phone');
  });
});
