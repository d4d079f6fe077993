import { creditCodeCheckChar } from '@anzhi/core';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktop, launch, phone, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** A valid 统一社会信用代码 of the demo county, different on every run so reruns never collide. */
function creditCode(seed: number): string {
  const digits = String(seed).padStart(7, '0').slice(-7);
  const first17 = `91339901MA${digits}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The same code with a wrong check character: what a typo in a real ledger looks like. */
function withWrongCheckChar(code: string): { code: string; expected: string } {
  const expected = code.slice(-1);
  const wrong = CHARSET[(CHARSET.indexOf(expected) + 1) % CHARSET.length] as string;
  return { code: code.slice(0, 17) + wrong, expected };
}

interface LedgerRow {
  name: string;
  creditCode: string;
  village: string;
  principal: string;
  phone: string;
  domain: string;
}

/** A township ledger as clerks keep it: a title row above the header, then one enterprise a row. */
async function workbook(rows: LedgerRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业台账');
  ws.addRow(['示例镇生产经营单位台账（2026年）']);
  ws.mergeCells('A1:F1');
  ws.addRow(['企业名称', '统一社会信用代码', '所属村', '主要负责人', '主要负责人电话', '行业领域']);
  for (const r of rows) ws.addRow([r.name, r.creditCode, r.village, r.principal, r.phone, r.domain]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('import-upload').setInputFiles({ name, mimeType: XLSX, buffer });
}

describe('the enterprise registry in a real browser', () => {
  const run = Date.now() % 1_000_000;
  const suffix = run.toString(36).toUpperCase();
  const names = ['永安五金', '宏达机械', '恒通塑业', '瑞丰包装'].map((n) => `示例镇${n}${suffix}有限公司`);
  const codes = names.map((_, i) => creditCode(run * 10 + i));
  const bad = withWrongCheckChar(codes[1] as string);
  const good: LedgerRow[] = names.map((name, i) => ({
    name,
    creditCode: codes[i] as string,
    village: '东村',
    principal: ['赵一', '钱二', '孙三', '李四'][i] as string,
    phone: `1380000${String(1000 + i)}`,
    domain: '工贸',
  }));

  it('imports a ledger: reports the bad rows, imports the fixed file, finds it, prints its card', async () => {
    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();

    await page.goto(`${baseUrl()}/enterprises/import`);
    await page.getByText('点击选择或将 Excel 文件拖到此处').waitFor();
    await screenshot(page, 'enterprise-import-choose');

    // Row 1 is the title, row 2 the header: the data rows are Excel rows 3–6; rows 4 and 6 are wrong.
    const broken = good.map((r) => ({ ...r }));
    (broken[1] as LedgerRow).creditCode = bad.code;
    (broken[3] as LedgerRow).phone = '12345';
    await upload(page, '台账-有错.xlsx', await workbook(broken));
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await preview.getByText('可导入：新增 2、更新 0、无变化 0').waitFor();
    const errorRows = page.getByTestId('import-errors').locator('tbody tr.ant-table-row');
    await expect(errorRows.count()).resolves.toBe(2);
    const first = (await errorRows.nth(0).textContent()) ?? '';
    const second = (await errorRows.nth(1).textContent()) ?? '';
    expect(first).toContain('第 4 行');
    expect(first).toContain('统一社会信用代码');
    expect(first).toContain(`校验位应为 ${bad.expected}`);
    expect(second).toContain('第 6 行');
    expect(second).toMatch(/电话/);
    expect(second).toMatch(/手机号|电话号码|固定电话/);
    await screenshot(page, 'enterprise-import-preview');

    // The clerk fixes the two cells in Excel and chooses the file again.
    await page.getByRole('button', { name: /重新选择文件/ }).click();
    await upload(page, '台账-已改正.xlsx', await workbook(good));
    await page.getByText('可导入：新增 4、更新 0、无变化 0').waitFor();
    await expect(page.getByTestId('import-errors').count()).resolves.toBe(0);
    await page.getByTestId('import-confirm').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    await result.getByText('新增 4 家、更新 0 家、无变化 0 家').waitFor();
    await screenshot(page, 'enterprise-import-result');

    // The imported enterprise is in the list, found by name.
    const target = names[2] as string;
    await result.getByRole('link', { name: '查看企业列表' }).click();
    await page.getByTestId('enterprise-table').waitFor();
    await page.getByTestId('enterprise-search-input').fill(target);
    await page.getByTestId('enterprise-search-submit').click();
    await page.waitForURL((url) => url.searchParams.get('q') === target);
    // The list refetches in place: wait for the filtered total, not just for a row (the unfiltered list has it too).
    await page.getByText('共 1 家').waitFor();
    const link = page.getByTestId('enterprise-table').getByRole('link', { name: target });
    await expect(page.getByTestId('enterprise-table').locator('tbody tr.ant-table-row').count()).resolves.toBe(1);
    await screenshot(page, 'enterprise-list-search');

    await link.click();
    const detail = page.getByTestId('enterprise-detail');
    await detail.waitFor();
    await detail.getByTestId('enterprise-name').getByText(target).waitFor();
    await detail
      .getByText(codes[2] as string)
      .first()
      .waitFor();
    await screenshot(page, 'enterprise-detail');

    await page.getByTestId('print-card').click();
    const card = page.getByTestId('responsibility-card');
    await card.waitFor();
    await card.getByText('安全生产“三个责任人”公示牌').waitFor();
    for (const role of ['行政领导责任人', '部门监管责任人', '企业主要负责人']) await card.getByText(role).first().waitFor();
    await card.getByText('孙三').waitFor();
    await card.getByText('13800001002').waitFor();
    await card.getByText('12350').waitFor();
    await card.getByText('扫码举报安全隐患（可匿名）').waitFor();
    const qr = card.locator('img[alt="举报二维码"], svg').first();
    await qr.waitFor();
    const src = await qr.getAttribute('src');
    if (src !== null) expect(src).toMatch(/^data:image\/png;base64,/);
    // The print button is for the screen only.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: /打印/ }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'enterprise-card');
    await context.close();
  });

  it('lists enterprises as cards on a phone, without sideways scrolling', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${baseUrl()}/enterprises?riskLevel=major`);
    const list = page.getByTestId('enterprise-table');
    await list.waitFor();
    await list.locator('.enterprise-mobile-item').first().waitFor();
    await list.getByText('重大风险').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'enterprise-list-phone');
    await context.close();
  });
});
