import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { codes, login, seedOrg } from '../../../test/app.ts';
import { runCli } from '../../../test/cli.ts';
import { freshDatabase } from '../../../test/test-db.ts';
import { buildApp, createServices } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { type Database, openDatabase } from '../../db/client.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createDiskStorage } from '../../lib/storage.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';

const dirs: string[] = [];
const open: Database[] = [];
afterAll(async () => {
  for (const db of open) await db.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-settings-cli-'));
  dirs.push(d);
  return d;
};

/** A database the child process can open too: the PostgreSQL test database, or an embedded one in a folder. */
async function sharedDatabase(): Promise<{
  database: Database;
  env: { DATABASE_URL?: string; ANZHI_DATA_DIR?: string };
  keepOpen: boolean;
}> {
  if (process.env.ANZHI_TEST_DB === 'postgres') {
    const database = await freshDatabase();
    return { database, env: { DATABASE_URL: database.url as string }, keepOpen: true };
  }
  const dir = tempDir();
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pgdata') });
  await prepareDatabase(database);
  return { database, env: { ANZHI_DATA_DIR: dir }, keepOpen: false };
}

describe('npx anzhi sweep reads the settings store', () => {
  it('applies the ladder days the office set through the API (函告 after 5 days there, after 1 day next door)', {
    timeout: 180_000,
  }, async () => {
    const { database, env, keepOpen } = await sharedDatabase();
    const clock = fixedClock(new Date('2026-03-02T01:00:00Z'));
    const config = loadConfig({ ANZHI_DATA_DIR: '/tmp/anzhi-unused', LOG_LEVEL: 'silent', ANZHI_LOGIN_RATE_PER_MINUTE: '10000' });
    const services = createServices({ database, clock, storage: createDiskStorage(tempDir()) });
    const app = await buildApp({ config, database, clock, logger: false, services });
    const org = await seedOrg(database);
    const [office, otherOffice] = await Promise.all([login(app, 'office'), login(app, 'otheroffice')]);

    const at = new Date('2026-01-01T00:00:00Z');
    for (const [s, regionCode, unitId, n] of [
      [office, codes.village1, org.units.emergency.id, 1],
      [otherOffice, codes.otherVillage, org.units.otherEmergency.id, 2],
    ] as const) {
      const e = await enterpriseRepo.insert(database.db, {
        name: `化工${n}厂`,
        nameKey: `化工${n}`,
        regionCode,
        domains: ['hazardousChemicals'],
        industryCode: '26',
        supervisingUnitId: unitId,
        publicCode: `cliTest000${n}`,
        createdAt: at,
        updatedAt: at,
      });
      const created = await s.post('/api/v1/hazards', {
        enterpriseId: e.id,
        channel: 'inspection',
        grade: 'general',
        category: 'thing',
        title: '报警器失效',
        description: '可燃气体报警器不报警',
        deadline: '2026-03-05',
      });
      expect(created.statusCode, created.body).toBe(201);
      // Fixture: made major in place (the loop that gets a major hazard here is hazard.test's business).
      await database.db.execute(sql`UPDATE hazards SET grade = 'major' WHERE id = ${created.json().id}`);
    }
    const value = { dueSoonDays: 3, ladderDays: { letter: 5, bulletin: 15, summons: 30, exposure: 60 }, majorPlanDays: 15 };
    const saved = await office.request({ method: 'PUT', url: '/api/v1/settings/hazardTime', payload: { version: 0, value } });
    expect(saved.statusCode, saved.body).toBe(200);
    await app.close();
    if (keepOpen) open.push(database);
    else await database.close();

    const sweep = (iso: string) => {
      const r = runCli(['sweep', '--now', iso, '--json'], env);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout).created;
    };
    expect(sweep('2026-03-07T10:00:00+08:00').escalations).toBe(1);
    expect(sweep('2026-03-10T10:00:00+08:00').escalations).toBe(1);
  });
});
