import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'packages/server/bin/anzhi.mjs');

/**
 * Runs the real `anzhi` command in a child process and waits for it. The environment names the database
 * explicitly: DATABASE_URL (PostgreSQL) or ANZHI_DATA_DIR (embedded); nothing leaks in from the test run.
 */
export function runCli(args: string[], env: { DATABASE_URL?: string; ANZHI_DATA_DIR?: string }) {
  const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  delete base.DATABASE_URL;
  delete base.ANZHI_DATA_DIR;
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
