import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CampaignChecklistItem } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureObjectType, makeCampaign, makeLedgerObject } from '../../../test/campaign-kit.ts';
import {
  codes,
  countRows,
  login,
  loginAs,
  makeEnterprise,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import { multipartForm } from '../../../test/multipart.ts';

const photo = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files/phone-rotated.jpg'));

const checklist: CampaignChecklistItem[] = [
  { key: 'c1', text: '疏散通道、安全出口畅通', source: 'own', criteriaCode: null, major: false },
  { key: 'c2', text: '无电动自行车在室内充电', source: 'own', criteriaCode: null, major: false },
  { key: 'c3', text: '擅自加层、改变承重结构', source: 'own', criteriaCode: null, major: true },
];

type Item = { seq: number; key: string; result: 'pass' | 'fail' | 'na'; note?: string; deadline?: string; fixedOnSpot?: boolean };

describe('专项检查 sync (issue 17): one check per object per round, one hazard per 不符合, however often the phone retries', () => {
  let t: TestApp;
  let village: Session;
  let office: Session;
  let other: Session;
  const ids = { round1: 0, round2: 0, closedRound: 0, house1: 0, house2: 0, house3: 0, shop: 0, westHouse: 0, foreign: 0, ent: 0 };

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-03-02T01:00:00Z')); // 09:00 in China
    const org = await seedOrg(t.database);
    const db = t.database.db;
    const type = await ensureObjectType(db);
    const ent = await makeEnterprise(t.database, {
      name: '东村农家乐有限公司',
      regionCode: codes.village1,
      supervisingUnitId: org.units.market.id,
    });
    ids.ent = ent.id;
    const house = (name: string, regionCode: string, enterpriseId: number | null = null) =>
      makeLedgerObject(db, { typeId: type.id, regionCode, name, enterpriseId, createdAt: new Date('2026-01-05T00:00:00Z') });
    ids.house1 = (await house('东村王某自建房', codes.village1)).id;
    ids.house2 = (await house('东村李某自建房', codes.village1)).id;
    ids.house3 = (await house('东村赵某自建房', codes.village1)).id;
    ids.shop = (await house('东村农家乐经营用房', codes.village1, ent.id)).id;
    ids.westHouse = (await house('西村陈某自建房', codes.village2)).id;
    ids.foreign = (await house('邻村周某自建房', codes.otherVillage)).id;
    // Over 东村 only: 西村's house is in the office's area but not in the campaign.
    const a = await makeCampaign(db, {
      regionCode: codes.town,
      title: '经营性自建房安全隐患专项整治',
      scope: { kind: 'ledger', typeId: type.id, villageCodes: [codes.village1] },
      checklist,
      rounds: [
        { startsOn: '2026-02-01', dueOn: '2026-03-31', status: 'open' },
        { startsOn: '2026-04-01', dueOn: '2026-05-31' },
      ],
    });
    ids.round1 = a.rounds[0]?.id as number;
    ids.round2 = a.rounds[1]?.id as number;
    const b = await makeCampaign(db, {
      regionCode: codes.town,
      scope: { kind: 'ledger', typeId: type.id, villageCodes: [] },
      checklist,
      rounds: [{ startsOn: '2026-01-01', dueOn: '2026-01-31', status: 'closed' }],
    });
    ids.closedRound = b.rounds[0]?.id as number;
    await makeCampaign(db, {
      regionCode: codes.otherTown,
      scope: { kind: 'ledger', typeId: type.id, villageCodes: [] },
      checklist,
    });
    village = await loginAs(t.app, 'village');
    office = await loginAs(t.app, 'office');
    other = await login(t.app, 'otheroffice');
  });
  afterAll(() => t.close());

  const body = (over: Record<string, unknown> = {}, items?: Item[]) => ({
    clientId: randomUUID(),
    roundId: ids.round1,
    objectId: ids.house1,
    checkedAt: '2026-03-02T08:30:00+08:00',
    items: items ?? [
      { seq: 1, key: 'c1', result: 'fail', note: '一楼楼道堆放杂物，安全出口被封堵' },
      { seq: 2, key: 'c2', result: 'pass' },
      { seq: 3, key: 'c3', result: 'na' },
    ],
    ...over,
  });
  const post = (s: Session, check: unknown, photos: Array<{ seq: number }> = []) =>
    s.request({
      method: 'POST',
      url: '/api/v1/campaign-checks',
      ...multipartForm(
        { check: JSON.stringify(check) },
        photos.map((p, i) => ({ field: `photo.${p.seq}`, name: `p${i}.jpg`, content: photo })),
      ),
    });
  const counts = async () => ({
    checks: await countRows(t.database, 'campaign_checks'),
    hazards: await countRows(t.database, 'hazards'),
    links: await countRows(t.database, 'campaign_hazards'),
    files: await countRows(t.database, 'files'),
  });

  it('a grid worker checks a village house with no enterprise: one 专项检查 hazard of the place, linked, in the ledger', async () => {
    const before = await counts();
    const check = body();
    const first = await post(village, check, [{ seq: 1 }, { seq: 2 }]);
    expect(first.statusCode, first.body).toBe(201);
    const synced = first.json();
    expect(synced).toMatchObject({ clientId: check.clientId, status: 'created' });
    expect(synced.hazardIds).toHaveLength(1);
    const hazardId = synced.hazardIds[0] as number;
    const [h] = await t.database.rows<Record<string, unknown>>(
      sql`SELECT channel, grade, enterprise_id, region_code, location, deadline::text, supervising_unit_id, domains FROM hazards WHERE id = ${hazardId}`,
    );
    expect(h).toMatchObject({
      channel: 'campaign',
      grade: 'general',
      enterprise_id: null,
      region_code: codes.village1,
      location: '东村王某自建房',
      deadline: '2026-04-01',
      supervising_unit_id: null,
      domains: [],
    });
    // No enterprise to rectify it: the township's office acts for the owner and is told.
    const told = await t.database.rows<{ username: string; kind: string }>(
      sql`SELECT u.username, n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.entity_type = 'hazard' AND n.entity_id = ${hazardId}`,
    );
    expect(told).toEqual([{ username: 'office', kind: 'hazard.rectify' }]);
    const links = await t.database.rows<{ check_id: number; item_key: string; object_id: number }>(
      sql`SELECT check_id, item_key, object_id FROM campaign_hazards WHERE hazard_id = ${hazardId}`,
    );
    expect(links).toEqual([{ check_id: synced.checkId, item_key: 'c1', object_id: ids.house1 }]);

    // The same record, never a copy: the ledger, the detail and the export show it with its place.
    const ledger = (await office.get('/api/v1/hazards?channel=campaign')).json();
    expect(ledger.items.map((i: { id: number }) => i.id)).toContain(hazardId);
    const row = ledger.items.find((i: { id: number }) => i.id === hazardId);
    expect(row).toMatchObject({ enterpriseId: null, enterpriseName: null, placeName: '东村王某自建房', regionName: '东村' });
    const detail = await village.get(`/api/v1/hazards/${hazardId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ channel: 'campaign', placeName: '东村王某自建房', location: '东村王某自建房' });
    expect(detail.json().actions.length).toBeGreaterThanOrEqual(0);
    expect((await office.get('/api/v1/hazards/export?channel=campaign')).statusCode).toBe(200);
    // 邻镇 sees neither the hazard nor the check.
    expect((await other.get(`/api/v1/hazards/${hazardId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/campaign-checks/${synced.checkId}`)).statusCode).toBe(404);

    const view = await office.get(`/api/v1/campaign-checks/${synced.checkId}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      campaignTitle: '经营性自建房安全隐患专项整治',
      roundOrdinal: 1,
      targetName: '东村王某自建房',
      regionName: '东村',
    });
    const [c1, c2] = view.json().items;
    expect(c1).toMatchObject({ key: 'c1', result: 'fail', hazardId });
    expect(c2).toMatchObject({ key: 'c2', result: 'pass', hazardId: null });
    expect(c1.photos).toHaveLength(1);
    expect((await office.get(c1.photos[0].url)).statusCode).toBe(200);
    expect((await office.get(c2.photos[0].url)).statusCode).toBe(200);
    const owners = await t.database.rows<{ owner_type: string }>(
      sql`SELECT owner_type FROM files WHERE id IN (${c1.photos[0].fileId}, ${c2.photos[0].fileId}) ORDER BY id`,
    );
    expect(owners.map((o) => o.owner_type).sort()).toEqual(['campaignCheck', 'hazard']);

    for (let i = 0; i < 2; i++) {
      const again = await post(village, check, [{ seq: 1 }]);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual({ ...synced, status: 'duplicate' });
    }
    expect(await counts()).toEqual({
      checks: before.checks + 1,
      hazards: before.hazards + 1,
      links: before.links + 1,
      files: before.files + 2,
    });
  });

  it('two concurrent posts of one check make one check and one hazard', async () => {
    const before = await counts();
    const check = body({ objectId: ids.house2, checkedAt: '2026-03-02T08:40:00+08:00' });
    const answers = await Promise.all([post(village, check), post(village, check)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    expect(answers[0]?.json().checkId).toBe(answers[1]?.json().checkId);
    expect(answers[0]?.json().hazardIds).toEqual(answers[1]?.json().hazardIds);
    const after = await counts();
    expect([after.checks - before.checks, after.hazards - before.hazards, after.links - before.links]).toEqual([1, 1, 1]);
  });

  it('an object of an enterprise makes the enterprise’s hazard; a major item is graded 重大 with no deadline asked; 立行立改 closes', async () => {
    const out = await post(
      office,
      body({ objectId: ids.shop }, [
        { seq: 1, key: 'c1', result: 'fail', note: '后门上锁', fixedOnSpot: true },
        { seq: 2, key: 'c2', result: 'fail', note: '楼道内电动车充电', deadline: '2026-03-10' },
        { seq: 3, key: 'c3', result: 'fail', note: '屋顶加建彩钢板房' },
      ]),
    );
    expect(out.statusCode, out.body).toBe(201);
    expect(out.json().hazardIds).toHaveLength(3);
    const rows = await t.database.rows<{
      enterprise_id: number;
      grade: string;
      status: string;
      deadline: string | null;
      supervising_unit_id: number;
    }>(
      sql`SELECT enterprise_id, grade, status, deadline::text, supervising_unit_id FROM hazards WHERE id IN (${sql.join(
        out.json().hazardIds.map((id: number) => sql`${id}`),
        sql`, `,
      )}) ORDER BY id`,
    );
    expect(rows.every((r) => r.enterprise_id === ids.ent && r.supervising_unit_id !== null)).toBe(true);
    expect(rows.map((r) => [r.grade, r.status])).toEqual([
      ['general', 'closed'],
      ['general', 'rectifying'],
      ['major', 'found'],
    ]);
    expect(rows[1]?.deadline).toBe('2026-03-10');
    expect(rows[2]?.deadline).not.toBeNull();
  });

  it('refuses, in Chinese and writing nothing: rounds not open, objects outside the campaign or the caller’s area, a second check, a stolen id, unknown items', async () => {
    const before = await counts();
    const planned = await post(office, body({ roundId: ids.round2, objectId: ids.house3 }));
    expect(planned.statusCode, planned.body).toBe(409);
    expect(planned.json().message).toContain('第2轮未开始');
    const closed = await post(office, body({ roundId: ids.closedRound, objectId: ids.house3 }));
    expect(closed.statusCode, closed.body).toBe(409);
    expect(closed.json().message).toContain('第1轮已结束');

    const west = await post(office, body({ objectId: ids.westHouse }));
    expect(west.statusCode, west.body).toBe(400);
    expect(west.json().message).toBe('该对象不在本次专项整治范围内');
    const enterprise = await post(office, body({ objectId: undefined, enterpriseId: ids.ent }));
    expect(enterprise.statusCode).toBe(400);
    expect(enterprise.json().message).toBe('该对象不在本次专项整治范围内');

    const foreign = await post(office, body({ objectId: ids.foreign }));
    expect(foreign.statusCode, foreign.body).toBe(404);
    // 西村 is outside the 东村 grid worker's area.
    expect((await post(village, body({ objectId: ids.westHouse }))).statusCode).toBe(404);
    // 邻镇's office does not see 示例镇's campaign.
    expect((await post(other, body({ objectId: ids.house3 }))).statusCode).toBe(404);

    const again = await post(office, body({ objectId: ids.house1 }));
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().message).toMatch(/“东村王某自建房”第1轮已由 village 于 2026-03-02 08:30 检查/);

    const [{ clientId } = { clientId: '' }] = await t.database.rows<{ clientId: string }>(
      sql`SELECT client_id AS "clientId" FROM campaign_checks WHERE object_id = ${ids.house1}`,
    );
    const stolen = await post(office, body({ clientId, objectId: ids.house3 }));
    expect(stolen.statusCode, stolen.body).toBe(409);
    expect(stolen.json().message).toContain('记录标识已被使用');

    const unknown = await post(office, body({ objectId: ids.house3 }, [{ seq: 1, key: 'x9', result: 'pass' }]));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('检查项“x9”不在本次专项整治的检查内容中');
    const majorOnSpot = await post(
      office,
      body({ objectId: ids.house3 }, [{ seq: 1, key: 'c3', result: 'fail', note: '加层', fixedOnSpot: true }]),
    );
    expect(majorOnSpot.statusCode).toBe(400);
    expect(majorOnSpot.json().message).toContain('不能立行立改');
    const noNote = await post(office, body({ objectId: ids.house3 }, [{ seq: 1, key: 'c1', result: 'fail' }]));
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().message).toContain('第 1 项不符合，请说明发现的问题');
    const stray = await post(office, body({ objectId: ids.house3 }), [{ seq: 9 }]);
    expect(stray.statusCode).toBe(400);
    expect(stray.json().message).toContain('第 9 项不在本记录');
    const notJson = await office.request({ method: 'POST', url: '/api/v1/campaign-checks', ...multipartForm({ check: '{' }) });
    expect(notJson.statusCode).toBe(400);
    expect([400, 415]).toContain((await office.post('/api/v1/campaign-checks', body())).statusCode);

    expect(await counts()).toEqual(before);
  });
});
