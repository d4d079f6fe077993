/**
 * The role × endpoint matrix: every operation of the OpenAPI document, for every role of core's list and for an
 * anonymous caller, with the id of a record outside the caller's scope (邻镇's, another enterprise's).
 *
 * Adding a route: add one line to `expected` below, keyed "METHOD /path/{param}" as the OpenAPI document writes it:
 *  - access: the permission the route requires (core permission.rules.ts), 'authenticated' or 'public';
 *  - outside: how the route treats a record outside the caller's scope —
 *      'notFound' (a path id: 404 for every allowed role but the administrator),
 *      'hidden'   (a list, count or export: 2xx, and nothing of 邻镇 in a JSON answer),
 *      'shared'   (no scoped record: the criteria library, one's own account, a create);
 *  - body / query: a valid body or query where the route validates before it looks the record up;
 *  - except: roles the out-of-scope check does not apply to, with the reason.
 * A route of the document missing here, or a line here with no route, fails the first test.
 */

import fs from 'node:fs';
import path from 'node:path';
import { can, type Role, resolveSettingsValues, roles } from '@anzhi/core';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardCheckRequests } from '../src/modules/hazards/hazard.table.ts';
import { planRepo } from '../src/modules/plans/plan.repo.ts';
import {
  codes,
  login,
  loginAs,
  makeEnterprise,
  makeEnterpriseAccount,
  makeHazard,
  multipart,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from './factories.ts';
import { campaignMatrixParts } from './role-matrix-campaigns.ts';
import { dualMatrixParts } from './role-matrix-dual.ts';
import { enforcementMatrixParts } from './role-matrix-enforcement.ts';
import { type Expectation, list, read, shared, write } from './role-matrix-kit.ts';
import { reportMatrixParts } from './role-matrix-reports.ts';

const expected: Record<string, Expectation> = {
  ...Object.assign({}, ...enforcementMatrixParts.map((p) => p.expected)),
  ...Object.assign({}, ...reportMatrixParts.map((p) => p.expected)),
  ...Object.assign({}, ...dualMatrixParts.map((p) => p.expected)),
  ...Object.assign({}, ...campaignMatrixParts.map((p) => p.expected)),
  'GET /api/health': shared('public'),
  'POST /api/v1/auth/login': shared('public'),
  'POST /api/v1/auth/logout': { ...shared('authenticated'), endsSession: true },
  'GET /api/v1/auth/me': shared('authenticated'),
  'POST /api/v1/auth/change-password': shared('authenticated'),
  'GET /api/v1/regions': list('region.read'),
  'POST /api/v1/regions': shared('region.write'),
  'PATCH /api/v1/regions/{code}': write('region.write', { name: '改名村' }),
  'GET /api/v1/units': list('unit.read'),
  'POST /api/v1/units': shared('unit.write'),
  'GET /api/v1/units/{id}': read('unit.read'),
  'PATCH /api/v1/units/{id}': write('unit.write', { phone: null }),
  'GET /api/v1/users': list('user.read'),
  'POST /api/v1/users': shared('user.write'),
  'GET /api/v1/users/{id}': read('user.read'),
  'PATCH /api/v1/users/{id}': write('user.write', { displayName: '越权改名' }),
  'POST /api/v1/users/{id}/reset-password': write('user.write', { newPassword: 'Another#2026x' }),
  'POST /api/v1/users/{id}/unlock': write('user.write'),
  'GET /api/v1/audit-events': list('audit.read'),
  'GET /api/v1/audit-events/verify': shared('audit.read'),
  'GET /api/v1/dashboard/summary': list('dashboard.read'),
  'GET /api/v1/todos': list('dashboard.read'),
  'GET /api/v1/enterprises': list('enterprise.read'),
  'POST /api/v1/enterprises': shared('enterprise.write'),
  'GET /api/v1/enterprises/stats': list('enterprise.read'),
  'GET /api/v1/enterprises/{id}': read('enterprise.read'),
  'PATCH /api/v1/enterprises/{id}': write('enterprise.write', { version: 1, address: '越权地址' }),
  'GET /api/v1/enterprises/{id}/history': read('enterprise.read'),
  'GET /api/v1/enterprises/{id}/tenants': read('enterprise.read'),
  'GET /api/v1/enterprises/{id}/file': read('enterprise.read'),
  'GET /api/v1/enterprises/{id}/card.docx': read('enterprise.read'),
  'POST /api/v1/enterprises/import': shared('enterprise.import'),
  'GET /api/v1/enterprises/export': list('enterprise.read'),
  'GET /api/v1/enterprises/import-template': shared('enterprise.import'),
  'GET /api/v1/criteria-sets': shared('criteria.read'),
  'GET /api/v1/criteria-sets/{id}': shared('criteria.read'),
  'POST /api/v1/criteria-sets/{id}/retire': shared('criteria.manage'),
  'POST /api/v1/criteria-sets/{id}/restore': shared('criteria.manage'),
  'GET /api/v1/criteria/suggest': shared('criteria.read'),
  'GET /api/v1/criteria/items': shared('criteria.read'),
  'POST /api/v1/criteria-sets/import': shared('criteria.manage'),
  'POST /api/v1/files': shared('file.upload'),
  'GET /api/v1/files/{id}': read('authenticated'),
  'GET /api/v1/files/{id}/thumb': read('authenticated'),
  'GET /api/v1/notifications': list('authenticated'),
  'GET /api/v1/notifications/unread-count': shared('authenticated'),
  'POST /api/v1/notifications/{id}/read': read('authenticated'),
  'POST /api/v1/notifications/read-all': shared('authenticated'),
  'GET /api/v1/hazards': list('hazard.read'),
  'POST /api/v1/hazards': shared('hazard.report'),
  'GET /api/v1/hazards/stats': list('hazard.read'),
  'GET /api/v1/hazards/dynamic-zero': list('hazard.read'),
  'GET /api/v1/hazards/export': list('hazard.export'),
  'GET /api/v1/hazards/{id}': read('hazard.read'),
  'POST /api/v1/hazards/{id}/actions/{action}': write('hazard.act', { version: 1, opinion: '越权验收' }),
  'GET /api/v1/hazards/{id}/escalations/{step}/document': read('hazard.read'),
  'POST /api/v1/hazards/{id}/remind': write('hazard.act'),
  'POST /api/v1/hazards/{id}/propagate': write('hazard.propagate', { criterionCode: 'huagong-2017/1', deadline: '2026-03-31' }),
  'GET /api/v1/hazard-checks': list('hazard.read'),
  'POST /api/v1/hazard-checks/{id}/answer': write('hazard.act', { result: 'clear', answer: '越权反馈' }),
  'GET /api/v1/hazard-reports': {
    ...read('hazard.read'),
    query: 'enterpriseId={enterprises}',
    except: { roles: ['enterprise'], why: 'an enterprise account always gets its own reports; the id asked for is ignored' },
  },
  'POST /api/v1/hazard-reports/{period}/sign': shared('hazard.act'),
  'POST /api/v1/plans/import': shared('plan.manage'),
  'POST /api/v1/plans/{id}/reimport': write('plan.manage', { text: '一、越权导入的方案正文。'.repeat(20) }),
  'GET /api/v1/plans/{id}/draft': read('plan.manage'),
  'PATCH /api/v1/plans/{id}/draft': write('plan.manage', { version: 1, ops: [] }),
  'DELETE /api/v1/plans/{id}': { ...write('plan.manage'), query: 'version=1' },
  'GET /api/v1/plans/{id}': read('plan.read'),
  'POST /api/v1/plans/{id}/publish': write('plan.manage', { version: 1 }),
  'PATCH /api/v1/plans/{id}/settings': write('plan.manage', { version: 1, reportDay: 25 }),
  'GET /api/v1/plans': list('plan.read'),
  'GET /api/v1/plans/{id}/timeline': read('plan.read'),
  'GET /api/v1/plans/{id}/rankings': read('plan.read'),
  'POST /api/v1/plans/{id}/remind': write('plan.manage'),
  'GET /api/v1/plans/{id}/wall-table.xlsx': read('plan.read'),
  'GET /api/v1/plans/{id}/bulletin.docx': read('plan.read'),
  'GET /api/v1/plan-dispatch': {
    ...read('plan.report'),
    query: 'unitId={units}',
    except: { roles: ['unit'], why: 'a member unit reports for itself only: asking for another unit is refused outright (403)' },
  },
  'PUT /api/v1/plan-dispatch': shared('plan.report'),
  'GET /api/v1/jobs': shared('job.manage'),
  'POST /api/v1/jobs/{id}/retry': shared('job.manage'),
  'GET /api/v1/settings': { ...read('settings.read'), query: 'regionCode={settings}' },
  'PUT /api/v1/settings/{key}': {
    ...write('settings.write', { version: 0, value: resolveSettingsValues({}).hazardTime }),
    query: 'regionCode={settings}',
  },
  'DELETE /api/v1/settings/{key}': { ...read('settings.write'), query: 'regionCode={settings}&version=0' },
};

/** Every row outside 示例镇 carries this mark in its name, so a list that leaks one shows it. */
const OUTSIDE = '界外';
/**
 * Rows inside 示例镇 that another unit (应急办) supervises: in scope for the township's office, leaders and cadres,
 * outside it for the 市场监管所's staff and for an enterprise account (both see only their own).
 */
const SIBLING = '他管';
const narrowRoles: readonly Role[] = ['unit', 'enterprise'];
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

let t: TestApp;
let operations: string[];
const outsideIds: Record<string, string> = {};
const siblingIds: Record<string, string> = {};
const sessions = new Map<Role, Session>();

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  const org = await seedOrg(t.database);
  const db = t.database;
  const inside = await makeEnterprise(db, { name: '示例镇甲厂', regionCode: codes.village1, supervisingUnitId: org.units.market.id });
  await makeEnterpriseAccount(db, inside.id);
  const outside = await makeEnterprise(db, {
    name: `${OUTSIDE}乙化工厂`,
    regionCode: codes.otherVillage,
    domains: ['hazardousChemicals'],
    supervisingUnitId: org.units.otherEmergency.id,
  });
  const sibling = await makeEnterprise(db, {
    name: `${SIBLING}丙化工厂`,
    regionCode: codes.village2,
    domains: ['hazardousChemicals'],
    supervisingUnitId: org.units.emergency.id,
  });
  const siblingHazard = await makeHazard(db, { enterprise: sibling, foundBy: org.users.office.id, title: `${SIBLING}隐患` });
  const hazard = await makeHazard(db, {
    enterprise: outside,
    foundBy: org.users.otherOffice.id,
    title: `${OUTSIDE}隐患`,
    criteriaCodes: ['huagong-2017/1'],
  });
  const now = t.clock.now();
  const [check, siblingCheck] = await db.db
    .insert(hazardCheckRequests)
    .values(
      [
        [outside, hazard],
        [sibling, siblingHazard],
      ].map(([e, source]) => ({
        sourceHazardId: source.id,
        criterionCode: 'huagong-2017/1',
        enterpriseId: e.id,
        regionCode: e.regionCode,
        deadline: '2026-03-31',
        createdBy: org.users.otherOffice.id,
        createdAt: now,
      })),
    )
    .returning();
  const plan = await planRepo.insert(db.db, {
    regionCode: codes.otherTown,
    title: `${OUTSIDE}安全生产行动方案`,
    status: 'published',
    createdBy: org.users.otherOffice.id,
    createdAt: now,
    updatedAt: now,
  });
  const otherOffice = await login(t.app, 'otheroffice');
  const photo = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/files/phone-rotated.jpg'));
  const upload = await otherOffice.request({
    method: 'POST',
    url: '/api/v1/files',
    ...multipart(photo, 'p.jpg', { contentType: 'image/jpeg' }),
  });
  expect(upload.statusCode, upload.body).toBe(201);
  const notificationId = await db.db.transaction((tx) =>
    t.services.notifications.notify(tx, { userIds: [org.users.otherOffice.id], kind: 'test', title: `${OUTSIDE}通知`, body: '仅邻镇可见' }),
  );
  const [notification] = await db.rows<{ id: number }>(
    // notify() returns how many it wrote; the row is the newest of that user.
    (await import('drizzle-orm')).sql`SELECT id FROM notifications WHERE user_id = ${org.users.otherOffice.id} ORDER BY id DESC LIMIT 1`,
  );
  expect(notificationId).toBe(1);
  Object.assign(outsideIds, {
    units: String(org.units.otherEmergency.id),
    users: String(org.users.otherOffice.id),
    regions: codes.otherVillage,
    enterprises: String(outside.id),
    hazards: String(hazard.id),
    'hazard-checks': String(check?.id),
    plans: String(plan.id),
    files: String(upload.json().id),
    notifications: String(notification?.id),
    'criteria-sets': 'gb35181-2025',
    settings: codes.otherTown,
  });
  for (const part of [...enforcementMatrixParts, ...reportMatrixParts, ...dualMatrixParts, ...campaignMatrixParts]) {
    const ids = await part.setup({ database: db, org, outside, sibling, inside, marks: { OUTSIDE, SIBLING }, now });
    Object.assign(outsideIds, ids.outsideIds);
    Object.assign(siblingIds, ids.siblingIds);
  }
  Object.assign(siblingIds, {
    enterprises: String(sibling.id),
    hazards: String(siblingHazard.id),
    'hazard-checks': String(siblingCheck?.id),
  });
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(doc.paths).flatMap(([p, item]) => methods.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${p}`));
  for (const role of roles) sessions.set(role, await loginAs(t.app, role));
});
afterAll(() => t.close());

/** The URL of an operation with the out-of-scope record's id (and a fixed action, step or period). */
function urlOf(operation: string, ids: Record<string, string>): string {
  const template = operation.split(' ')[1] as string;
  const collection = template.split('/')[3] ?? '';
  return template
    .replace(/\{(id|code)\}/, () => ids[collection] ?? '1')
    .replace('{action}', 'accept')
    .replace('{step}', 'letter')
    .replace('{ordinal}', '1')
    .replace('{period}', '2026Q1')
    .replace('{key}', 'hazardTime');
}

function requestOf(operation: string, e: Expectation, role?: Role): InjectOptions {
  const ids = role && narrowRoles.includes(role) ? { ...outsideIds, ...siblingIds } : outsideIds;
  const method = operation.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const payload = method === 'GET' || method === 'DELETE' ? undefined : ((e.body ?? {}) as object);
  const query = e.query?.replace(/\{([a-z-]+)\}/g, (_, collection: string) => ids[collection] ?? '');
  const url = query ? `${urlOf(operation, ids)}?${query}` : urlOf(operation, ids);
  return { method, url, ...(payload === undefined ? {} : { payload }) };
}

describe('the role × endpoint matrix', () => {
  it('has an expectation for every operation of the OpenAPI document, and none for a route that is gone', () => {
    expect(operations.length).toBeGreaterThan(70);
    expect(operations.filter((op) => !(op in expected))).toEqual([]);
    expect(Object.keys(expected).filter((op) => !operations.includes(op))).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every operation but the public ones', async () => {
    for (const operation of operations) {
      const e = expected[operation] as Expectation;
      if (e.access === 'public') continue;
      const res = await t.app.inject(requestOf(operation, e));
      expect(res.statusCode, operation).toBe(401);
    }
  });

  // The administrator goes last: its writes on the out-of-scope record may change it.
  for (const role of [...roles.filter((r) => r !== 'admin'), 'admin' as const]) {
    it(`${role}: 403 without the permission, 404 or nothing of 邻镇 outside its scope, never a 5xx`, async () => {
      const problems: string[] = [];
      for (const operation of operations) {
        const e = expected[operation] as Expectation;
        if (e.access === 'public') continue;
        const allowed = e.access === 'authenticated' || can([role], e.access);
        const scoped = allowed && role !== 'admin' && !e.except?.roles.includes(role);
        const session = sessions.get(role) as Session;
        const res = await session.request(requestOf(operation, e, role));
        if (e.endsSession) sessions.set(role, await loginAs(t.app, role));
        const status = res.statusCode;
        const seen = `${operation} → ${status} ${res.body.slice(0, 120)}`;
        if (status >= 500) problems.push(`5xx: ${seen}`);
        else if (allowed && e.except?.roles.includes(role)) continue;
        else if (!allowed && status !== 403) problems.push(`expected 403: ${seen}`);
        else if (allowed && status === 403 && res.json().code === 'auth.forbidden') problems.push(`expected access: ${seen}`);
        else if (scoped && e.outside === 'notFound' && status !== 404) problems.push(`expected 404: ${seen}`);
        else if (scoped && e.outside === 'hidden') {
          if (status >= 300) problems.push(`expected 2xx: ${seen}`);
          const json = /json/.test(String(res.headers['content-type']));
          if (json && res.body.includes(OUTSIDE)) problems.push(`leaks 邻镇: ${seen}`);
          if (json && narrowRoles.includes(role) && res.body.includes(SIBLING)) problems.push(`leaks another unit's: ${seen}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
