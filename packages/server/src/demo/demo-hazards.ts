import {
  addDays,
  defaultMajorDeadline,
  expandDomains,
  expandFlags,
  type HazardChannel,
  type HazardStatus,
  hazardTimeSettings,
  shippedCriteriaSets,
} from '@anzhi/core';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';
import { hazardCode } from '../modules/hazards/hazard.service.ts';
import { hazardEvents, hazards } from '../modules/hazards/hazard.table.ts';
import { demoMajorPlanContents } from './demo-hazard-plan.ts';

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Where a finding can be made: every place, or a kind of place read off the enterprise's domains and venue type. */
type Place = 'any' | 'factory' | 'chemical' | 'kitchen' | 'site' | 'gas' | 'vehicle' | 'equipment' | 'farm' | 'power' | 'fireworks';

// Findings a township actually records: [title, description, category, where they are made].
const generalFindings: Array<[string, string, 'thing' | 'behaviour' | 'management' | 'environment', Place]> = [
  ['灭火器压力不足', '门口两具干粉灭火器压力表指针处于红区', 'thing', 'any'],
  ['安全出口堵塞', '安全出口处堆放纸箱杂物，疏散通道宽度不足', 'thing', 'any'],
  ['电线私拉乱接', '走廊私拉电线为电动车充电', 'behaviour', 'any'],
  ['应急照明损坏', '楼梯间应急照明灯不亮', 'thing', 'any'],
  ['消防通道被占用', '消防车通道停放车辆', 'environment', 'any'],
  ['安全培训记录不全', '新入职员工安全教育记录缺失', 'management', 'any'],
  ['应急预案未演练', '本年度未开展应急预案演练，无演练记录', 'management', 'any'],
  ['配电箱未接地', '二号车间配电箱外壳未做保护接地，箱门缺失警示标识', 'thing', 'factory'],
  ['有限空间未设警示标识', '污水池入口未设置有限空间安全警示标识', 'management', 'factory'],
  ['叉车未定期检验', '一台叉车检验合格证已过期', 'thing', 'factory'],
  ['作业人员未佩戴防护用品', '打磨岗位两名员工未佩戴防尘口罩', 'behaviour', 'factory'],
  ['粉尘清扫不及时', '抛光工位积尘较厚，未按规定清扫', 'management', 'factory'],
  ['机械防护罩缺失', '冲床传动部位防护罩拆除未复位', 'thing', 'factory'],
  ['特种作业人员无证上岗', '一名焊工未取得特种作业操作证', 'behaviour', 'factory'],
  ['化学品混存', '危化品仓库内酸碱类化学品未分区存放', 'thing', 'chemical'],
  ['储罐区围堰破损', '储罐区防火堤局部开裂，未及时修复', 'thing', 'chemical'],
  ['燃气软管老化', '灶具连接软管老化开裂，超过使用年限', 'thing', 'kitchen'],
  ['可燃气体报警器失效', '厨房可燃气体报警器测试不报警', 'thing', 'kitchen'],
  ['排油烟管道未清洗', '厨房排油烟管道油垢积聚，无清洗记录', 'management', 'kitchen'],
  ['临边防护缺失', '二层楼面临边未设置防护栏杆', 'thing', 'site'],
  ['脚手架连墙件缺失', '外脚手架部分连墙件拆除未恢复', 'thing', 'site'],
  ['施工用电不规范', '开关箱未做到一机一闸一漏', 'thing', 'site'],
  ['气瓶超期未检', '储配站内三只液化石油气钢瓶超过检验周期', 'thing', 'gas'],
  ['燃气泄漏报警装置失效', '灌装间燃气泄漏报警器测试不报警', 'thing', 'gas'],
  ['车辆未按期检验', '两辆货车超过检验有效期仍在营运', 'thing', 'vehicle'],
  ['驾驶员连续驾驶超时', '动态监控显示驾驶员连续驾驶超过4小时', 'behaviour', 'vehicle'],
  ['电梯维保记录缺失', '在保电梯近两个月无维护保养记录', 'management', 'equipment'],
  ['安全阀未定期校验', '储气罐安全阀超过校验有效期', 'thing', 'equipment'],
  ['起重机械限位失效', '一台汽车吊高度限位器失灵', 'thing', 'equipment'],
  ['农机操作人员无证驾驶', '一名拖拉机驾驶人未取得驾驶证', 'behaviour', 'farm'],
  ['农药仓库未上锁', '农药存放间无专人管理、未上锁', 'management', 'farm'],
  ['箱变围栏破损', '光伏区箱式变压器围栏破损，警示标识缺失', 'thing', 'power'],
  ['烟花爆竹超量存放', '零售点存放量超过许可限量', 'thing', 'fireworks'],
  ['零售点内使用明火', '零售点内使用电暖器取暖', 'behaviour', 'fireworks'],
];

/** The kinds of place an enterprise is, from its domains and venue type (a hotel and a restaurant have a kitchen). */
function placesOf(e: { domains: string[]; industryCode: string | null; smallVenueType: string | null }): Set<Place> {
  const places = new Set<Place>(['any']);
  const has = (...ds: string[]) => ds.some((d) => e.domains.includes(d));
  if (has('industryTrade', 'machinery', 'metallurgy', 'nonferrous', 'buildingMaterials', 'lightIndustry', 'textile')) places.add('factory');
  if (has('hazardousChemicals')) places.add('chemical');
  if (e.industryCode === '26') places.add('factory');
  if (has('construction')) places.add('site');
  if (has('cityGas')) places.add('gas');
  if (has('transport')) places.add('vehicle');
  if (has('specialEquipment')) places.add('equipment');
  if (has('agriculture')) places.add('farm');
  if (has('power')) places.add('power');
  if (has('fireworks')) places.add('fireworks');
  if (e.smallVenueType === 'restaurant' || e.industryCode === '61' || e.industryCode === '62' || has('eldercare', 'education'))
    places.add('kitchen');
  return places;
}

const channels: HazardChannel[] = [
  'selfCheck',
  'selfCheck',
  'selfCheck',
  'inspection',
  'inspection',
  'inspection',
  'enforcement',
  'expert',
  'publicReport',
  'iot',
];

const setByDomain: Record<string, string> = {
  hazardousChemicals: 'huagong-2017',
  fireworks: 'yanhua-2017',
  construction: 'fangwu-shizheng-2024',
  cityGas: 'ranqi-2023',
  machinery: 'gongmao-2023',
  industryTrade: 'gongmao-2023',
  metallurgy: 'gongmao-2023',
  lightIndustry: 'gongmao-2023',
  textile: 'gongmao-2023',
};

interface DemoUsers {
  office: number;
  inspector: number;
  /** The demo unit accounts by their unit: they find hazards in, and act for, the enterprises their unit supervises. */
  unitAccounts: Map<number, number>;
  village: number;
  /** The village the village account covers: it finds hazards only there. */
  villageCode: string;
  enterprise: number;
  boundEnterpriseId: number;
  names: Record<number, string>;
}

/** The path a hazard of this grade walked to reach a status: [action, to] in order. */
function pathTo(grade: 'general' | 'major', status: HazardStatus): Array<[string, HazardStatus]> {
  const general: Array<[string, HazardStatus]> = [
    ['rectify', 'rectified'],
    ['accept', 'closed'],
  ];
  // 16号令 第十八条: the demo plans stop production in part, so evaluation is followed by an application to resume.
  const major: Array<[string, HazardStatus]> = [
    ['confirm', 'confirmed'],
    ['submitPlan', 'planSubmitted'],
    ['approvePlan', 'rectifying'],
    ['rectify', 'evaluating'],
    ['evaluate', 'evaluated'],
    ['applyResume', 'reviewing'],
    ['review', 'closed'],
  ];
  const steps = grade === 'general' ? general : major;
  if (status === 'dismissed') return [['dismiss', 'dismissed']];
  const start: HazardStatus = grade === 'general' ? 'rectifying' : 'found';
  if (status === start) return [];
  const end = steps.findIndex(([, to]) => to === status);
  return steps.slice(0, end + 1);
}

/**
 * A year of hazards for the demo township: every channel, both grades, every state, some overdue (the sweep then
 * writes their reminders and escalations). Deterministic, so every machine shows the same township.
 */
export async function seedDemoHazards(ex: Executor, now: Date, users: DemoUsers): Promise<number> {
  const rand = prng(20260301);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const today = chinaToday(now);
  const list = await ex
    .select({
      id: enterprises.id,
      name: enterprises.name,
      principal: enterprises.principal,
      regionCode: enterprises.regionCode,
      industryCode: enterprises.industryCode,
      domains: enterprises.domains,
      flags: enterprises.flags,
      smallVenueType: enterprises.smallVenueType,
      supervisingUnitId: enterprises.supervisingUnitId,
    })
    .from(enterprises)
    .orderBy(enterprises.id);
  // A major finding cites an item that fits the enterprise: its sector (工贸 opened to its sectors) and, for the special
  // items (粉尘防爆, 有限空间, 液氨制冷 …), a flag it carries.
  const itemsOf = (setId: string, e: { domains: string[]; flags: string[] }) => {
    const domains = expandDomains(e.domains);
    const flags = expandFlags(e.domains, e.flags);
    return (
      shippedCriteriaSets
        .find((s) => s.id === setId)
        ?.items.filter(
          (i) =>
            i.confidence === 'V' &&
            i.kind === undefined &&
            (i.domains.length === 0 || i.domains.some((d) => domains.has(d))) &&
            (i.flags.length === 0 || i.flags.some((f) => flags.has(f))),
        ) ?? []
    );
  };
  const majorSteps: HazardStatus[] = ['found', 'confirmed', 'planSubmitted', 'rectifying', 'evaluating', 'evaluated', 'reviewing'];
  let openMajors = 0;
  const unitEnterprises = list.filter((x) => x.supervisingUnitId && users.unitAccounts.has(x.supervisingUnitId));
  const ofUnit = [...users.unitAccounts.keys()].map((unitId) => list.filter((x) => x.supervisingUnitId === unitId));
  let count = 0;
  for (let i = 0; i < 320; i++) {
    // Every ninth finding is at the enterprise of the enterprise account; every tenth is a unit account's own
    // inspection of an enterprise its unit supervises (each unit account has findings of its own to follow).
    const byUnit = i % 10 === 5 ? pick(ofUnit[((i / 10) % ofUnit.length) | 0] ?? unitEnterprises) : undefined;
    const e = i % 9 === 0 ? (list.find((x) => x.id === users.boundEnterpriseId) ?? pick(list)) : (byUnit ?? pick(list));
    const setId = e.domains.map((d) => setByDomain[d]).find(Boolean);
    const fitting = setId ? itemsOf(setId, e) : [];
    const major = fitting.length > 0 && rand() < 0.2;
    const age = Math.floor(rand() * 360) + 1;
    const foundOn = addDays(today, -age);
    const channel = byUnit ? 'inspection' : pick(channels);
    const deadline = addDays(foundOn, major ? 60 + Math.floor(rand() * 60) : 7 + Math.floor(rand() * 24));
    // Older findings are mostly closed; recent ones still in progress; a few dismissed or overdue.
    const r = rand();
    let status: HazardStatus;
    if (r < 0.03) status = 'dismissed';
    else if (age > 60 && r < 0.9) status = 'closed';
    else if (major) {
      // Open major hazards take every step in turn, so the demo shows each (16号令 第十八条 ones included).
      const open = pick(['found', 'rectifying', 'closed'] as const) !== 'closed';
      status = open ? (majorSteps[openMajors++ % majorSteps.length] as HazardStatus) : 'closed';
    } else status = pick(['rectifying', 'rectifying', 'rectified', 'closed', 'closed'] as const);
    // The title, description and cited clause of a major finding come from the one item it matches.
    const item = major ? pick(fitting) : undefined;
    const places = placesOf(e);
    const [title, description, category] = item
      ? [item.summary.slice(0, 40), `现场检查发现：${item.summary}`, 'thing' as const]
      : pick(generalFindings.filter(([, , , place]) => places.has(place)));
    const criteriaCodes = item ? [item.code] : [];
    const selfCheck = channel === 'selfCheck';
    const unitAccount = e.supervisingUnitId ? users.unitAccounts.get(e.supervisingUnitId) : undefined;
    const finder = selfCheck
      ? e.id === users.boundEnterpriseId
        ? users.enterprise
        : users.office
      : byUnit && unitAccount
        ? unitAccount
        : channel === 'inspection'
          ? pick([
              users.inspector,
              unitAccount ?? users.inspector,
              e.regionCode.startsWith(users.villageCode) ? users.village : users.inspector,
            ])
          : users.inspector;
    const finderUnitId = [...users.unitAccounts].find(([, account]) => account === finder)?.[0] ?? null;
    // 认定 and 销号 of a major hazard are the supervising unit's (its demo account, or the office for it).
    const regulator = unitAccount ?? users.office;
    const steps = pathTo(major ? 'major' : 'general', status);
    const closedOn =
      status === 'closed' || status === 'dismissed'
        ? addDays(foundOn, Math.min(age - 1, major ? 50 + Math.floor(rand() * 40) : 3 + Math.floor(rand() * 20)))
        : null;
    const [{ id }] = (await ex.execute(sql`SELECT nextval(pg_get_serial_sequence('hazards', 'id'))::int AS id`)).rows as { id: number }[];
    const at = new Date(`${foundOn}T02:00:00Z`);
    await ex.insert(hazards).values({
      id,
      code: hazardCode(id, foundOn),
      enterpriseId: e.id,
      regionCode: e.regionCode,
      industryCode: e.industryCode,
      domains: e.domains,
      supervisingUnitId: e.supervisingUnitId,
      channel,
      grade: major ? 'major' : 'general',
      category,
      status,
      title,
      description,
      location: pick(['生产车间', '仓库', '配电房', '办公楼', '厂区道路', '食堂', null]),
      criteriaCodes: status === 'found' ? [] : criteriaCodes,
      ...(major ? { cause: '安全投入不足，隐患排查不到位', harm: '可能导致群死群伤事故', difficulty: '需局部停产停业治理' } : {}),
      foundOn,
      foundBy: finder,
      finderUnitId,
      // Before the plan sets 治理时限, a major hazard is due for 认定 and its plan by the default days.
      deadline:
        major && (status === 'found' || status === 'confirmed') ? defaultMajorDeadline(foundOn, hazardTimeSettings.defaults) : deadline,
      closedOn,
      supervisionLevel: major && status !== 'found' && rand() < 0.5 ? pick(['township', 'county'] as const) : null,
      checkerId: closedOn ? finder : null,
      accepterId: status === 'closed' ? (major ? regulator : finder) : null,
      plan:
        major && !['found', 'confirmed', 'dismissed'].includes(status)
          ? { contents: demoMajorPlanContents(title, deadline), interimMeasures: '限量生产，专人值守', stoppage: 'partial', deadline }
          : null,
      ...(major ? resumeRecords(status, e.principal ?? '企业负责人', foundOn, closedOn) : {}),
      pendingExtension:
        status === 'rectifying' && rand() < 0.08
          ? { deadline: addDays(deadline, 30), reason: '设备采购周期长', requestedBy: e.principal ?? '企业' }
          : null,
      createdAt: at,
      updatedAt: at,
    });
    const actorName = (uid: number) => (uid === users.office && selfCheck ? `${e.principal ?? '企业负责人'}（代录）` : '');
    const names = users.names;
    const events: (typeof hazardEvents.$inferInsert)[] = [
      {
        hazardId: id,
        action: 'create',
        fromStatus: null,
        toStatus: major ? 'found' : 'rectifying',
        actorId: finder,
        actorName: actorName(finder) || (names[finder] ?? '系统'),
        at,
        note: description,
        data: { channel },
      },
    ];
    let from: HazardStatus = major ? 'found' : 'rectifying';
    steps.forEach(([action, to], n) => {
      const byEnterprise = ['rectify', 'submitPlan', 'evaluate', 'applyResume'].includes(action);
      const actor = byEnterprise ? (e.id === users.boundEnterpriseId ? users.enterprise : users.office) : major ? regulator : finder;
      const when = closedOn
        ? new Date(`${addDays(foundOn, Math.max(1, Math.round(((n + 1) * daysBetweenSafe(foundOn, closedOn)) / steps.length)))}T03:00:00Z`)
        : new Date(at.getTime() + (n + 1) * 86_400_000);
      events.push({
        hazardId: id,
        action,
        fromStatus: from,
        toStatus: to,
        actorId: actor,
        actorName: names[actor] ?? '系统',
        at: when,
        note: action === 'dismiss' ? '经核实不构成隐患' : null,
        data: {},
      });
      from = to;
    });
    await ex.insert(hazardEvents).values(events);
    count++;
  }
  return count;
}

/** The evaluation, application and review a major hazard in this status has behind it (16号令 第十八条). */
function resumeRecords(status: HazardStatus, principal: string, foundOn: string, closedOn: string | null) {
  const at = new Date(`${addDays(foundOn, 40)}T03:00:00Z`).toISOString();
  const passedEvaluation = ['evaluated', 'reviewing', 'closed'].includes(status);
  const applied = ['reviewing', 'closed'].includes(status);
  return {
    evaluation: passedEvaluation
      ? {
          evaluator: 'institution' as const,
          institution: '示例安全评价有限公司',
          reportFiles: [],
          verdict: 'passed' as const,
          conclusion: '治理措施已落实，符合安全生产条件',
          by: principal,
          at,
        }
      : null,
    resumeApplication: applied
      ? { applicant: principal, content: '重大事故隐患已治理完毕并经评估合格，申请恢复停产区域生产', files: [], by: principal, at }
      : null,
    review:
      status === 'closed'
        ? {
            verdict: 'passed' as const,
            reviewedOn: closedOn ?? foundOn,
            opinion: '经现场审查，治理到位，同意销号、恢复生产',
            reviewer: '监管单位',
            at,
          }
        : null,
  };
}

function daysBetweenSafe(a: string, b: string): number {
  return Math.max(1, Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000));
}
