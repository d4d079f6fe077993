import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.ts';
import { freshDatabase } from '../../../test/test-db.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { fixedClock } from '../../lib/clock.ts';

// The plan dispatch counts ride along in the same output (modules/plans/plan-sweep.cli.ts).
const zeros = { reminders: 0, overdue: 0, escalations: 0, notifications: 0, dispatchReminders: 0, dispatchOverdue: 0 };
const dirs: string[] = [];
const open: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  // Closing a PostgreSQL test database drops it: only after the child processes are done.
  for (const db of open) await db.close();
});

/** A database the child process can open: the PostgreSQL test database, or an embedded one in a temp folder. */
async function demoDatabaseEnv(): Promise<{ DATABASE_URL?: string; ANZHI_DATA_DIR?: string }> {
  if (process.env.ANZHI_TEST_DB === 'postgres') {
    const database = await freshDatabase();
    await seedDemo(database, fixedClock(new Date('2026-12-01T01:00:00Z')));
    open.push(database);
    return { DATABASE_URL: database.url as string };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-sweep-'));
  dirs.push(dir);
  const seeded = runCli(['seed-demo'], { ANZHI_DATA_DIR: dir });
  expect(seeded.status, seeded.stderr).toBe(0);
  return { ANZHI_DATA_DIR: dir };
}

describe('npx anzhi sweep --now <ISO> --json', () => {
  it('applies the time rules as of any moment, and a second run creates nothing', { timeout: 180_000 }, async () => {
    const env = await demoDatabaseEnv();
    const later = runCli(['sweep', '--now', '2027-06-01T09:00:00+08:00', '--json'], env);
    expect(later.status, later.stderr).toBe(0);
    const first = JSON.parse(later.stdout);
    expect(first.skipped).toBe(false);
    expect(first.created.overdue).toBeGreaterThan(0);
    expect(first.created.escalations).toBeGreaterThan(0);
    const again = runCli(['sweep', '--now', '2027-06-01T09:00:00+08:00', '--json'], env);
    expect(JSON.parse(again.stdout).created).toEqual(zeros);
    const human = runCli(['sweep', '--now', '2027-06-01T09:00:00+08:00'], env);
    expect(human.stdout).toContain('巡检完成');
    const bad = runCli(['sweep', '--now', 'tomorrow'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--now 应为 ISO 时间');
  });
});
