import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, countRows, login, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { userRepo } from '../users/user.repo.ts';
import { users } from '../users/user.table.ts';
import type { NoticeInput } from './notification.service.ts';
import { notificationRecipients } from './notification-recipients.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let office: Session;
let village: Session;

beforeAll(async () => {
  t = await startTestApp();
  org = await seedOrg(t.database);
  office = await login(t.app, 'office');
  village = await login(t.app, 'village');
});
afterAll(() => t.close());

const notice = (userIds: number[], over: Partial<NoticeInput> = {}): NoticeInput => ({
  userIds,
  kind: 'hazard.assigned',
  title: '新隐患待整改',
  body: '东村化工有限公司：配电箱未接地，请于 2026-03-10 前整改。',
  link: '/hazards/7',
  entityType: 'hazard',
  entityId: 7,
  ...over,
});

const notify = (n: NoticeInput) => t.database.db.transaction((tx) => t.services.notifications.notify(tx, n));

const count = (table: 'notifications' | 'jobs') => countRows(t.database, table);

describe('notification centre', () => {
  it('lists only the signed-in user’s own notices, newest first, with the unread count', async () => {
    expect(await notify(notice([org.users.office.id, org.users.village.id]))).toBe(2);
    t.clock.advance(60_000);
    expect(await notify(notice([org.users.office.id], { title: '隐患即将到期', entityId: 8, link: '/hazards/8' }))).toBe(1);

    const mine = await office.get('/api/v1/notifications');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ total: 2, unread: 2 });
    expect(mine.json().items.map((n: { title: string }) => n.title)).toEqual(['隐患即将到期', '新隐患待整改']);
    expect(mine.json().items[1]).toMatchObject({
      kind: 'hazard.assigned',
      link: '/hazards/7',
      entityType: 'hazard',
      entityId: 7,
      readAt: null,
    });

    const theirs = await village.get('/api/v1/notifications');
    expect(theirs.json()).toMatchObject({ total: 1, unread: 1 });
    expect((await village.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 1 });
    expect((await office.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 2 });
  });

  it('refuses to mark another user’s notice read (404) and leaves it unread', async () => {
    const villageItem = (await village.get('/api/v1/notifications')).json().items[0];
    const res = await office.post(`/api/v1/notifications/${villageItem.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'notification.not_found', message: '通知不存在或您无权查看' });
    expect((await village.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 1 });
  });

  it('marks one read, keeps the first reading time, and filters unread', async () => {
    const [newest] = (await office.get('/api/v1/notifications')).json().items;
    expect((await office.post(`/api/v1/notifications/${newest.id}/read`)).json()).toEqual({ ok: true });
    const readAt = (await office.get('/api/v1/notifications')).json().items[0].readAt;
    expect(readAt).toBe(t.clock.now().toISOString());
    t.clock.advance(60_000);
    await office.post(`/api/v1/notifications/${newest.id}/read`);
    expect((await office.get('/api/v1/notifications')).json().items[0].readAt).toBe(readAt);

    const unread = (await office.get('/api/v1/notifications?unread=true')).json();
    expect(unread).toMatchObject({ total: 1, unread: 1 });
    expect(unread.items[0].title).toBe('新隐患待整改');
    expect((await office.get('/api/v1/notifications?unread=false&page=1&pageSize=1')).json()).toMatchObject({ total: 2, unread: 1 });
  });

  it('marks all of the caller’s notices read and nobody else’s', async () => {
    expect((await office.post('/api/v1/notifications/read-all')).json()).toEqual({ count: 1 });
    expect((await office.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect((await village.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 1 });
    expect((await office.post('/api/v1/notifications/read-all')).json()).toEqual({ count: 0 });
  });

  it('answers 401 without a session and 400 for a bad page', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' })).statusCode).toBe(401);
    expect((await office.get('/api/v1/notifications?pageSize=1000')).statusCode).toBe(400);
    expect((await office.post('/api/v1/notifications/abc/read')).statusCode).toBe(400);
  });
});

describe('notify', () => {
  it('skips a (user, dedupeKey) pair already notified, so a sweep’s second run is a no-op', async () => {
    const before = await count('notifications');
    const n = notice([org.users.inspector.id, org.users.leader.id], { dedupeKey: 'hazard:9:overdue' });
    expect(await notify(n)).toBe(2);
    expect(await notify(n)).toBe(0);
    expect(await notify({ ...n, userIds: [org.users.inspector.id, org.users.admin.id, org.users.admin.id] })).toBe(1);
    expect(await count('notifications')).toBe(before + 3);
  });

  it('inserts nothing for no recipients, and nothing when the caller’s transaction rolls back', async () => {
    const before = await count('notifications');
    expect(await notify(notice([]))).toBe(0);
    await expect(
      t.database.db.transaction(async (tx) => {
        await t.services.notifications.notify(tx, notice([org.users.leader.id]));
        throw new Error('hazard update failed');
      }),
    ).rejects.toThrow('hazard update failed');
    expect(await count('notifications')).toBe(before);
  });

  it('creates no outbound copies when no channel is configured, and refuses a javascript: link', async () => {
    const before = await count('jobs');
    await notify(notice([org.users.leader.id], { dedupeKey: 'no-channel' }));
    expect(await count('jobs')).toBe(before);
    await expect(notify(notice([org.users.leader.id], { link: 'javascript:alert(1)' }))).rejects.toThrow(/link/);
    await expect(notify(notice([org.users.leader.id], { link: '//evil.example/x' }))).rejects.toThrow(/link/);
  });
});

describe('notificationRecipients', () => {
  it('finds the active accounts of an enterprise and of a unit', async () => {
    const created = await office.post('/api/v1/enterprises', {
      name: '东村五金加工厂',
      regionCode: codes.village1,
      principal: '李四',
      principalPhone: '13800138001',
    });
    expect(created.statusCode).toBe(201);
    const enterpriseId = created.json().id as number;
    const now = t.clock.now();
    const account = (username: string, disabled = false) =>
      userRepo.insert(t.database.db, {
        username,
        displayName: username,
        passwordHash: 'x',
        roles: ['enterprise'],
        enterpriseId,
        disabled,
        createdAt: now,
        updatedAt: now,
      });
    const principal = await account('wujin-boss');
    const officer = await account('wujin-safety');
    await account('wujin-left', true);

    const db = t.database.db;
    expect(await notificationRecipients.ofEnterprise(db, enterpriseId)).toEqual([principal.id, officer.id]);
    expect(await notificationRecipients.ofUnit(db, org.units.market.id)).toEqual([org.users.unitStaff.id]);
    await db.update(users).set({ disabled: true }).where(eq(users.id, org.users.unitStaff.id));
    expect(await notificationRecipients.ofUnit(db, org.units.market.id)).toEqual([]);
    await db.update(users).set({ disabled: false }).where(eq(users.id, org.users.unitStaff.id));
  });

  it('finds the offices whose region scope covers a region, not a neighbouring township’s', async () => {
    const db = t.database.db;
    const now = t.clock.now();
    const county = await userRepo.insert(db, {
      username: 'county-office',
      displayName: '县安委办',
      passwordHash: 'x',
      roles: ['office'],
      regionCodes: [codes.county],
      createdAt: now,
      updatedAt: now,
    });
    expect(await notificationRecipients.officeOf(db, codes.village1)).toEqual([org.users.office.id, county.id]);
    expect(await notificationRecipients.officeOf(db, codes.town)).toEqual([org.users.office.id, county.id]);
    expect(await notificationRecipients.officeOf(db, codes.otherVillage)).toEqual([org.users.otherOffice.id, county.id]);
    expect(await notificationRecipients.officeOf(db, codes.county)).toEqual([county.id]);
    expect(await notificationRecipients.officeOf(db, 'not-a-code')).toEqual([]);
  });
});
