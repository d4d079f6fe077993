import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { addDays, type CampaignChecklistItem, type CampaignItemResult, defaultObjectTypes, labelCodeOf } from '@anzhi/core';
import { asc, eq, like, or } from 'drizzle-orm';
import { createServices } from '../app.ts';
import type { Database, Executor } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import { chinaToday } from '../lib/clock.ts';
import { createDiskStorage, type Storage } from '../lib/storage.ts';
import { actorOf } from '../modules/auth/auth.service.ts';
import { campaignRounds, campaigns, ledgerObjects, ledgerObjectTypes } from '../modules/campaigns/campaign.table.ts';
import { planTasks } from '../modules/plans/plan.table.ts';
import { users } from '../modules/users/user.table.ts';
import { demoTownship } from './demo-accounts.ts';

/**
 * 专项整治 (issue 17), field checks: "经营性自建房安全隐患专项整治" over 示例镇's 经营性自建房 ledger, linked to the
 * plan's task 13 (…存在安全隐患自建房整治全覆盖…), two rounds ("开展2次全覆盖检查"): the first closed with most houses
 * checked (three never reached), the second open and about half done. Every check goes through the phone's path
 * (`campaignChecks.recordCheck`: the same transaction as POST /campaign-checks), so its hazards (channel 专项检查) and
 * links are real; the 立行立改 ones are closed (销号) by that path, the others stay open.
 */

const houseVillages: Array<[code: string, village: string, count: number]> = [
  ['339901100201', '东村', 7],
  ['339901100202', '西村', 5],
  ['339901100203', '南塘村', 4],
  ['339901100204', '北山村', 4],
];
const owners = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴芳', '徐强', '孙丽'];
const uses = ['餐饮', '住宿', '商超', '生产加工', '仓储', '其他'];

export const demoCampaignChecklist: CampaignChecklistItem[] = [
  { key: 'c1', text: '无擅自加层、改变承重结构或违规改扩建', source: 'own', criteriaCode: null, major: true },
  { key: 'c2', text: '房屋无明显裂缝、倾斜、沉降等结构安全隐患', source: 'own', criteriaCode: null, major: false },
  { key: 'c3', text: '疏散通道、安全出口畅通，数量符合要求', source: 'own', criteriaCode: null, major: false },
  { key: 'c4', text: '配置灭火器、应急照明和疏散指示标志并完好有效', source: 'own', criteriaCode: null, major: false },
  { key: 'c5', text: '电气线路规范敷设，无私拉乱接', source: 'own', criteriaCode: null, major: false },
  { key: 'c6', text: '无电动自行车在室内、楼道停放或充电', source: 'own', criteriaCode: null, major: false },
  { key: 'c7', text: '住宿与生产、储存、经营场所未违规“三合一”设置', source: 'own', criteriaCode: null, major: false },
];

/** What a failed item's note says, by item. */
const findings: Record<string, string> = {
  c3: '一楼后门被货物堵塞，安全出口不畅',
  c4: '灭火器压力不足，应急照明损坏',
  c5: '厨房电线私拉乱接，未穿管保护',
  c6: '楼道内停放电动自行车并飞线充电',
};

/** The 经营性自建房 the campaign counts: those the demo ledger holds (`demo-ledgers.ts`, seeded before). */
export async function demoHousesForCampaign(tx: Executor): Promise<{ typeId: number; houseIds: number[] }> {
  const [type] = await tx.select().from(ledgerObjectTypes).where(eq(ledgerObjectTypes.code, 'selfBuiltHouse'));
  if (!type) throw new Error('demo: the 经营性自建房 ledger is seeded before the campaign');
  const houses = await tx.select({ id: ledgerObjects.id }).from(ledgerObjects).where(eq(ledgerObjects.typeId, type.id));
  return { typeId: type.id, houseIds: houses.map((r) => r.id) };
}

export async function seedDemoCampaigns(database: Database, clock: Clock, opts: { storage?: Storage } = {}) {
  const now = clock.now();
  const today = chinaToday(now);
  const db = database.db;
  // The same services the API uses (the checks take the endpoint's transaction); no photos are stored.
  const services = createServices({
    database,
    clock,
    storage: opts.storage ?? createDiskStorage(path.join(os.tmpdir(), 'anzhi-demo-campaigns-unused')),
  });
  const { typeId, houseIds } = await demoHousesForCampaign(db);
  const [task] = await db
    .select({ id: planTasks.id })
    .from(planTasks)
    .where(or(like(planTasks.title, '%自建房整治全覆盖%'), like(planTasks.text, '%自建房整治全覆盖%')))
    .orderBy(asc(planTasks.id))
    .limit(1);
  const [office] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'anweiban'));
  const [campaign] = await db
    .insert(campaigns)
    .values({
      regionCode: demoTownship.code,
      title: '经营性自建房安全隐患专项整治',
      basis: '《示例镇安全生产治本攻坚三年行动实施方案（2024—2026年）》第13项：存在安全隐患自建房整治全覆盖',
      planTaskId: task?.id ?? null,
      planTargetMetric: null,
      scope: { kind: 'ledger', typeId, villageCodes: [] },
      checklist: demoCampaignChecklist,
      status: 'active',
      createdBy: office?.id ?? null,
      createdAt: new Date(now.getTime() - 80 * 86_400_000),
    })
    .returning();
  if (!campaign) throw new Error('demo: no campaign');
  const r1From = addDays(today, -75);
  const r1Closed = addDays(today, -30);
  const r2From = addDays(today, -20);
  const [round1, round2] = await db
    .insert(campaignRounds)
    .values([
      {
        campaignId: campaign.id,
        ordinal: 1,
        title: '第1轮全覆盖检查',
        startsOn: r1From,
        dueOn: addDays(today, -31),
        status: 'open',
        openedAt: new Date(`${r1From}T01:00:00Z`),
      },
      { campaignId: campaign.id, ordinal: 2, title: '第2轮全覆盖检查', startsOn: r2From, dueOn: addDays(today, 40) },
    ])
    .returning();
  if (!round1 || !round2) throw new Error('demo: no rounds');

  const actorFor = async (username: string) => {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    if (!u) throw new Error(`demo: no account ${username}`);
    return actorOf(u, null);
  };
  const grid = await actorFor('dongcun');
  const inspector = await actorFor('jiancha');
  const houses = await db
    .select({ id: ledgerObjects.id, regionCode: ledgerObjects.regionCode })
    .from(ledgerObjects)
    .where(eq(ledgerObjects.typeId, typeId));
  const byId = new Map(houses.map((h) => [h.id, h]));
  let made = 0;
  let hazards = 0;
  const check = async (roundId: number, houseId: number, k: number, day: string) => {
    const house = byId.get(houseId);
    if (!house) return;
    const actor = house.regionCode === grid.regionCodes[0] ? grid : inspector;
    // Every third house has findings: an exit blocked (立行立改, closed at once) or a fire/electrical problem to fix.
    const failing = k % 3 === 0 ? (k % 2 === 0 ? ['c3'] : ['c5', 'c6']) : k % 7 === 1 ? ['c4'] : [];
    const items = demoCampaignChecklist.map((item, i) => {
      const result: CampaignItemResult = failing.includes(item.key) ? 'fail' : item.key === 'c7' && k % 2 === 1 ? 'na' : 'pass';
      return {
        seq: i + 1,
        key: item.key,
        result,
        fixedOnSpot: result === 'fail' && item.key === 'c3',
        ...(result === 'fail' ? { note: findings[item.key] ?? '现场发现问题' } : {}),
        ...(result === 'fail' && item.key !== 'c3' ? { deadline: addDays(day, 15) } : {}),
      };
    });
    const out = await services.campaignModule.campaignChecks.recordCheck(actor, {
      clientId: randomUUID(),
      roundId,
      objectId: houseId,
      checkedAt: `${day}T10:${String(10 + (k % 40)).padStart(2, '0')}:00+08:00`,
      items,
    });
    made++;
    hazards += out.hazardIds.length;
  };

  // Round 1: all but three houses, over its six weeks.
  for (const [k, id] of houseIds.entries()) {
    if (k % 7 === 2) continue;
    await check(round1.id, id, k, addDays(r1From, 3 + ((k * 2) % 40)));
  }
  await db
    .update(campaignRounds)
    .set({ status: 'closed', closedOn: r1Closed, closedAt: new Date(`${r1Closed}T09:00:00Z`), closeNote: '第1轮检查结束，3栋未能入户' })
    .where(eq(campaignRounds.id, round1.id));
  await db
    .update(campaignRounds)
    .set({ status: 'open', openedAt: new Date(`${r2From}T01:00:00Z`) })
    .where(eq(campaignRounds.id, round2.id));
  // Round 2: about half, the houses of the other villages first (东村 keeps some for the grid worker).
  for (const [k, id] of houseIds.entries()) {
    if (k % 2 === 1) continue;
    await check(round2.id, id, k + 1, addDays(r2From, 2 + (k % 18)));
  }
  return { campaigns: 1, houses: houseIds.length, checks: made, hazards };
}
