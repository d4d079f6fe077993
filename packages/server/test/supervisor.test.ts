/*
 * `anzhi serve` comes back by itself after a crash: the real command on an embedded data folder, its server child
 * killed with SIGKILL (as the kernel's OOM killer would), then /api/health answers again from a new child that has
 * taken over the dead one's lock. A server that cannot start is not restarted forever.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { repoRoot } from './cli.ts';

const bin = path.join(repoRoot, 'packages/server/bin/anzhi.mjs');
let running: ChildProcess[] = [];
let dirs: string[] = [];

afterEach(() => {
  for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  running = [];
  dirs = [];
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `anzhi serve` in a child process; `output` collects what it prints, `pids` the server children it started. */
function serve(env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ANZHI_RESTART_DELAY_MS: '200' };
  delete base.DATABASE_URL;
  delete base.ANZHI_SUPERVISOR;
  delete base.ANZHI_SUPERVISED;
  const child = spawn(process.execPath, [bin, 'serve'], { cwd: repoRoot, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  const state = { output: '', pids: [] as number[], exited: new Promise<number | null>((r) => child.once('exit', (code) => r(code))) };
  const collect = (chunk: Buffer) => {
    state.output += chunk.toString();
    state.pids = [...state.output.matchAll(/服务进程已启动（pid (\d+)）/gu)].map((m) => Number(m[1]));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, state };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const healthy = (port: number) => async () => {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    return res.ok ? ((await res.json()) as { status: string }) : undefined;
  } catch {
    return undefined;
  }
};

it('restarts the server after its process is killed, and stops cleanly on SIGTERM', { timeout: 300_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-supervise-'));
  dirs.push(dir);
  const port = await freePort();
  const { child, state } = serve({ ANZHI_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' });
  expect(await until('the first start', healthy(port))).toMatchObject({ status: 'ok' });
  const first = state.pids[0] as number;
  expect(first).toBeGreaterThan(0);
  expect(fs.readFileSync(path.join(dir, 'anzhi.lock'), 'utf8')).toBe(String(first));

  process.kill(first, 'SIGKILL');
  const second = await until('a new server process', () => state.pids[1]);
  expect(second).not.toBe(first);
  expect(await until('health after the restart', healthy(port))).toMatchObject({ status: 'ok' });
  // The dead process's lock was taken over by the new one.
  expect(fs.readFileSync(path.join(dir, 'anzhi.lock'), 'utf8')).toBe(String(second));
  expect(state.output).toContain('服务进程被信号 SIGKILL 终止');

  child.kill('SIGTERM');
  expect(await state.exited).toBe(0);
  expect(fs.existsSync(path.join(dir, 'anzhi.lock'))).toBe(false);
});

it('gives up after repeated crashes in a short window, saying so', { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-supervise-'));
  dirs.push(dir);
  // Another live process holds the data folder: every start fails at once.
  const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
  running.push(holder);
  fs.writeFileSync(path.join(dir, 'anzhi.lock'), String(holder.pid));
  const { state } = serve({ ANZHI_DATA_DIR: dir, PORT: String(await freePort()), ANZHI_RESTART_MAX_CRASHES: '3' });
  expect(await state.exited).toBe(1);
  expect(state.pids).toHaveLength(3);
  expect(state.output).toContain(`正被进程 ${holder.pid} 使用`);
  expect(state.output).toMatch(/已崩溃 3 次，不再重启/u);
});
