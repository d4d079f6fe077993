import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { hashPassword } from '../src/lib/password-hash.ts';
import { enterpriseRepo } from '../src/modules/enterprises/enterprise.repo.ts';
import { userRepo } from '../src/modules/users/user.repo.ts';
import { codes, login, PASSWORD, type Session, seedOrg, type TestApp } from './app.ts';
import { multipart } from './factories.ts';

const photo = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/files/phone-rotated.jpg'));

/**
 * A township with one enterprise under the emergency office, its unit account (`regulator`), two enterprise accounts
 * (`owner`, the principal, and `clerk`, a safety clerk) and the org's accounts, all logged in.
 */
export async function seedHazardWorld(t: TestApp) {
  const org = await seedOrg(t.database);
  const now = new Date('2026-01-01T00:00:00Z');
  const e = await enterpriseRepo.insert(t.database.db, {
    name: '东村化工有限公司',
    nameKey: '东村化工',
    regionCode: codes.village1,
    domains: ['hazardousChemicals'],
    industryCode: '26',
    principal: '张厂长',
    actualController: '李老板',
    supervisingUnitId: org.units.emergency.id,
    publicCode: 'hzKit00001',
    createdAt: now,
    updatedAt: now,
  });
  const passwordHash = await hashPassword(PASSWORD);
  const user = (username: string, extra: Partial<Parameters<typeof userRepo.insert>[1]>) =>
    userRepo.insert(t.database.db, {
      username,
      displayName: username,
      passwordHash,
      mustChangePassword: false,
      createdAt: now,
      updatedAt: now,
      roles: [],
      ...extra,
    });
  await user('regulator', { roles: ['unit'], regionCodes: [codes.town], unitId: org.units.emergency.id });
  await user('owner', { roles: ['enterprise'], regionCodes: [], enterpriseId: e.id, enterprisePrincipal: true });
  await user('clerk', { roles: ['enterprise'], regionCodes: [], enterpriseId: e.id });
  const [office, inspector, regulator, owner, clerk, market, admin] = await Promise.all(
    ['office', 'inspector', 'regulator', 'owner', 'clerk', 'unitstaff', 'admin'].map((u) => login(t.app, u)),
  );
  return { org, enterpriseId: e.id, s: { office, inspector, regulator, owner, clerk, market, admin } };
}

export async function uploadPhoto(s: Session): Promise<number> {
  const res = await s.request({ method: 'POST', url: '/api/v1/files', ...multipart(photo, 'p.jpg', { contentType: 'image/jpeg' }) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export const act = (s: Session, id: number, action: string, body: Record<string, unknown>) =>
  s.post(`/api/v1/hazards/${id}/actions/${action}`, body);

/** Acts and requires success; returns the hazard after the step. */
export async function step(s: Session, id: number, action: string, body: Record<string, unknown>) {
  const res = await act(s, id, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

export const majorFinding = (enterpriseId: number, extra: Record<string, unknown> = {}) => ({
  enterpriseId,
  channel: 'inspection',
  grade: 'major',
  category: 'thing',
  title: '液氯储罐区未设置紧急切断装置',
  description: '储罐进出料管道未设置紧急切断阀',
  cause: '储罐区建设时未按设计安装紧急切断阀',
  harm: '泄漏时无法快速切断，可能造成人员中毒',
  difficulty: '需局部停产改造管道',
  ...extra,
});
