import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RegionLevel, Role, UnitKind } from '@anzhi/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/client.ts';
import type { ReadDb } from '../src/db/read-replica.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { hashPassword } from '../src/lib/password-hash.ts';
import { createDiskStorage, type Storage } from '../src/lib/storage.ts';
import { regionRepo } from '../src/modules/regions/region.repo.ts';
import { unitRepo } from '../src/modules/units/unit.repo.ts';
import { userRepo } from '../src/modules/users/user.repo.ts';
import { freshDatabase } from './test-db.ts';

export const PASSWORD = 'Test#2026pass';

export const codes = {
  county: '330110000000',
  town: '330110101000',
  village1: '330110101201',
  village2: '330110101202',
  otherTown: '330110102000',
  otherVillage: '330110102201',
};

export async function startTestApp(
  now = new Date('2026-03-02T01:00:00Z'),
  env: Record<string, string> = {},
  /** `readDb`: where statistics read (a replica), opened against the test's primary; default the primary. */
  opts: { storage?: Storage; readDb?: (primary: Database & { url?: string }) => Promise<ReadDb> } = {},
) {
  const database = await freshDatabase();
  const readDb = opts.readDb ? await opts.readDb(database) : undefined;
  const clock = fixedClock(now);
  // The login rate limit counts real time per IP, and every injected request comes from 127.0.0.1.
  const config = loadConfig({ ANZHI_DATA_DIR: '/tmp/anzhi-unused', LOG_LEVEL: 'silent', ANZHI_LOGIN_RATE_PER_MINUTE: '10000', ...env });
  // Uploaded files go to a temp dir of this test file's own (or the storage given); the app and the tests share one set of services.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-test-files-'));
  const storage = opts.storage ?? createDiskStorage(filesDir);
  const services = createServices({ database, clock, storage, readDb });
  const app = await buildApp({ config, database, clock, logger: false, services });
  return {
    app,
    database,
    clock,
    services,
    storage,
    async close() {
      await app.close();
      await readDb?.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Two townships of one county, villages, units, and one account per role. */
export async function seedOrg(database: Database) {
  const db = database.db;
  const now = new Date('2026-01-01T00:00:00Z');
  const region = (code: string, name: string, level: RegionLevel, parentCode: string | null) =>
    regionRepo.insert(db, { code, name, level, parentCode, createdAt: now });
  await region(codes.county, '示例县', 'county', null);
  await region(codes.town, '示例镇', 'township', codes.county);
  await region(codes.village1, '东村', 'village', codes.town);
  await region(codes.village2, '西村', 'village', codes.town);
  await region(codes.otherTown, '邻镇', 'township', codes.county);
  await region(codes.otherVillage, '邻村', 'village', codes.otherTown);

  const unit = (name: string, regionCode: string, kind: UnitKind = 'regulator', industries: string[] = []) =>
    unitRepo.insert(db, { name, regionCode, kind, industries, createdAt: now, updatedAt: now });
  const countyBureau = await unit('示例县应急管理局', codes.county);
  const emergency = await unit('示例镇应急管理办公室', codes.town, 'regulator', ['hazardousChemicals', 'industryTrade']);
  const market = await unit('示例镇市场监管所', codes.town, 'regulator', ['specialEquipment']);
  const otherEmergency = await unit('邻镇应急办', codes.otherTown);

  const passwordHash = await hashPassword(PASSWORD);
  const user = (username: string, roles: Role[], regionCodes: string[], unitId: number | null = null) =>
    userRepo.insert(db, {
      username,
      displayName: username,
      passwordHash,
      roles,
      regionCodes,
      unitId,
      mustChangePassword: false,
      createdAt: now,
      updatedAt: now,
    });
  const users = {
    admin: await user('admin', ['admin'], []),
    office: await user('office', ['office'], [codes.town]),
    unitStaff: await user('unitstaff', ['unit'], [codes.town], market.id),
    village: await user('village', ['village'], [codes.village1]),
    inspector: await user('inspector', ['inspector'], [codes.town]),
    leader: await user('leader', ['leader'], [codes.town]),
    otherOffice: await user('otheroffice', ['office'], [codes.otherTown]),
    otherUnitStaff: await user('otherunit', ['unit'], [codes.otherTown], otherEmergency.id),
  };
  return { units: { countyBureau, emergency, market, otherEmergency }, users };
}

export interface Session {
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.headers['set-cookie'];
  const cookie = (Array.isArray(set) ? set[0] : (set ?? '')).split(';')[0] ?? '';
  const request = (opts: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...opts, headers: { ...(opts.headers ?? {}), cookie } });
  return {
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
  };
}
