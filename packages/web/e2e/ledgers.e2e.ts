import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktop, launch, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** A village's 经营性自建房 sheet as kept by hand: a title row, 必填 marks, one bad row to fix first. */
async function sheet(names: string[], bad: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自建房');
  ws.addRow(['东村经营性自建房排查台账']);
  ws.mergeCells('A1:F1');
  ws.addRow(['名称*', '所在村（社区）', '房屋产权人*', '层数（层）', '经营用途', '已做房屋安全鉴定']);
  for (const [i, n] of names.entries()) ws.addRow([n, '东村', `产权人${i}`, bad && i === 1 ? '三层半' : 3, '餐饮', '是']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('专项台账 in a real browser', () => {
  const run = (Date.now() % 1_000_000).toString(36).toUpperCase();
  const names = [`东村试验楼甲${run}`, `东村试验楼乙${run}`];

  it('the office imports a sheet (errors first, then the fixed file) and prints the labels of what it chose', async () => {
    const context = await browser.newContext({ ...desktop, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, 'anweiban', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${baseUrl()}/ledgers`);
    await page.getByRole('tab', { name: /经营性自建房/ }).click();

    await page.getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: '自建房.xlsx', mimeType: XLSX, buffer: await sheet(names, true) });
    await dialog.getByRole('button', { name: '预览' }).click();
    await dialog.getByText('层数（层）：应为整数').waitFor();
    await screenshot(page, 'ledger-import-errors');
    await dialog.locator('input[type=file]').setInputFiles({ name: '自建房.xlsx', mimeType: XLSX, buffer: await sheet(names, false) });
    await dialog.getByRole('button', { name: '预览' }).click();
    await dialog.getByText('预览：将新增 2 个').waitFor();
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await dialog.getByText('已新增 2 个').waitFor();
    await dialog.getByRole('button', { name: '完成' }).click();

    await page.getByPlaceholder('名称、地址或企业').fill(run);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByRole('row', { name: new RegExp(names[0] as string) });
    await row.waitFor();
    await row.locator('input[type=checkbox]').check({ force: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /打印所选标签（1）/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await screenshot(page, 'ledger-list');
    await context.close();
  });
});
