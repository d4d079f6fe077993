import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktop, launch, phone, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
const ENTERPRISE = '示例镇华鑫机械制造有限公司';
const photo = fs.readFileSync(path.resolve(import.meta.dirname, '../../server/test/fixtures/files/phone-rotated.jpg'));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** A number on the dashboard's hazard card. */
async function dashboardNumber(page: Page, key: string): Promise<number> {
  await page.goto(`${baseUrl()}/`);
  const card = page.getByTestId(`hazard-stat-${key}`);
  await card.waitFor();
  const text = (await card.locator('.ant-statistic-content-value').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

/** Chooses a photo in the n-th picker on the page and waits until the server has it. */
async function addPhoto(page: Page, scope: Pick<Page, 'locator'> = page) {
  const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/files') && r.request().method() === 'POST');
  await scope.locator('input[type=file]').first().setInputFiles({ name: '现场.jpg', mimeType: 'image/jpeg', buffer: photo });
  expect((await uploaded).status()).toBe(201);
}

describe('the hazard loop in a real browser', () => {
  it('an inspector records a hazard with a photo on a phone; the enterprise rectifies; the unit accepts; the dashboard follows', async () => {
    const title = `配电箱门未上锁${Date.now().toString(36)}`;

    // 1. The inspector, in the field on a phone.
    const inspector = await (await browser.newContext(phone)).newPage();
    await signIn(inspector, 'jiancha', DEMO_PASSWORD);
    await inspector.getByTestId('dashboard').waitFor();
    const openBefore = await dashboardNumber(inspector, 'open');
    const closedBefore = await dashboardNumber(inspector, 'closedThisMonth');

    await inspector.goto(`${baseUrl()}/hazards/new`);
    await inspector.getByTestId('hazard-new-page').waitFor();
    const select = inspector.getByLabel('企业');
    await select.click();
    await select.fill('华鑫');
    await inspector.locator('.ant-select-item-option').filter({ hasText: ENTERPRISE }).first().click();
    await inspector.getByText('物的不安全状态').click();
    await inspector.getByTestId('hazard-title').fill(title);
    await inspector.getByTestId('hazard-description').fill('二号车间配电箱门未上锁，箱内带电部位外露，可能导致触电');
    await addPhoto(inspector);
    await inspector.getByRole('button', { name: '7天内' }).click();
    await screenshot(inspector, 'hazard-new-phone');
    await inspector.getByTestId('hazard-submit').click();
    await inspector.getByTestId('hazard-detail').waitFor();
    await inspector.getByTestId('hazard-header').getByText(title).waitFor();
    const id = Number(new URL(inspector.url()).pathname.split('/').pop());
    expect(id).toBeGreaterThan(0);
    await inspector.getByTestId('hazard-timeline').locator('img').first().waitFor();
    await screenshot(inspector, 'hazard-detail-phone');
    expect(await dashboardNumber(inspector, 'open')).toBe(openBefore + 1);

    // 2. The enterprise's safety officer fixes it and sends the after-photo.
    const owner = await (await browser.newContext(phone)).newPage();
    await signIn(owner, 'qiye', DEMO_PASSWORD);
    await owner.getByTestId('dashboard').waitFor();
    await owner.goto(`${baseUrl()}/hazards/${id}`);
    await owner.getByTestId('hazard-action-rectify').click();
    const drawer = owner.getByTestId('hazard-action-drawer');
    await drawer.waitFor();
    await drawer.getByLabel('整改情况').fill('已加装门锁并张贴警示标识，钥匙由电工保管');
    await addPhoto(owner, drawer);
    await drawer.getByTestId('hazard-action-submit').click();
    await owner.getByTestId('hazard-header').getByText('待验收销号').waitFor();
    await screenshot(owner, 'hazard-rectified-phone');

    // 3. The supervising unit (应急办) checks the fix and signs it off.
    const unit = await (await browser.newContext(desktop)).newPage();
    await signIn(unit, 'yingji', DEMO_PASSWORD);
    await unit.getByTestId('dashboard').waitFor();
    await unit.goto(`${baseUrl()}/hazards/${id}`);
    await unit.getByTestId('hazard-action-accept').click();
    const accept = unit.getByTestId('hazard-action-drawer');
    await accept.getByLabel('验收意见').fill('现场复查：门锁已安装，符合要求，同意销号');
    await accept.getByTestId('hazard-action-submit').click();
    await unit.getByTestId('hazard-header').getByText('已销号').waitFor();
    await unit.getByTestId('hazard-timeline').getByText('验收销号').first().waitFor();
    await screenshot(unit, 'hazard-closed');

    // 4. The numbers on the dashboard follow the record.
    expect(await dashboardNumber(inspector, 'open')).toBe(openBefore);
    expect(await dashboardNumber(inspector, 'closedThisMonth')).toBe(closedBefore + 1);
  });

  it('举一反三 from a cited major hazard reaches similar enterprises; an enterprise signs its quarterly report', async () => {
    const office = await (await browser.newContext(desktop)).newPage();
    await signIn(office, 'anweiban', DEMO_PASSWORD);
    await office.getByTestId('dashboard').waitFor();
    // A demo major hazard that cites a criterion (confirmed or later).
    await office.goto(`${baseUrl()}/hazards?grade=major&status=rectifying`);
    await office.getByTestId('hazard-table').locator('tbody tr.ant-table-row').first().waitFor();
    await office.getByTestId('hazard-table').locator('tbody tr.ant-table-row a').first().click();
    await office.getByTestId('hazard-detail').waitFor();
    await office.getByTestId('hazard-propagate').click();
    await office.getByRole('button', { name: '下发排查要求' }).click();
    await office.getByText(/已向 \d+ 家同类企业下发排查要求/).waitFor();
    await office.goto(`${baseUrl()}/hazards/checks`);
    await office.getByText('举一反三排查').first().waitFor();
    await screenshot(office, 'hazard-checks');

    const owner = await (await browser.newContext(phone)).newPage();
    await signIn(owner, 'qiye', DEMO_PASSWORD);
    await owner.getByTestId('dashboard').waitFor();
    await owner.goto(`${baseUrl()}/hazards/reports`);
    const sign = owner.getByRole('button', { name: '签署' }).first();
    await sign.waitFor();
    await sign.click();
    await owner.locator('.ant-popconfirm').getByRole('button', { name: '签署' }).click();
    await owner.getByText(/报告已签署/).waitFor();
    await owner.getByText('已签署').first().waitFor();
    await screenshot(owner, 'hazard-reports-phone');
  });
});
