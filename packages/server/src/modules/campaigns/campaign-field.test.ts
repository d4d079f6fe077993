import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureObjectType, makeCampaign, makeLedgerObject } from '../../../test/campaign-kit.ts';
import { codes, login, loginAs, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { campaignChecks } from './campaign.table.ts';

type Round = {
  roundId: number;
  campaignTitle: string;
  subject: string;
  counter: string;
  checklist: unknown[];
  targetsCapped: boolean;
  targets: Array<{ objectId: number; name: string; regionName: string; checkId: number | null; labelCode: string }>;
};

describe('专项检查 work list and QR landing (issue 17): the open rounds’ targets in the caller’s area', () => {
  let t: TestApp;
  let village: Session;
  let office: Session;
  let unit: Session;
  let other: Session;
  const ids = { east: 0, town: 0, checked: 0, west: 0, foreign: 0, removed: 0, planned: 0 };
  const labels: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
    const org = await seedOrg(t.database);
    const db = t.database.db;
    const type = await ensureObjectType(db);
    const confined = await ensureObjectType(db, 'confinedSpace');
    const house = async (key: string, name: string, regionCode: string, extra: { removedAt?: Date; typeId?: number } = {}) => {
      const o = await makeLedgerObject(db, {
        typeId: extra.typeId ?? type.id,
        regionCode,
        name,
        createdAt: new Date('2026-01-05T00:00:00Z'),
        removedAt: extra.removedAt ?? null,
      });
      labels[key] = o.labelCode;
      return o.id;
    };
    ids.checked = await house('checked', '东村王某自建房', codes.village1);
    await house('todo', '东村李某自建房', codes.village1);
    ids.removed = await house('removed', '东村已拆除自建房', codes.village1, { removedAt: new Date('2026-02-01T00:00:00Z') });
    ids.west = await house('west', '西村陈某自建房', codes.village2);
    ids.foreign = await house('foreign', '邻村周某自建房', codes.otherVillage);
    await house('confined', '东村某厂污水井', codes.village1, { typeId: confined.id });
    const east = await makeCampaign(db, {
      regionCode: codes.town,
      title: '东村自建房专项整治',
      scope: { kind: 'ledger', typeId: type.id, villageCodes: [codes.village1] },
    });
    ids.east = east.rounds[0]?.id as number;
    const town = await makeCampaign(db, {
      regionCode: codes.town,
      title: '全镇自建房专项整治',
      scope: { kind: 'ledger', typeId: type.id, villageCodes: [] },
    });
    ids.town = town.rounds[0]?.id as number;
    const planned = await makeCampaign(db, {
      regionCode: codes.town,
      title: '尚未开始的专项整治',
      scope: { kind: 'ledger', typeId: type.id, villageCodes: [] },
      rounds: [{ startsOn: '2026-06-01', dueOn: '2026-06-30' }],
    });
    ids.planned = planned.rounds[0]?.id as number;
    await makeCampaign(db, {
      regionCode: codes.otherTown,
      title: '邻镇自建房专项整治',
      scope: { kind: 'ledger', typeId: type.id, villageCodes: [] },
    });
    await db.insert(campaignChecks).values({
      campaignId: east.campaign.id,
      roundId: ids.east,
      objectId: ids.checked,
      regionCode: codes.village1,
      clientId: randomUUID(),
      checkedBy: org.users.village.id,
      checkedAt: new Date('2026-03-01T02:00:00Z'),
      items: [],
    });
    village = await loginAs(t.app, 'village');
    office = await loginAs(t.app, 'office');
    unit = await loginAs(t.app, 'unit');
    other = await login(t.app, 'otheroffice');
  });
  afterAll(() => t.close());

  const roundsOf = async (s: Session) => {
    const res = await s.get('/api/v1/campaign-tasks');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().asOf).toBe('2026-03-02');
    return res.json().rounds as Round[];
  };
  const names = (r: Round | undefined) => r?.targets.map((x) => x.name) ?? [];

  it('gives the grid worker the open rounds with 东村’s houses only, unchecked first, checked ones marked', async () => {
    const rounds = await roundsOf(village);
    expect(rounds.map((r) => r.campaignTitle).sort()).toEqual(['东村自建房专项整治', '全镇自建房专项整治']);
    const east = rounds.find((r) => r.roundId === ids.east);
    expect(east).toMatchObject({ subject: '经营性自建房', counter: '栋', targetsCapped: false });
    expect(east?.checklist).toHaveLength(2);
    // A house removed before today is no target any more; the other type's objects are not this campaign's.
    expect(names(east)).toEqual(['东村李某自建房', '东村王某自建房']);
    expect(east?.targets[1]?.checkId).not.toBeNull();
    expect(east?.targets[0]?.checkId).toBeNull();
    expect(names(rounds.find((r) => r.roundId === ids.town))).toEqual(['东村李某自建房', '东村王某自建房']);
  });

  it('gives the office the township’s houses (西村 in the township-wide round only), 邻镇 its own', async () => {
    const rounds = await roundsOf(office);
    expect(names(rounds.find((r) => r.roundId === ids.east))).not.toContain('西村陈某自建房');
    expect(names(rounds.find((r) => r.roundId === ids.town))).toContain('西村陈某自建房');
    expect(JSON.stringify(rounds)).not.toContain('邻');
    // A member unit works every object of its regions.
    expect(names((await roundsOf(unit)).find((r) => r.roundId === ids.town))).toHaveLength(3);
    const theirs = await roundsOf(other);
    expect(theirs.map((r) => r.campaignTitle)).toEqual(['邻镇自建房专项整治']);
    expect(names(theirs[0])).toEqual(['邻村周某自建房']);
  });

  it('opens a QR label: the object with its fields and the open rounds covering it; 404 outside the caller’s area', async () => {
    const res = await village.get(`/api/v1/campaign-tasks/by-label/${labels.todo}`);
    expect(res.statusCode, res.body).toBe(200);
    const landing = res.json();
    expect(landing.object).toMatchObject({
      name: '东村李某自建房',
      typeName: '经营性自建房',
      counter: '栋',
      regionName: '东村',
      removed: false,
    });
    expect(landing.object.fields).toEqual(
      expect.arrayContaining([
        { key: 'owner', label: '房屋产权人', value: '王某' },
        { key: 'floors', label: '层数', value: '3 层' },
      ]),
    );
    expect(landing.rounds.map((r: Round) => [r.roundId, names(r)]).sort()).toEqual(
      [
        [ids.east, ['东村李某自建房']],
        [ids.town, ['东村李某自建房']],
      ].sort(),
    );
    // 西村's house: the office sees it, only the township-wide round covers it; the 东村 grid worker does not see it.
    const west = (await office.get(`/api/v1/campaign-tasks/by-label/${labels.west}`)).json();
    expect(west.rounds.map((r: Round) => r.roundId)).toEqual([ids.town]);
    expect((await village.get(`/api/v1/campaign-tasks/by-label/${labels.west}`)).statusCode).toBe(404);
    expect((await office.get(`/api/v1/campaign-tasks/by-label/${labels.foreign}`)).statusCode).toBe(404);
    // An object no open round covers: shown, with no rounds.
    const confined = (await office.get(`/api/v1/campaign-tasks/by-label/${labels.confined}`)).json();
    expect(confined).toMatchObject({ object: { typeName: '有限空间' }, rounds: [] });
    expect((await office.get('/api/v1/campaign-tasks/by-label/ABCDEFGH00')).statusCode).toBe(404);
    expect((await office.get('/api/v1/campaign-tasks/by-label/bad!')).statusCode).toBe(400);
    const [{ n } = { n: 0 }] = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM campaign_checks`);
    expect(n).toBe(1);
  });
});
