/**
 * Test data and helpers shared by every server test: build rows with factories, sign in as a role, send multipart
 * uploads, count rows. One copy here, never one per test file.
 */
import type { HazardStatus, Role } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/client.ts';
import { hashPassword } from '../src/lib/password-hash.ts';
import { type EnterpriseRow, enterpriseRepo } from '../src/modules/enterprises/enterprise.repo.ts';
import type { enterprises } from '../src/modules/enterprises/enterprise.table.ts';
import { type HazardRow, hazardRepo } from '../src/modules/hazards/hazard.repo.ts';
import { hazardCode } from '../src/modules/hazards/hazard.service.ts';
import type { hazards } from '../src/modules/hazards/hazard.table.ts';
import { type UserRow, userRepo } from '../src/modules/users/user.repo.ts';
import type { users } from '../src/modules/users/user.table.ts';
import { login, PASSWORD, type Session } from './app.ts';

export { codes, login, PASSWORD, type Session, seedOrg, startTestApp, type TestApp } from './app.ts';

const created = new Date('2026-01-01T00:00:00Z');
let serial = 0;

/** The account `seedOrg` makes for each role (the enterprise account comes from `makeEnterpriseAccount`). */
export const accountOf: Record<Role, string> = {
  admin: 'admin',
  office: 'office',
  unit: 'unitstaff',
  village: 'village',
  inspector: 'inspector',
  leader: 'leader',
  enterprise: 'qiye',
};

/** Signs in as the `seedOrg` account of a role. */
export function loginAs(app: FastifyInstance, role: Role): Promise<Session> {
  return login(app, accountOf[role]);
}

export async function makeUser(
  database: Database,
  over: Pick<typeof users.$inferInsert, 'username' | 'roles'> & Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  return userRepo.insert(database.db, {
    displayName: over.username,
    passwordHash: await hashPassword(PASSWORD),
    regionCodes: [],
    unitId: null,
    mustChangePassword: false,
    createdAt: created,
    updatedAt: created,
    ...over,
  });
}

/** An enterprise account (role enterprise) bound to one enterprise. */
export function makeEnterpriseAccount(database: Database, enterpriseId: number, username = accountOf.enterprise): Promise<UserRow> {
  return makeUser(database, { username, roles: ['enterprise'], enterpriseId });
}

type EnterpriseInsert = typeof enterprises.$inferInsert;

/** An operating enterprise in a region (a village of the test county), with a unique name and public code. */
export function makeEnterprise(
  database: Database,
  over: Partial<EnterpriseInsert> & Pick<EnterpriseInsert, 'regionCode'>,
): Promise<EnterpriseRow> {
  const n = ++serial;
  const name = over.name ?? `测试企业${n}号`;
  return enterpriseRepo.insert(database.db, {
    name,
    nameKey: name,
    principal: '负责人',
    publicCode: `tf${String(n).padStart(8, '0')}`,
    createdAt: created,
    updatedAt: created,
    ...over,
  });
}

type HazardInsert = typeof hazards.$inferInsert;

/**
 * A hazard of an enterprise in a given status, written directly (the state machine's own tests drive the steps
 * through the API). Region and supervising unit come from the enterprise.
 */
export async function makeHazard(
  database: Database,
  opts: { enterprise: EnterpriseRow; foundBy: number; status?: HazardStatus } & Partial<HazardInsert>,
): Promise<HazardRow> {
  const { enterprise, status = 'found', ...over } = opts;
  const [next] = await database.rows<{ id: number }>(sql`SELECT nextval(pg_get_serial_sequence('hazards', 'id'))::int AS id`);
  const id = Number(next?.id);
  const foundOn = over.foundOn ?? '2026-02-01';
  return hazardRepo.insert(database.db, {
    id,
    code: hazardCode(id, foundOn),
    enterpriseId: enterprise.id,
    regionCode: enterprise.regionCode,
    domains: enterprise.domains,
    supervisingUnitId: enterprise.supervisingUnitId,
    channel: 'inspection',
    grade: 'general',
    category: 'thing',
    status,
    title: `测试隐患${id}`,
    description: '测试用隐患',
    foundOn,
    deadline: '2026-04-01',
    closedOn: status === 'closed' || status === 'dismissed' ? '2026-02-20' : null,
    ...over,
  });
}

/** A multipart/form-data body with one file (field `file` unless named) and any text fields. */
export function multipart(
  content: Buffer | Uint8Array,
  fileName: string,
  opts: { field?: string; contentType?: string; fields?: Record<string, string | readonly string[]> } = {},
) {
  const boundary = `----anzhi${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(opts.fields ?? {})) {
    for (const v of typeof value === 'string' ? [value] : value) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
    }
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${fileName}"\r\n` +
        `Content-Type: ${opts.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file through the API and returns its id (fails the test on anything but 201). */
export async function uploadFile(s: Session, content: Buffer, fileName = 'p.jpg', contentType = 'image/jpeg'): Promise<number> {
  const res = await s.request({ method: 'POST', url: '/api/v1/files', ...multipart(content, fileName, { contentType }) });
  if (res.statusCode !== 201) throw new Error(`upload ${fileName}: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** How many rows a table holds (optionally matching a condition). */
export async function countRows(database: Database, table: string, where: SQL = sql`true`): Promise<number> {
  const [row] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${where}`);
  return Number(row?.n);
}
