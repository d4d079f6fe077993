import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'packages/server/bin/anzhi.mjs');

type CliEnv = { DATABASE_URL?: string; ANZHI_DATA_DIR?: string } & Record<string, string | undefined>;

/** The child's environment: the database (and object store) named explicitly; nothing leaks in from the test run. */
function childEnv(env: CliEnv): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  for (const name of Object.keys(base)) {
    if (name === 'DATABASE_URL' || name === 'ANZHI_DATA_DIR' || name.startsWith('ANZHI_S3_')) delete base[name];
  }
  return { ...base, ...env };
}

/**
 * Runs the real `anzhi` command in a child process and waits for it. The environment names the database
 * explicitly: DATABASE_URL (PostgreSQL) or ANZHI_DATA_DIR (embedded); nothing leaks in from the test run.
 */
export function runCli(args: string[], env: CliEnv) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: childEnv(env),
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same without blocking this process: for a command that talks to a server the test runs in-process (S3). */
export function runCliAsync(args: string[], env: CliEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: childEnv(env), timeout: 240_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
