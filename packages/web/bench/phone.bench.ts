// The browser bench (issue 12): how much JavaScript the login page loads, and how long a throttled phone takes from
// opening the site to the dashboard's numbers. Run by `npm run bench` (packages/server/bench/run.ts, suites
// `web.login_js` and `web.phone_first_dashboard`). It builds the web app, starts the real platform the way
// `npm start` does (embedded database, demo data, precompressed assets) and drives Debian's Chromium through
// playwright-core. It records numbers and asserts nothing about them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { chromiumPath, launchChromium, startDemoServer } from '../e2e/demo-platform.ts';

/** The part of the server bench's context these suites use (packages/server/bench/harness.ts). */
export interface WebBenchContext {
  record(name: string, value: number, unit: string): void;
}

const root = path.resolve(import.meta.dirname, '../../..');
const dist = path.join(root, 'packages/web/dist');
const DEMO_PASSWORD = 'Anzhi@2026';
const RUNS = 3;

/**
 * Lighthouse's "Slow 4G" (mobileSlow4G in lighthouse/core/config/constants.js): 150 ms round trip, 1.6 Mbps down,
 * 750 Kbps up, CPU 4× slower — the figures issue 12 names. Applied per request through CDP.
 */
export const slow4g = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

/**
 * The same profile as Lighthouse applies it through DevTools (throttlingMethod "devtools", and Chrome's "Slow 4G"
 * preset): request-level throttling does not model TCP/TLS set-up or slow start, so Lighthouse multiplies the
 * latency by 3.75 and the throughput by 0.9 (DEVTOOLS_RTT_ADJUSTMENT_FACTOR, DEVTOOLS_THROUGHPUT_ADJUSTMENT_FACTOR).
 * Recorded beside the main figure as the pessimistic bound.
 */
export const slow4gDevtools = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
export const cpuSlowdown = 4;

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

interface Platform {
  base: string;
  browser: Browser;
  stop(): Promise<void>;
}

let platform: Promise<Platform> | undefined;

/** One build, one server and one browser for both suites; stopped when the bench process exits. */
function startPlatform(): Promise<Platform> {
  platform ??= (async () => {
    if (!chromiumPath) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
    // Measure the sources as they are now, not whatever dist/ an earlier build left (ANZHI_BENCH_WEB_BUILD=0 measures
    // dist/ as it is, e.g. an earlier release's build copied there).
    if (process.env.ANZHI_BENCH_WEB_BUILD !== '0') execFileSync('npm', ['run', 'build', '-w', '@anzhi/web'], { cwd: root, stdio: 'pipe' });
    const server = await startDemoServer({ prefix: 'anzhi-web-bench-' });
    const browser = await launchChromium();
    return {
      base: server.base,
      browser,
      async stop() {
        await browser.close();
        await server.stop();
      },
    };
  })();
  return platform;
}

/** Stops the shared server and browser (the last web suite calls it). */
export async function stopPlatform(): Promise<void> {
  const p = platform;
  platform = undefined;
  if (p) await (await p).stop();
}

/** Suite `web.login_js`: the JavaScript the login page loads — in Chromium, and computed from dist/index.html. */
export async function loginJs(ctx: WebBenchContext) {
  const { base, browser } = await startPlatform();
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const scripts = await watchScripts(context, page);
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').waitFor();
  await networkIdle(scripts);
  const atRender = scripts.summary();
  ctx.record('web.login_js_gz_kb', atRender.gzKb, 'KB');
  ctx.record('web.login_js_br_transferred_kb', atRender.transferredKb, 'KB');
  ctx.record('web.login_js_files', atRender.files, 'files');
  ctx.record('web.login_js_dist_gz_kb', entryFromIndexHtml(), 'KB');
  // Typing fetches the form's schema and starts on the first screen (antd, layout, 工作台) before 登录 is pressed.
  await page.getByTestId('login-username').fill('anweiban');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await dashboardNumbers(page);
  await networkIdle(scripts);
  const all = scripts.summary();
  ctx.record('web.first_dashboard_js_gz_kb', all.gzKb, 'KB');
  ctx.record('web.first_dashboard_js_files', all.files, 'files');
  await context.close();
}

/**
 * Suite `web.phone_first_dashboard`: a phone with an empty cache on slow 4G with a 4× slower CPU opens /, is sent
 * to the login page, signs in as the safety office (the fullest dashboard) and waits for the hazard numbers; median
 * of three cold runs, each in a fresh browser context. The time includes no typing pause: a person typing gives the
 * preload on the login page a head start the bench does not.
 */
export async function phoneFirstDashboard(ctx: WebBenchContext) {
  const { browser, base } = await startPlatform();
  const main = await phoneRuns(browser, base, slow4g);
  ctx.record('web.phone_login_form_ms', median(main.toLogin), 'ms');
  ctx.record('web.phone_first_dashboard_ms', median(main.toDashboard), 'ms');
  ctx.record('web.phone_first_dashboard_max_ms', Math.round(Math.max(...main.toDashboard)), 'ms');
  const devtools = await phoneRuns(browser, base, slow4gDevtools);
  ctx.record('web.phone_first_dashboard_devtools_ms', median(devtools.toDashboard), 'ms');
  await stopPlatform();
}

async function phoneRuns(browser: Browser, base: string, network: typeof slow4g) {
  const toLogin: number[] = [];
  const toDashboard: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const start = performance.now();
    await page.goto(base, { waitUntil: 'commit' });
    await page.getByTestId('login-username').waitFor({ timeout: 60_000 });
    toLogin.push(performance.now() - start);
    await page.getByTestId('login-username').fill('anweiban');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await dashboardNumbers(page);
    toDashboard.push(performance.now() - start);
    await context.close();
  }
  return { toLogin, toDashboard };
}

async function dashboardNumbers(page: Page) {
  await page.getByTestId('hazard-stat-open').locator('.ant-statistic-content-value').waitFor({ timeout: 120_000 });
}

interface ScriptWatch {
  summary(): { gzKb: number; transferredKb: number; files: number };
  pending(): number;
  lastActivity(): number;
}

/** Every JavaScript file the page requests (CDP network events), with the bytes on the wire and its gzip size. */
async function watchScripts(context: BrowserContext, page: Page): Promise<ScriptWatch> {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const transferred = new Map<string, number>();
  let inFlight = 0;
  let last = performance.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    inFlight++;
    last = performance.now();
    if (new URL(e.request.url).pathname.endsWith('.js')) urls.set(e.requestId, e.request.url);
  });
  const done = (e: { requestId: string; encodedDataLength?: number }) => {
    inFlight = Math.max(0, inFlight - 1);
    last = performance.now();
    if (urls.has(e.requestId) && e.encodedDataLength !== undefined) transferred.set(e.requestId, e.encodedDataLength);
  };
  cdp.on('Network.loadingFinished', done);
  cdp.on('Network.loadingFailed', done);
  return {
    summary() {
      const files = new Set(urls.values());
      let gz = 0;
      for (const url of files) gz += gzipSizeOf(new URL(url).pathname);
      let wire = 0;
      for (const bytes of transferred.values()) wire += bytes;
      return { gzKb: kb(gz), transferredKb: kb(wire), files: files.size };
    },
    pending: () => inFlight,
    lastActivity: () => last,
  };
}

/** Waits until no request has been in flight for half a second (the page has asked for all it will ask for). */
async function networkIdle(watch: ScriptWatch) {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    if (watch.pending() === 0 && performance.now() - watch.lastActivity() > 500) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The gzip size of a built file: the .gz the build wrote beside it, or gzip level 9 now (files under 1 KB). */
function gzipSizeOf(urlPath: string): number {
  const file = path.join(dist, urlPath);
  if (fs.existsSync(`${file}.gz`)) return fs.statSync(`${file}.gz`).size;
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** The entry script and every modulepreload of index.html: what any first visit downloads before rendering. */
function entryFromIndexHtml(): number {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1] as string);
  return kb(files.reduce((sum, f) => sum + gzipSizeOf(f), 0));
}

function kb(bytes: number): number {
  return Number((bytes / 1024).toFixed(1));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] as number);
}
