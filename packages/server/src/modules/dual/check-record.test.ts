import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CheckRecordInput } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckTask, makeTaskPeriods } from '../../../test/dual-kit.ts';
import {
  codes,
  countRows,
  login,
  loginAs,
  makeEnterprise,
  makeEnterpriseAccount,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import { multipartForm } from '../../../test/multipart.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';

const photo = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files/phone-rotated.jpg'));

type RecordBody = Omit<CheckRecordInput, 'items'> & { items: Array<Partial<CheckRecordInput['items'][number]> & { seq: number }> };

describe('排查记录 sync (issue 16): one record, one hazard per 异常, however often the phone retries', () => {
  let t: TestApp;
  let ent: EnterpriseRow;
  let other: EnterpriseRow;
  let qiye: Session;
  let office: Session;
  let periods: Array<{ id: number; periodStart: string }>;
  let weekly: { id: number };

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-03-02T01:00:00Z')); // 2026-03-02 09:00 in China, a Monday
    const org = await seedOrg(t.database);
    ent = await makeEnterprise(t.database, { name: '东村机械厂', regionCode: codes.village1, supervisingUnitId: org.units.market.id });
    other = await makeEnterprise(t.database, { name: '西村化工厂', regionCode: codes.village1, supervisingUnitId: org.units.market.id });
    await makeEnterpriseAccount(t.database, ent.id);
    const daily = await makeCheckTask(t.database.db, ent, { cycle: 'day', title: '班组日排查', startsOn: '2026-02-20' });
    periods = await makeTaskPeriods(t.database.db, daily, '2026-02-27', '2026-03-05');
    const w = await makeCheckTask(t.database.db, ent, { cycle: 'week', title: '部门周排查', items: ['配电箱完好'] });
    await makeTaskPeriods(t.database.db, w, '2026-03-02', '2026-03-02');
    weekly = w;
    qiye = await login(t.app, 'qiye');
    office = await loginAs(t.app, 'office');
  });
  afterAll(() => t.close());

  const periodOn = (day: string) => periods.find((p) => p.periodStart === day)?.id as number;
  const body = (over: Partial<RecordBody> = {}): RecordBody => ({
    clientId: randomUUID(),
    kind: 'task',
    taskPeriodId: periodOn('2026-03-02'),
    enterpriseId: ent.id,
    checkedAt: '2026-03-02T08:30:00+08:00',
    items: [
      { seq: 1, text: '消防通道畅通', result: 'normal' },
      { seq: 2, text: '灭火器在有效期内', result: 'abnormal', note: '2 号灭火器压力不足', deadline: '2026-03-09' },
      { seq: 3, text: '设备防护装置完好', result: 'normal' },
    ],
    ...over,
  });
  const post = (s: Session, record: unknown, photos: Array<{ seq: number }> = []) =>
    s.request({
      method: 'POST',
      url: '/api/v1/check-records',
      ...multipartForm(
        { record: JSON.stringify(record) },
        photos.map((p, i) => ({ field: `photo.${p.seq}`, name: `p${i}.jpg`, content: photo })),
      ),
    });
  const counts = async () => ({
    records: await countRows(t.database, 'check_records'),
    hazards: await countRows(t.database, 'hazards'),
    photos: await countRows(t.database, 'check_photos'),
    files: await countRows(t.database, 'files'),
  });

  it('lists today’s checks with their checklists, for the enterprise account and for the office naming it', async () => {
    const mine = await qiye.get('/api/v1/check-tasks/today');
    expect(mine.statusCode, mine.body).toBe(200);
    const items = mine.json().items as Array<{ title: string; cycle: string; status: string; items: Array<{ seq: number; text: string }> }>;
    expect(mine.json().asOf).toBe('2026-03-02');
    expect(items.map((i) => i.title).sort()).toEqual(['班组日排查', '部门周排查']);
    expect(items.find((i) => i.cycle === 'day')?.items[0]).toEqual({ seq: 1, text: '消防通道畅通' });
    expect(items.every((i) => i.status === 'open')).toBe(true);
    expect((await office.get(`/api/v1/check-tasks/today?enterpriseId=${ent.id}`)).json().items).toHaveLength(2);
    expect((await office.get('/api/v1/check-tasks/today')).statusCode).toBe(400);
    expect((await qiye.get(`/api/v1/check-tasks/today?enterpriseId=${other.id}`)).statusCode).toBe(404);
  });

  it('stores the record, its photos with a 16-digit hash, and one hazard (企业自查) per 异常; a retry answers duplicate', async () => {
    const before = await counts();
    const record = body();
    const first = await post(qiye, record, [{ seq: 2 }, { seq: 1 }]);
    expect(first.statusCode, first.body).toBe(201);
    const synced = first.json();
    expect(synced).toMatchObject({ clientId: record.clientId, status: 'created' });
    expect(synced.hazardIds).toHaveLength(1);
    const [hazard] = await t.database.rows<{ channel: string; enterprise_id: number; deadline: string; found_on: string }>(
      sql`SELECT channel, enterprise_id, deadline::text, found_on::text FROM hazards WHERE id = ${synced.hazardIds[0]}`,
    );
    expect(hazard).toMatchObject({ channel: 'selfCheck', enterprise_id: ent.id, deadline: '2026-03-09', found_on: '2026-03-02' });
    const photos = await t.database.rows<{ phash: string; owner_type: string; owner_id: number; seq: number }>(
      sql`SELECT p.phash, p.seq, f.owner_type, f.owner_id FROM check_photos p JOIN files f ON f.id = p.file_id ORDER BY p.seq`,
    );
    expect(photos.map((p) => [p.seq, p.owner_type])).toEqual([
      [1, 'checkRecord'],
      [2, 'hazard'],
    ]);
    expect(photos[0]?.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(photos[0]?.phash).toBe(photos[1]?.phash);

    for (let i = 0; i < 2; i++) {
      const again = await post(qiye, record, [{ seq: 2 }, { seq: 1 }]);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual({ ...synced, status: 'duplicate' });
    }
    const after = await counts();
    expect(after).toEqual({ records: before.records + 1, hazards: before.hazards + 1, photos: before.photos + 2, files: before.files + 2 });

    const today = (await qiye.get('/api/v1/check-tasks/today')).json().items as Array<{ cycle: string; status: string; recordId: number }>;
    expect(today.find((i) => i.cycle === 'day')).toMatchObject({ status: 'done', recordId: synced.recordId });

    const detail = await office.get(`/api/v1/check-records/${synced.recordId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ taskTitle: '班组日排查', late: false, abnormalCount: 1, checkedByName: 'qiye' });
    expect(detail.json().items[1]).toMatchObject({ result: 'abnormal', hazardId: synced.hazardIds[0] });
    expect(detail.json().items[1].photos).toHaveLength(1);
    const file = await office.get(`/api/v1/files/${detail.json().items[0].photos[0].fileId}`);
    expect(file.statusCode).toBe(200);
  });

  it('two concurrent posts of one record make one record and one hazard', async () => {
    const before = await counts();
    const record = body({ taskPeriodId: periodOn('2026-02-27'), checkedAt: '2026-03-02T08:40:00+08:00' });
    const answers = await Promise.all([post(qiye, record), post(qiye, record)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    expect(answers[0]?.json().recordId).toBe(answers[1]?.json().recordId);
    expect(answers[0]?.json().hazardIds).toEqual(answers[1]?.json().hazardIds);
    const after = await counts();
    expect(after.records - before.records).toBe(1);
    expect(after.hazards - before.hazards).toBe(1);
    // Done on 03-02 for the period of 02-27: late.
    const list = (await qiye.get('/api/v1/check-records?abnormal=true')).json();
    expect(list.items.find((r: { taskPeriodId: number }) => r.taskPeriodId === record.taskPeriodId)).toMatchObject({ late: true });
  });

  it('refuses a tampered id, a check already recorded, a check not yet due and bad input — writing nothing', async () => {
    const before = await counts();
    const [{ clientId } = { clientId: '' }] = await t.database.rows<{ clientId: string }>(
      sql`SELECT client_id AS "clientId" FROM check_records ORDER BY id LIMIT 1`,
    );
    const tampered = await post(office, body({ clientId, taskPeriodId: periodOn('2026-02-28') }));
    expect(tampered.statusCode, tampered.body).toBe(409);
    expect(tampered.json().message).toContain('记录标识已被使用');

    const taken = await post(qiye, body());
    expect(taken.statusCode, taken.body).toBe(409);
    expect(taken.json().message).toMatch(/已由 qiye 于 2026-03-02 08:30 记录/);

    const early = await post(qiye, body({ taskPeriodId: periodOn('2026-03-04') }));
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().message).toContain('2026-03-04 起');

    const foreign = await post(office, body({ enterpriseId: other.id }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('不是该企业的排查任务');

    const noNote = body({
      taskPeriodId: periodOn('2026-03-01'),
      items: [{ seq: 1, text: '消防通道', result: 'abnormal', deadline: '2026-03-09' }],
    });
    const bad = await post(qiye, noNote);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('第 1 项为异常，请说明发现的问题');

    const noDeadline = await post(
      qiye,
      body({ taskPeriodId: periodOn('2026-03-01'), items: [{ seq: 1, text: '消防通道', result: 'abnormal', note: '堵塞' }] }),
    );
    expect(noDeadline.json().message).toContain('请填写整改期限');

    const strayPhoto = await post(qiye, body({ taskPeriodId: periodOn('2026-03-01') }), [{ seq: 9 }]);
    expect(strayPhoto.statusCode).toBe(400);
    expect(strayPhoto.json().message).toContain('第 9 项不在本记录');

    const patrol = await post(office, body({ kind: 'patrol', taskPeriodId: undefined }));
    expect(patrol.statusCode).toBe(400);
    expect(patrol.json().message).toContain('不是登记的九小场所');

    const notJson = await qiye.request({ method: 'POST', url: '/api/v1/check-records', ...multipartForm({ record: '{' }) });
    expect(notJson.statusCode).toBe(400);
    const json = await qiye.post('/api/v1/check-records', body());
    expect([400, 415]).toContain(json.statusCode);

    expect(await counts()).toEqual(before);
  });

  it('lists records by filter within scope; the calendar marks each period', async () => {
    const all = (await office.get(`/api/v1/check-records?enterpriseId=${ent.id}&kind=task&from=2026-03-02&to=2026-03-02`)).json();
    expect(all.total).toBe(2);
    const cal = await qiye.get('/api/v1/check-tasks/calendar?month=2026-03');
    expect(cal.statusCode, cal.body).toBe(200);
    const dailyTask = cal.json().tasks.find((x: { cycle: string }) => x.cycle === 'day');
    expect(dailyTask.periods.map((p: { periodStart: string; status: string }) => [p.periodStart, p.status])).toEqual([
      ['2026-03-01', 'missed'],
      ['2026-03-02', 'done'],
    ]);
    const feb = (await qiye.get('/api/v1/check-tasks/calendar?month=2026-02')).json();
    const febDaily = feb.tasks.find((x: { cycle: string }) => x.cycle === 'day');
    expect(febDaily.periods.map((p: { status: string; late: boolean }) => [p.status, p.late])).toEqual([
      ['done', true],
      ['missed', false],
    ]);
    void weekly;
  });
});
