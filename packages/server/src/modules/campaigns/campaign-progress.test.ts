import type { CampaignObjectRow, CampaignProgress, CampaignSummary } from '@anzhi/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureObjectType, makeCampaign, makeCampaignCheck, makeLedgerObject, makePlanTask } from '../../../test/campaign-kit.ts';
import { codes, loginAs, makeEnterprise, makeHazard, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { campaigns } from './campaign.table.ts';

/**
 * Progress counted at round boundaries (Beijing dates): round 1 ran 03-01 … 03-31 and is closed, round 2 opened 04-01;
 * today is 04-10. Every figure equals the length of the list it opens.
 */
let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let office: Session;
let village: Session;
let ledgerId: number;
let registryId: number;
const china = (iso: string) => new Date(`${iso}+08:00`);

async function list(s: Session, id: number, query: string) {
  const res = await s.get(`/api/v1/campaigns/${id}/objects?pageSize=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: CampaignObjectRow[]; total: number };
}
const namesOf = (p: { items: CampaignObjectRow[] }) => p.items.map((i) => i.name).sort();

beforeAll(async () => {
  t = await startTestApp(new Date('2026-04-10T02:00:00Z'));
  org = await seedOrg(t.database);
  const db = t.database.db;
  const type = await ensureObjectType(db, 'selfBuiltHouse');
  const object = (name: string, regionCode: string, createdAt: string, removedAt?: string) =>
    makeLedgerObject(db, {
      typeId: type.id,
      regionCode,
      name,
      createdAt: china(createdAt),
      removedAt: removedAt ? china(removedAt) : null,
    });
  const a = await object('甲房', codes.village1, '2026-01-05T09:00:00');
  const b = await object('乙房', codes.village1, '2026-01-05T09:00:00');
  const c = await object('丙房', codes.village2, '2026-01-05T09:00:00');
  await object('丁房（第一轮末日晚登记）', codes.village2, '2026-03-31T23:30:00');
  const e = await object('戊房（第二轮中途新增）', codes.village1, '2026-04-05T10:00:00');
  await object('己房（第一轮末日注销）', codes.village2, '2026-01-05T09:00:00', '2026-03-31T10:00:00');
  const g = await object('庚房（检查后注销）', codes.village1, '2026-01-05T09:00:00', '2026-03-20T10:00:00');
  await object('邻镇房', codes.otherVillage, '2026-01-05T09:00:00');
  const task = await makePlanTask(db, {
    regionCode: codes.town,
    createdBy: org.users.office.id,
    targets: [{ raw: '完成1栋经营性自建房整治销号', metric: '经营性自建房整治销号', value: 1, unit: '栋', year: 2026 }],
  });
  const { campaign, rounds } = await makeCampaign(db, {
    regionCode: codes.town,
    title: '经营性自建房专项整治',
    scope: { kind: 'ledger', typeId: type.id, villageCodes: [] },
    planTaskId: task.task.id,
    rounds: [
      { startsOn: '2026-03-01', dueOn: '2026-03-31', status: 'closed', closedOn: '2026-03-31' },
      { startsOn: '2026-04-01', dueOn: '2026-04-30', status: 'open' },
    ],
  });
  await db
    .update(campaigns)
    .set({ unitIds: [org.units.emergency.id, org.units.market.id], planTargetMetric: '经营性自建房整治销号' })
    .where(eq(campaigns.id, campaign.id));
  ledgerId = campaign.id;
  const [r1, r2] = rounds as [(typeof rounds)[number], (typeof rounds)[number]];
  const anchor = await makeEnterprise(t.database, { name: '挂靠企业', regionCode: codes.village1 });
  const hazard = async (regionCode: string, status: 'closed' | 'rectifying' | 'dismissed') =>
    (
      await makeHazard(t.database, {
        enterprise: anchor,
        foundBy: org.users.village.id,
        status,
        enterpriseId: null,
        regionCode,
        channel: 'campaign',
      })
    ).id;
  const check = (roundId: number, objectId: number, regionCode: string, more: Partial<Parameters<typeof makeCampaignCheck>[1]>) =>
    makeCampaignCheck(db, { campaignId: campaign.id, roundId, target: { objectId }, regionCode, checkedBy: org.users.village.id, ...more });
  await check(r1.id, a.id, codes.village1, {});
  await check(r1.id, b.id, codes.village1, { hazardIds: [await hazard(codes.village1, 'closed'), await hazard(codes.village1, 'closed')] });
  await check(r1.id, g.id, codes.village1, { hazardIds: [await hazard(codes.village1, 'rectifying')] });
  await check(r2.id, c.id, codes.village2, {});
  await check(r2.id, e.id, codes.village1, {
    checkedBy: org.users.unitStaff.id,
    checkerUnitId: org.units.market.id,
    hazardIds: [await hazard(codes.village1, 'dismissed')],
  });

  // A registry campaign: 工贸 enterprises, by the unit that supervises them or whose staff checked them.
  const ent = (name: string, regionCode: string, unitId: number): Promise<EnterpriseRow> =>
    makeEnterprise(t.database, { name, regionCode, domains: ['industryTrade'], supervisingUnitId: unitId });
  await ent('市场所监管甲厂', codes.village1, org.units.market.id);
  await ent('应急办监管乙厂', codes.village2, org.units.emergency.id);
  const e3 = await ent('应急办监管丙厂', codes.village1, org.units.emergency.id);
  const registry = await makeCampaign(db, {
    regionCode: codes.town,
    title: '工贸企业全覆盖检查',
    scope: { kind: 'registry', domains: ['industryTrade'], flags: [], industrySections: [], villageCodes: [], smallVenues: false },
    rounds: [{ startsOn: '2026-04-01', dueOn: '2026-04-30', status: 'open' }],
  });
  await db
    .update(campaigns)
    .set({ unitIds: [org.units.emergency.id, org.units.market.id] })
    .where(eq(campaigns.id, registry.campaign.id));
  registryId = registry.campaign.id;
  await makeCampaignCheck(db, {
    campaignId: registry.campaign.id,
    roundId: registry.rounds[0]?.id as number,
    target: { enterpriseId: e3.id },
    regionCode: codes.village1,
    checkedBy: org.users.unitStaff.id,
    checkerUnitId: org.units.market.id,
  });
  [office, village] = await Promise.all([loginAs(t.app, 'office'), loginAs(t.app, 'village')]);
});
afterAll(() => t.close());

describe('campaign progress', () => {
  let p: CampaignProgress;

  it('counts each round at its boundaries: registered on the end day, removed on it, checked then removed, added mid-round', async () => {
    const res = await office.get(`/api/v1/campaigns/${ledgerId}/progress`);
    expect(res.statusCode, res.body).toBe(200);
    p = res.json();
    expect(p.asOf).toBe('2026-04-10');
    const [r1, r2] = p.rounds;
    expect(r1).toMatchObject({
      ordinal: 1,
      status: 'closed',
      targets: 5,
      covered: 3,
      findings: 2,
      hazards: 3,
      hazardsClosed: 2,
      objectsCleared: 1,
    });
    // 庚房 (removed) is gone, 戊房 (added 04-05) counts; its one hazard was dismissed (不成立): a finding, no hazard.
    expect(r2).toMatchObject({
      ordinal: 2,
      status: 'open',
      targets: 5,
      covered: 2,
      findings: 1,
      hazards: 0,
      hazardsClosed: 0,
      objectsCleared: 0,
    });
    expect(namesOf(await list(office, ledgerId, 'round=1'))).toEqual(
      ['丁房（第一轮末日晚登记）', '丙房', '乙房', '庚房（检查后注销）', '甲房'].sort(),
    );
    expect(namesOf(await list(office, ledgerId, 'round=2'))).toEqual(
      ['丁房（第一轮末日晚登记）', '丙房', '乙房', '戊房（第二轮中途新增）', '甲房'].sort(),
    );
    expect(p.neverReached).toBe(1);
    expect(namesOf(await list(office, ledgerId, 'neverReached=true'))).toEqual(['丁房（第一轮末日晚登记）']);
  });

  it('every figure equals the length of the list it opens (rounds × states, villages, units)', async () => {
    for (const r of p.rounds) {
      const want = {
        target: r.targets,
        covered: r.covered,
        uncovered: r.targets - r.covered,
        finding: r.findings,
        cleared: r.objectsCleared,
      };
      for (const [state, n] of Object.entries(want)) {
        expect((await list(office, ledgerId, `round=${r.ordinal}&state=${state}`)).total, `round ${r.ordinal} ${state}`).toBe(n);
      }
      const hazards = (await list(office, ledgerId, `round=${r.ordinal}&state=target`)).items.reduce((n, i) => n + i.hazardIds.length, 0);
      expect(hazards).toBe(r.hazards);
      for (const v of r.byVillage) {
        expect((await list(office, ledgerId, `round=${r.ordinal}&villageCode=${v.key}`)).total, v.name).toBe(v.targets);
        expect((await list(office, ledgerId, `round=${r.ordinal}&villageCode=${v.key}&state=covered`)).total, v.name).toBe(v.covered);
      }
      for (const u of r.byUnit) {
        expect((await list(office, ledgerId, `round=${r.ordinal}&unitId=${u.key}`)).total, u.name).toBe(u.targets);
        expect((await list(office, ledgerId, `round=${r.ordinal}&unitId=${u.key}&state=finding`)).total, u.name).toBe(u.findings);
      }
    }
  });

  it('byVillage lists every village of the township; byUnit counts the checks of a unit’s staff', async () => {
    const [r1, r2] = p.rounds;
    expect(r1?.byVillage.map((v) => [v.name, v.targets, v.covered, v.hazards, v.hazardsClosed])).toEqual([
      ['东村', 3, 3, 3, 2],
      ['西村', 2, 0, 0, 0],
    ]);
    expect(r2?.byUnit.map((u) => [u.name, u.targets, u.covered, u.findings])).toEqual([
      ['示例镇应急管理办公室', 0, 0, 0],
      ['示例镇市场监管所', 1, 1, 1],
    ]);
  });

  it('a registry campaign: a unit’s row is the enterprises it supervises and those its staff checked', async () => {
    const res = (await office.get(`/api/v1/campaigns/${registryId}/progress`)).json() as CampaignProgress;
    const [r1] = res.rounds;
    expect(r1).toMatchObject({ targets: 3, covered: 1 });
    expect(r1?.byUnit.map((u) => [u.name, u.targets, u.covered])).toEqual([
      ['示例镇应急管理办公室', 2, 1],
      ['示例镇市场监管所', 2, 1],
    ]);
    expect(namesOf(await list(office, registryId, `unitId=${org.units.market.id}`))).toEqual(['市场所监管甲厂', '应急办监管丙厂'].sort());
  });

  it('the plan figures: coverage of the latest round, hazards and 销号, the target metric counting objects cleared', () => {
    expect(p.figures).toEqual([
      { metric: '经营性自建房第2轮应检查', value: 5, unit: '栋' },
      { metric: '经营性自建房第2轮已检查', value: 2, unit: '栋' },
      { metric: '发现问题隐患', value: 3, unit: '项' },
      { metric: '问题隐患已整改销号', value: 2, unit: '项' },
      { metric: '经营性自建房整治销号', value: 1, unit: '栋' },
    ]);
  });

  it('a village sees its own objects; the list shows the campaign’s live figures', async () => {
    const mine = (await village.get(`/api/v1/campaigns/${ledgerId}/progress`)).json() as CampaignProgress;
    expect(mine.rounds[0]).toMatchObject({ targets: 3, covered: 3 });
    expect(namesOf(await list(village, ledgerId, 'round=2'))).toEqual(['乙房', '戊房（第二轮中途新增）', '甲房'].sort());
    const page = (await office.get('/api/v1/campaigns')).json() as { items: CampaignSummary[] };
    expect(page.items.find((i) => i.id === ledgerId)).toMatchObject({
      currentRound: 2,
      targets: 5,
      covered: 2,
      hazards: 3,
      hazardsClosed: 2,
    });
    const row = (await list(office, ledgerId, 'round=1&state=cleared')).items[0];
    expect(row).toMatchObject({ name: '乙房', regionName: '东村', checkedByName: 'village', failed: 2 });
    expect(row?.hazardIds).toHaveLength(2);
    expect((await office.get(`/api/v1/campaigns/${ledgerId}/objects?round=7`)).statusCode).toBe(400);
  });
});

describe('the office’s to-do: an open round due within a week with objects not yet checked', () => {
  it('names the round, its deadline and what is left; not for a village, not before the week', async () => {
    const todos = async (s: Session) =>
      ((await s.get('/api/v1/todos?todoKind=campaign.round')).json() as { items: Array<{ title: string; link: string; overdue: boolean }> })
        .items;
    expect(await todos(office)).toEqual([]);
    t.clock.set(new Date('2026-04-25T02:00:00Z'));
    [office, village] = await Promise.all([loginAs(t.app, 'office'), loginAs(t.app, 'village')]);
    const items = await todos(office);
    expect(items.map((i) => i.title).sort()).toEqual(
      [
        '工贸企业全覆盖检查第1轮将于4月30日截止，尚有2家企业未检查',
        '经营性自建房专项整治第2轮将于4月30日截止，尚有3栋经营性自建房未检查',
      ].sort(),
    );
    expect(items.find((i) => i.title.startsWith('经营性'))?.link).toBe(`/campaigns/${ledgerId}?round=2&state=uncovered`);
    expect(await todos(village)).toEqual([]);
  });
});
