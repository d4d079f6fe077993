import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

let root: string;
let dir: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  root ??= fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-lock-test-'));
  dir = fs.mkdtempSync(path.join(root, 'data-'));
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
  child = undefined;
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const lockFile = () => path.join(dir, 'anzhi.lock');

describe('the data folder lock', () => {
  it('is taken by writing this process id, and release removes it', () => {
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
    lock.release(); // twice is harmless
    const again = lockDataDir(dir);
    expect(fs.existsSync(lockFile())).toBe(true);
    again.release();
  });

  it('creates a folder that does not exist yet', () => {
    const nested = path.join(dir, 'a', 'b');
    const lock = lockDataDir(nested);
    expect(fs.readFileSync(path.join(nested, 'anzhi.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('creates the data folder 0700 and tightens one created world-readable (it holds password hashes)', () => {
    const fresh = path.join(dir, 'fresh');
    lockDataDir(fresh).release();
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    fs.chmodSync(dir, 0o755);
    lockDataDir(dir).release();
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('is refused while another live process holds it, naming that process', async () => {
    child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const pid = child.pid as number;
    expect(pid).toBeGreaterThan(0);
    fs.writeFileSync(lockFile(), String(pid));
    expect(() => lockDataDir(dir)).toThrow(`数据目录 ${dir} 正被进程 ${pid} 使用（内嵌数据库不能被两个进程同时打开）`);
    // The holder keeps its lock.
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(pid));
  });

  it('takes over a stale lock left by a process that has exited', () => {
    const dead = spawnSync(process.execPath, ['-e', '']);
    expect(dead.status).toBe(0);
    fs.writeFileSync(lockFile(), String(dead.pid));
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('takes over a lock file that holds no process id', () => {
    fs.writeFileSync(lockFile(), 'garbage');
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('does not remove a lock that another process has taken since', () => {
    child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const lock = lockDataDir(dir);
    fs.writeFileSync(lockFile(), String(child.pid));
    lock.release();
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(child.pid));
  });
});
