// 双重预防 (issue 16) on a phone with poor signal: the enterprise's safety officer loads today's checks, loses the
// network, records a check with one 异常 and a photo, sees 待同步 1 条 (and the page still opens with no network),
// comes back online, and the record syncs exactly once — a second post of the same clientId is answered `duplicate`
// and makes no second hazard — and the hazard is there for the township. A grid worker patrols a small venue.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, phone, screenshot, signIn } from './browser.ts';

const DEMO_PASSWORD = 'Anzhi@2026';
const photo = path.resolve(import.meta.dirname, '../../server/test/fixtures/files/phone-rotated.jpg');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

type Json = Record<string, unknown>;

/** A signed-in API session of a demo account, for what the test checks behind the pages. */
async function session(username: string) {
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(login.status, `login ${username}`).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    async get(url: string): Promise<Json> {
      const res = await fetch(`${baseUrl()}/api/v1${url}`, { headers: { cookie } });
      const text = await res.text();
      expect(res.status, `GET ${url}: ${text}`).toBe(200);
      return JSON.parse(text) as Json;
    },
    /** Posts a check record the way the phone does (multipart `record` + `photo.<seq>`). */
    async postRecord(record: unknown, photos: Record<string, Buffer>): Promise<{ status: number; json: Json }> {
      const form = new FormData();
      form.append('record', JSON.stringify(record));
      for (const [part, bytes] of Object.entries(photos))
        form.append(part, new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg');
      const res = await fetch(`${baseUrl()}/api/v1/check-records`, { method: 'POST', headers: { cookie }, body: form });
      return { status: res.status, json: (await res.json()) as Json };
    },
  };
}

/** The page is controlled by the service worker, which has precached the app shell (so it opens offline). */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** The outbox as the phone keeps it in IndexedDB (without the photo bytes). */
function readOutbox(page: Page): Promise<Array<{ clientId: string; record: Json; photos: Array<{ seq: number }> }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('anzhi-checks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () =>
            resolve(
              all.result.map((r) => ({
                clientId: r.clientId,
                record: r.record,
                photos: r.photos.map((p: { seq: number }) => ({ seq: p.seq })),
              })),
            );
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Answers every item of the open checklist 正常, except the first: 异常 with a note and a photo. */
async function recordChecklist(page: Page, finding: string) {
  const items = page.locator('[data-testid^="check-item-"]');
  await items.first().waitFor();
  const ids = await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-testid')?.replace('check-item-', ''))));
  expect(ids.length).toBeGreaterThan(0);
  const [first, ...rest] = ids;
  await page.getByTestId(`item-${first}-abnormal`).click();
  await page.getByTestId(`item-${first}-note`).fill(finding);
  // Not fixed on the spot: the hazard it becomes needs a deadline, a week from now.
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId(`item-${first}-deadline`).fill(inAWeek);
  await page.getByTestId(`photo-input-${first}`).setInputFiles(photo);
  await page.getByRole('img', { name: '照片 1' }).waitFor();
  for (const seq of rest) await page.getByTestId(`item-${seq}-normal`).click();
  await page.getByTestId('record-save').click();
}

describe('offline checks on a phone (issue 16)', () => {
  it('records a check offline, syncs it once when the network returns, and the township sees the hazard', async () => {
    const qiye = await session('qiye');
    const office = await session('anweiban');
    const context: BrowserContext = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, 'qiye', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('tab-checks').click();
    await page.getByTestId('phone-checks').waitFor();
    await waitForServiceWorker(page);

    const today = (await qiye.get('/check-tasks/today')) as {
      items: Array<{ taskPeriodId: number; enterpriseId: number; status: string }>;
    };
    const due = today.items.find((c) => c.status === 'open');
    expect(due?.taskPeriodId, 'the demo gives qiye an open check today').toBeGreaterThan(0);
    const enterpriseId = due?.enterpriseId ?? 0;
    const hazardsBefore = Number((await office.get(`/hazards?enterpriseId=${enterpriseId}&pageSize=1`)).total);

    // No network from here: the checklist, the form and the photo all stay on the phone.
    await context.setOffline(true);
    await page.locator(`a[href="/dual/m/checks/${due?.taskPeriodId}"]`).click();
    await page.getByTestId('phone-check-form').waitFor();
    const finding = `离线排查：配电箱门未关闭，箱内积尘 ${Date.now()}`;
    await recordChecklist(page, finding);
    await page.getByTestId('phone-checks').waitFor();
    await page.getByTestId('phone-pending').getByText('待同步 1 条').waitFor();
    await page.locator(`a[href="/dual/m/checks/${due?.taskPeriodId}"]`).getByText('待同步').waitFor();
    await screenshot(page, 'dual-offline-pending');

    // The page opens again with no network at all: the shell from the service worker, the user and the list from
    // the phone (not the login page).
    await page.reload();
    await page.getByTestId('phone-offline-copy').waitFor();
    await page.getByTestId('phone-pending').getByText('待同步 1 条').waitFor();
    expect(page.url()).toContain('/dual/m/checks');
    const [kept] = await readOutbox(page);
    expect(kept.photos).toEqual([{ seq: expect.any(Number) }]);

    // Back online: the outbox is sent by itself, once.
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/check-records') && r.request().method() === 'POST');
    await context.setOffline(false);
    const response = await posted;
    expect(response.status()).toBeLessThan(300);
    const synced = (await response.json()) as { clientId: string; recordId: number; status: string; hazardIds: number[] };
    expect(synced).toMatchObject({ clientId: kept.clientId, status: 'created' });
    expect(synced.hazardIds).toHaveLength(1);
    await page.getByText('同步完成').first().waitFor();
    await page.getByTestId('phone-synced').waitFor();
    await expect(readOutbox(page)).resolves.toEqual([]);

    // A retried sync (the answer was lost on the way): the same clientId is answered `duplicate`, nothing new.
    const again = await qiye.postRecord(kept.record, { [`photo.${kept.photos[0].seq}`]: fs.readFileSync(photo) });
    expect(again.status).toBeLessThan(300);
    expect(again.json).toMatchObject({
      clientId: kept.clientId,
      recordId: synced.recordId,
      status: 'duplicate',
      hazardIds: synced.hazardIds,
    });
    // 立即同步 with an empty outbox posts nothing.
    await expect(page.getByTestId('phone-sync-now').isDisabled()).resolves.toBe(true);

    // The township's office finds exactly one new hazard, the one the 异常 became.
    const after = (await office.get(`/hazards?enterpriseId=${enterpriseId}&pageSize=200`)) as {
      total: number;
      items: Array<{ id: number }>;
    };
    expect(after.total).toBe(hazardsBefore + 1);
    expect(after.items.map((h) => h.id)).toContain(synced.hazardIds[0]);
    await screenshot(page, 'dual-offline-synced');
    await context.close();
  });

  it('a grid worker patrols a small venue of this month from the phone', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, 'dongcun', DEMO_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('tab-checks').click();
    await page.getByTestId('phone-patrols').waitFor();
    const venue = page.getByTestId('patrol-venue').filter({ hasText: '未巡查' }).first();
    await venue.waitFor();
    const href = (await venue.getAttribute('href')) ?? '';
    await venue.click();
    await page.getByTestId('phone-patrol-form').waitFor();
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/check-records') && r.request().method() === 'POST');
    await recordChecklist(page, `巡查发现：电动车在楼道内充电 ${Date.now()}`);
    const response = await posted;
    expect(response.status()).toBeLessThan(300);
    await expect(response.json()).resolves.toMatchObject({ status: 'created' });
    await page.getByTestId('phone-synced').waitFor();
    // The list, loaded again, shows the venue patrolled with its finding.
    await page
      .locator(`a[href="${href}"]`)
      .getByText(/已巡查/)
      .waitFor();
    await screenshot(page, 'dual-patrol-done');
    await context.close();
  });
});
