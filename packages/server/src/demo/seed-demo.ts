import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { systemActor } from '../lib/actor.ts';
import { type Clock, chinaToday } from '../lib/clock.ts';
import { createIdentityCipher, type IdentityCipher, newIdentityKey } from '../lib/identity-cipher.ts';
import { hashPassword } from '../lib/password-hash.ts';
import type { Storage } from '../lib/storage.ts';
import { createAuditService } from '../modules/audit/audit.service.ts';
import { auditedTransaction } from '../modules/audit/audited-transaction.ts';
import { runDualSweep } from '../modules/dual/dual-sweep.ts';
import { enforcementChecks } from '../modules/enforcement/enforcement.table.ts';
import { runEnforcementSweep } from '../modules/enforcement/enforcement-sweep.ts';
import { runHazardSweep } from '../modules/hazards/hazard-sweep.ts';
import { runPlanSweep } from '../modules/plans/plan-sweep.ts';
import { regionRepo } from '../modules/regions/region.repo.ts';
import { type UnitRow, unitRepo } from '../modules/units/unit.repo.ts';
import { userRepo } from '../modules/users/user.repo.ts';
import { users } from '../modules/users/user.table.ts';
import { demoAccounts, demoTownship } from './demo-accounts.ts';
import { seedDemoCampaigns } from './demo-campaigns.ts';
import { seedDemoDualCards } from './demo-dual-cards.ts';
import { seedDemoDualChecks } from './demo-dual-checks.ts';
import { seedDemoDualOversight } from './demo-dual-oversight.ts';
import { seedDemoRisk } from './demo-dual-risk.ts';
import { seedDemoDualVenues } from './demo-dual-venues.ts';
import { completeDemoChecks, ensureDemoInspectors, seedDemoCheckForEnterprise } from './demo-enforcement-checks.ts';
import { seedDemoEnforcementDraws } from './demo-enforcement-draws.ts';
import { seedDemoEnforcementPlans } from './demo-enforcement-plans.ts';
import { seedEnforcementStatsDemo } from './demo-enforcement-stats.ts';
import { seedDemoEnforcementTriad } from './demo-enforcement-triad.ts';
import { seedDemoEnterprises } from './demo-enterprises.ts';
import { seedDemoHazards } from './demo-hazards.ts';
import { seedDemoLedgers } from './demo-ledgers.ts';
import { seedDemoPlan } from './demo-plans.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemoVillageTodo } from './demo-todos.ts';

const county = { code: '339901000000', name: '示例县' };

// Village codes follow GB/T 10114: 001–199 居委会 (社区), 200–399 村委会.
const villages: Array<[string, string]> = [
  ['339901100001', '镇北社区'],
  ['339901100201', '东村'],
  ['339901100202', '西村'],
  ['339901100203', '南塘村'],
  ['339901100204', '北山村'],
  ['339901100205', '桥头村'],
  ['339901100206', '新河村'],
  ['339901100400', '示例镇工业园区管理区'],
];

type U = [
  name: string,
  shortName: string,
  aliases: string[],
  kind: 'regulator' | 'industryManager' | 'other',
  industries: string[],
  phone: string,
];
const units: U[] = [
  [
    '示例镇应急管理办公室',
    '应急办',
    ['应急管理办', '镇应急办', '安委办'],
    'regulator',
    [
      'hazardousChemicals',
      'fireworks',
      'industryTrade',
      'metallurgy',
      'nonferrous',
      'buildingMaterials',
      'machinery',
      'lightIndustry',
      'textile',
      'tobacco',
      'commerce',
    ],
    '0571-88880001',
  ],
  [
    '示例镇规划建设办公室',
    '规划建设办',
    ['规建办', '村镇建设办', '规划建设局'],
    'industryManager',
    ['construction', 'cityGas'],
    '0571-88880002',
  ],
  ['示例镇经济发展办公室', '经发办', ['经济发展办', '经济办'], 'industryManager', ['industryTrade', 'tourism'], '0571-88880003'],
  ['示例县公安局示例镇派出所', '派出所', ['镇派出所'], 'regulator', ['transport'], '0571-88880004'],
  ['示例镇消防救援站', '消防救援站', ['消防站', '专职消防队'], 'regulator', ['fire', 'publicVenue', 'smallVenue'], '0571-88880119'],
  ['示例镇市场监督管理所', '市场监管所', ['市场监管所', '市监所'], 'regulator', ['specialEquipment', 'commerce'], '0571-88880005'],
  [
    '示例镇综合行政执法大队',
    '综合执法大队',
    ['综合执法队', '应急执法中队'],
    'regulator',
    ['hazardousChemicals', 'industryTrade'],
    '0571-88880006',
  ],
  ['示例镇交通运输管理站', '交通', ['交通管理站', '交管站'], 'industryManager', ['transport'], '0571-88880007'],
  ['示例镇中心学校', '教育', ['教育办', '中心校'], 'industryManager', ['education'], '0571-88880008'],
  ['示例镇社会事务办公室', '卫健', ['社会事务办', '卫健办'], 'industryManager', ['health', 'eldercare'], '0571-88880009'],
  ['示例镇农业农村办公室', '农业农村办', ['农办', '农业办'], 'industryManager', ['agriculture', 'fishery', 'water'], '0571-88880010'],
  ['示例镇供电所', '供电所', ['电力所'], 'other', ['power'], '0571-88880011'],
];

/** Creates the fictional township 示例镇 with its villages, member units and one account per role. Idempotent. */
export async function seedDemo(
  database: Database,
  clock: Clock,
  /**
   * `identity`: the key demo reporters' names and phones are encrypted with (main.ts passes the configured one);
   * `storage`: where demo images go (the 四色分布图's site plan; without it the map is left out).
   */
  opts: { identity?: IdentityCipher; storage?: Storage } = {},
): Promise<{ seeded: boolean }> {
  const identity = opts.identity ?? createIdentityCipher(newIdentityKey());
  const [row] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM regions`);
  if (Number(row?.n) > 0) return { seeded: false };
  const audit = createAuditService({ db: database.db, clock });
  const passwordHashes = new Map<string, string>();
  for (const a of demoAccounts) passwordHashes.set(a.password, passwordHashes.get(a.password) ?? (await hashPassword(a.password)));
  await auditedTransaction(database.db, async (tx) => {
    const now = clock.now();
    await regionRepo.insert(tx, { ...county, level: 'county', parentCode: null, createdAt: now });
    await regionRepo.insert(tx, { ...demoTownship, level: 'township', parentCode: county.code, createdAt: now });
    for (const [code, name] of villages)
      await regionRepo.insert(tx, { code, name, level: 'village', parentCode: demoTownship.code, createdAt: now });
    const unitIds = new Map<string, number>();
    const unitRows: UnitRow[] = [];
    const userIds = new Map<string, number>();
    for (const [name, shortName, aliases, kind, industries, phone] of units) {
      const u = await unitRepo.insert(tx, {
        name,
        shortName,
        aliases,
        kind,
        industries,
        phone,
        regionCode: demoTownship.code,
        createdAt: now,
        updatedAt: now,
      });
      unitIds.set(name, u.id);
      unitRows.push(u);
    }
    for (const a of demoAccounts) {
      const created = await userRepo.insert(tx, {
        username: a.username,
        displayName: a.displayName,
        passwordHash: passwordHashes.get(a.password) as string,
        roles: [a.role],
        regionCodes: a.regionCodes,
        unitId: a.unitName ? (unitIds.get(a.unitName) ?? null) : null,
        // Demo accounts may skip the forced change of the initial password.
        mustChangePassword: false,
        createdAt: now,
        updatedAt: now,
      });
      userIds.set(a.username, created.id);
    }
    const villageCodes = villages.map(([code]) => code);
    const { boundId, count: enterpriseCount } = await seedDemoEnterprises(tx, {
      villages: villageCodes,
      units: unitRows,
      now,
      officeUserId: userIds.get('anweiban') as number,
    });
    for (const a of demoAccounts.filter((d) => d.role === 'enterprise')) {
      await tx
        .update(users)
        .set({ enterpriseId: boundId, enterprisePrincipal: true })
        .where(eq(users.id, userIds.get(a.username) as number));
    }
    const id = (username: string) => userIds.get(username) as number;
    const hazardCount = await seedDemoHazards(tx, now, {
      office: id('anweiban'),
      inspector: id('jiancha'),
      unitAccounts: new Map(
        demoAccounts.filter((a) => a.unitName).map((a) => [unitIds.get(a.unitName as string) as number, id(a.username)]),
      ),
      village: id('dongcun'),
      villageCode: demoAccounts.find((a) => a.username === 'dongcun')?.regionCodes[0] ?? '339901100201',
      enterprise: id('qiye'),
      boundEnterpriseId: boundId,
      names: Object.fromEntries(demoAccounts.map((a) => [id(a.username), a.displayName])),
    });
    const village = demoAccounts.find((a) => a.role === 'village');
    const villageTodos = village
      ? await seedDemoVillageTodo(tx, now, {
          villageUserId: id(village.username),
          villageName: village.displayName,
          villageCode: village.regionCodes[0] as string,
        })
      : 0;
    const unitUsers = new Map(
      demoAccounts
        .filter((a) => a.unitName)
        .map((a) => [unitIds.get(a.unitName as string) as number, { id: id(a.username), name: a.displayName }]),
    );
    const planCounts = await seedDemoPlan(tx, {
      now,
      regionCode: demoTownship.code,
      officeUserId: id('anweiban'),
      officeName: demoAccounts.find((a) => a.username === 'anweiban')?.displayName ?? '安委办',
      unitUsers,
    });
    // 执法检查 part C (on-site checks): the 应急办 demo inspectors (陈检查 linked to jiancha) and a check today on qiye's enterprise.
    const emergencyUnitId = unitIds.get('示例镇应急管理办公室') as number;
    const demoInspectorIds = await ensureDemoInspectors(tx, { emergencyUnitId, jianchaUserId: id('jiancha'), now });
    await seedDemoCheckForEnterprise(tx, {
      emergencyUnitId,
      enterpriseId: boundId,
      inspectorIds: demoInspectorIds,
      officeUserId: id('anweiban'),
      now,
    });
    await audit.record(tx, systemActor, {
      entityType: 'system',
      entityId: null,
      action: 'seed_demo',
      after: {
        township: demoTownship.name,
        villages: villages.length,
        units: units.length,
        accounts: demoAccounts.length,
        enterprises: enterpriseCount,
        hazards: hazardCount + villageTodos,
        ...planCounts,
      },
    });
    // enforcement: 名录库 and draws (issue 14, part A) — the draws' planned checks are for the later parts to carry out.
    const enforcementUnits = {
      emergency: unitIds.get('示例镇应急管理办公室') as number,
      lawEnforcement: unitIds.get('示例镇综合行政执法大队') as number,
    };
    const drawn = await seedDemoEnforcementDraws(tx, { now, units: enforcementUnits, officeUserId: id('anweiban') });
    // enforcement: this year's approved yearly plans of both units (part B).
    await seedDemoEnforcementPlans(tx, {
      now,
      unitIds: [enforcementUnits.emergency, enforcementUnits.lawEnforcement],
      officeUserId: id('anweiban'),
    });
    // enforcement: the drawn checks carried out (part C) — three of each draw signed on their day, two failed major-hazard
    // items each (hazards of channel 执法检查); the others still to do.
    const perDraw = drawn.checkIds.length / Math.max(drawn.drawIds.length, 1);
    const signedChecks = drawn.checkIds.filter((_, k) => k % perDraw < 3);
    const checkUnits = await tx
      .select({ id: enforcementChecks.id, unitId: enforcementChecks.unitId })
      .from(enforcementChecks)
      .where(inArray(enforcementChecks.id, signedChecks));
    for (const unitId of Object.values(enforcementUnits))
      await completeDemoChecks(tx, {
        checkIds: checkUnits.filter((c) => c.unitId === unitId).map((c) => c.id),
        actorUserId: id('jiancha'),
        actorUnitId: unitId,
        now,
      });
    // enforcement: a 第一百一十三条 closure flag in the statistics (part E) — three decided cases within 180 days on the
    // enterprise of the first signed check, which has open major hazards (before part D's case: numbers follow the dates).
    const [flagged] = await tx
      .select({ enterpriseId: enforcementChecks.enterpriseId, unitId: enforcementChecks.unitId })
      .from(enforcementChecks)
      .where(eq(enforcementChecks.id, signedChecks[0] as number));
    if (flagged) await seedEnforcementStatsDemo(tx, { ...flagged, today: chinaToday(now), createdBy: id('yingji') });
    // enforcement: 执法三部曲 on three of them (part D) — an order rechecked and penalised, one overdue, one open.
    await seedDemoEnforcementTriad(tx, {
      now,
      checkIds: signedChecks.slice(0, 3),
      issuerUserId: id('yingji'),
      penalizerUserId: id('yingji'),
    });
    // 举报 (issue 15): months of reports in every state, after the hazards and penalties they link to.
    await seedDemoReports(tx, { now, identity, townshipCode: demoTownship.code, officeUserId: id('anweiban') });
    // 双重预防 (issue 16), each part in its own file:
    // risk side — risk points and measures for a dozen enterprises
    await seedDemoRisk(tx, { now, boundEnterpriseId: boundId, assessorUserId: id('qiye') });
    // posts and cards — 两单两卡 and quizzes for qiye and two others, attempts, qiye's 四色分布图 (after the risk side)
    await seedDemoDualCards(tx, { now, boundEnterpriseId: boundId, storage: opts.storage });
    // check tasks and records — months of records, some lazy
    await seedDemoDualChecks(tx, { now, enterpriseId: boundId, checkerUserId: id('qiye') });
    // small venues — two grids of venues with patrols
    await seedDemoDualVenues(tx, { now, villageUserId: id('dongcun'), villageName: '张网格' });
    // oversight — planted reused photos, back-dated fixes, bulk records
    await seedDemoDualOversight(tx, { now, checkerUserId: id('qiye'), boundEnterpriseId: boundId, storage: opts.storage });
    // 专项整治 (issue 17), each part in its own section:
    // object ledgers — 有限空间 in the 工贸 enterprises, 经营性自建房 in the villages (东村 the most)
    await seedDemoLedgers(tx, {
      now,
      boundEnterpriseId: boundId,
      createdBy: id('anweiban'),
      villageCreatedBy: id('dongcun'),
    });
  });
  // 专项整治 (issue 17) — field checks: the 经营性自建房 campaign of two rounds, its checks through the phone's path
  // (their own transactions, with the API's services), before the sweeps so its hazards are swept too.
  await seedDemoCampaigns(database, clock, { storage: opts.storage });
  // Reminders, overdue marks, escalations and dispatch alerts as of today, as the scheduler would have written them.
  await runHazardSweep(database.db, clock.now());
  await runPlanSweep(database.db, clock.now());
  await runEnforcementSweep(database.db, clock.now());
  await runDualSweep(database.db, clock.now());
  return { seeded: true };
}
