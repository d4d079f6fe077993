import { creditCodeCheckChar, deriveSupervisingUnit, enterpriseNameKey, regionPrefix, requiresInsurance } from '@anzhi/core';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { enterpriseRepo } from '../modules/enterprises/enterprise.repo.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';
import { nameInitials, newPublicCode } from '../modules/enterprises/enterprise.values.ts';
import { withDerived } from '../modules/enterprises/enterprise-derived.ts';
import type { UnitRow } from '../modules/units/unit.repo.ts';

/** A small deterministic PRNG, so the demo township is the same on every machine. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Kind {
  suffix: string[];
  count: number;
  industry: string;
  domains: string[];
  flags?: string[][];
  smallVenue?: string;
  employees: [number, number];
  /**
   * The supervising unit by short name, where the township assigns it rather than the first unit listing the domain
   * (two units share 交通运输 and 危险化学品): every demo unit supervises enterprises of its own domains.
   */
  unit?: string;
}

// About 200 businesses and venues of a manufacturing township, in the proportions such townships report.
const kinds: Kind[] = [
  {
    suffix: ['化工有限公司', '精细化工有限公司'],
    count: 8,
    industry: '26',
    domains: ['hazardousChemicals'],
    flags: [['hazardousChemicalUse', 'majorHazardSource'], ['hazardousChemicalUse']],
    employees: [30, 300],
  },
  {
    suffix: ['危险化学品经营部', '油品销售有限公司'],
    count: 5,
    industry: '51',
    domains: ['hazardousChemicals'],
    flags: [['hazardousChemicalUse']],
    employees: [3, 20],
    unit: '综合执法大队',
  },
  { suffix: ['烟花爆竹零售点'], count: 4, industry: '52', domains: ['fireworks'], employees: [1, 4] },
  {
    suffix: ['机械制造有限公司', '五金制品厂', '精密机械厂'],
    count: 30,
    industry: '34',
    domains: ['industryTrade', 'machinery'],
    flags: [['confinedSpace'], ['dustExplosion'], []],
    employees: [10, 200],
  },
  {
    suffix: ['铝业有限公司', '铸造厂'],
    count: 8,
    industry: '32',
    domains: ['industryTrade', 'nonferrous'],
    flags: [['moltenMetal', 'dustExplosion'], ['moltenMetal']],
    employees: [20, 150],
  },
  {
    suffix: ['家具有限公司', '木业加工厂'],
    count: 12,
    industry: '21',
    domains: ['industryTrade', 'lightIndustry'],
    flags: [['dustExplosion'], []],
    employees: [10, 80],
  },
  {
    suffix: ['纺织有限公司', '服装厂'],
    count: 12,
    industry: '17',
    domains: ['industryTrade', 'textile'],
    flags: [[]],
    employees: [20, 300],
  },
  {
    suffix: ['冷链食品有限公司', '冷冻厂'],
    count: 4,
    industry: '13',
    domains: ['industryTrade', 'lightIndustry'],
    flags: [['ammoniaRefrigeration', 'confinedSpace']],
    employees: [15, 60],
  },
  {
    suffix: ['建材有限公司', '混凝土有限公司'],
    count: 6,
    industry: '30',
    domains: ['industryTrade', 'buildingMaterials'],
    flags: [['confinedSpace']],
    employees: [15, 90],
  },
  { suffix: ['建设工程项目部'], count: 8, industry: '47', domains: ['construction'], employees: [20, 200] },
  {
    suffix: ['液化气供应站', '燃气有限公司'],
    count: 3,
    industry: '45',
    domains: ['cityGas'],
    flags: [['hazardousChemicalUse']],
    employees: [3, 30],
  },
  { suffix: ['物流有限公司'], count: 4, industry: '54', domains: ['transport'], employees: [5, 80] },
  { suffix: ['客运有限公司', '运输有限公司'], count: 4, industry: '54', domains: ['transport'], employees: [5, 80], unit: '交通' },
  {
    suffix: ['大酒店', '宾馆'],
    count: 5,
    industry: '61',
    domains: ['publicVenue', 'fire'],
    flags: [['crowdedPlace', 'fireKeyUnit'], ['crowdedPlace']],
    employees: [10, 60],
  },
  {
    suffix: ['购物中心', '超市'],
    count: 6,
    industry: '52',
    domains: ['commerce', 'publicVenue'],
    flags: [['crowdedPlace', 'fireKeyUnit'], ['crowdedPlace']],
    employees: [10, 80],
  },
  {
    suffix: ['中心幼儿园', '小学'],
    count: 4,
    industry: '83',
    domains: ['education', 'fire'],
    flags: [['crowdedPlace']],
    employees: [15, 60],
  },
  {
    suffix: ['养老院', '颐养中心'],
    count: 3,
    industry: '85',
    domains: ['eldercare', 'fire'],
    flags: [['crowdedPlace', 'fireKeyUnit']],
    employees: [8, 30],
  },
  { suffix: ['卫生院', '诊所'], count: 4, industry: '84', domains: ['health', 'fire'], flags: [['crowdedPlace']], employees: [3, 40] },
  {
    suffix: ['小吃店', '饭店', '面馆'],
    count: 22,
    industry: '62',
    domains: ['smallVenue', 'fire'],
    smallVenue: 'restaurant',
    employees: [1, 10],
  },
  {
    suffix: ['便利店', '五金店', '小超市'],
    count: 18,
    industry: '52',
    domains: ['smallVenue', 'fire'],
    smallVenue: 'shop',
    employees: [1, 5],
  },
  {
    suffix: ['旅馆', '民宿'],
    count: 8,
    industry: '61',
    domains: ['smallVenue', 'fire', 'tourism'],
    smallVenue: 'hotel',
    employees: [1, 6],
  },
  { suffix: ['美容美发店', '足浴店'], count: 6, industry: '80', domains: ['smallVenue', 'fire'], smallVenue: 'beauty', employees: [2, 10] },
  { suffix: ['网吧'], count: 2, industry: '64', domains: ['smallVenue', 'fire'], smallVenue: 'internetCafe', employees: [2, 6] },
  {
    suffix: ['加工作坊', '小五金加工点'],
    count: 10,
    industry: '33',
    domains: ['smallVenue', 'industryTrade'],
    smallVenue: 'workshop',
    employees: [2, 15],
  },
  // The 市场监管所, 经发办, 农业农村办 and 供电所 supervise these.
  {
    suffix: ['电梯安装维修有限公司', '锅炉压力容器检修有限公司'],
    count: 3,
    industry: '43',
    domains: ['specialEquipment'],
    employees: [5, 40],
  },
  { suffix: ['起重设备租赁有限公司'], count: 2, industry: '71', domains: ['specialEquipment'], employees: [3, 20] },
  {
    suffix: ['乡村旅游景区', '农家乐度假村'],
    count: 3,
    industry: '78',
    domains: ['tourism', 'publicVenue'],
    flags: [['crowdedPlace']],
    employees: [5, 40],
  },
  { suffix: ['家庭农场', '农机专业合作社'], count: 3, industry: '05', domains: ['agriculture'], employees: [2, 15] },
  { suffix: ['光伏发电有限公司'], count: 2, industry: '44', domains: ['power'], employees: [3, 15] },
];

const prefixes = [
  '恒泰',
  '华鑫',
  '永兴',
  '金达',
  '瑞丰',
  '宏远',
  '德利',
  '新华',
  '东方',
  '鸿运',
  '兴旺',
  '明珠',
  '天成',
  '嘉禾',
  '立信',
  '万通',
  '和顺',
  '鑫源',
  '腾飞',
  '安康',
  '四海',
  '长青',
  '利民',
  '盛世',
  '富强',
];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何'];
const given = ['建国', '志强', '秀英', '丽华', '海涛', '国平', '晓东', '玉兰', '卫东', '春梅', '文斌', '红梅', '永刚', '立新', '桂芳'];
const leaders = ['陈镇长', '刘副镇长', '周副书记', '吴副镇长'];
const insurers = ['中国人民财产保险', '中国平安财产保险', '中国太平洋财产保险'];

export const demoLandlordName = '示例镇恒泰工业园管理有限公司';
export const demoEnterpriseName = '示例镇华鑫机械制造有限公司';

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Inserts the demo township's enterprises; returns how many, and the one the enterprise demo account is bound to. */
export async function seedDemoEnterprises(
  ex: Executor,
  opts: { villages: string[]; units: UnitRow[]; now: Date; officeUserId: number },
): Promise<{ boundId: number; count: number }> {
  const rand = prng(20260101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const person = () => pick(surnames) + pick(given);
  const phone = () => `13${Math.floor(rand() * 10)}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
  const year = opts.now.getUTCFullYear();
  const mapping = opts.units.map((u) => ({ ...u, regionDepth: regionPrefix(u.regionCode).length }));
  const rows: Array<typeof enterprises.$inferInsert> = [];
  const used = new Set<string>();
  let serial = 0;
  const add = (name: string, k: Kind, overrides: Partial<typeof enterprises.$inferInsert> = {}) => {
    serial++;
    const first17 = `9133990${String(100000 + serial * 7919).slice(-6)}MA${String(serial).padStart(2, '0')}`.slice(0, 17);
    const small = Boolean(k.smallVenue);
    const flags = k.flags ? pick(k.flags) : [];
    // High-risk as the rules define it: domains that must carry 安责险 (gas suppliers count too in the demo).
    const highRisk = requiresInsurance(k.domains) || k.domains.includes('cityGas');
    const missingInsurance = highRisk && rand() < 0.2;
    const principal = person();
    rows.push({
      name,
      nameKey: enterpriseNameKey(name),
      nameInitials: nameInitials(name),
      // Small venues are often 个体工商户 without a credit code in the ledger.
      creditCode: small && rand() < 0.4 ? null : first17 + creditCodeCheckChar(first17),
      address: `${pick(['工业路', '兴业街', '镇中路', '滨河路', '创业大道'])}${Math.floor(rand() * 300) + 1}号`,
      regionCode: pick(opts.villages),
      status: rand() < 0.93 ? 'operating' : pick(['suspended', 'rectifying', 'closed']),
      scale: small ? 'belowSize' : rand() < 0.35 ? 'aboveSize' : 'belowSize',
      employees: Math.floor(k.employees[0] + rand() * (k.employees[1] - k.employees[0])),
      legalRepresentative: principal,
      principal,
      principalPhone: phone(),
      actualController: rand() < 0.8 ? principal : person(),
      safetyManager: small ? null : person(),
      safetyManagerPhone: small ? null : phone(),
      industryCode: k.industry,
      domains: k.domains,
      flags: highRisk && rand() < 0.3 ? [...flags, 'highRisk'] : flags,
      smallVenueType: k.smallVenue ?? null,
      supervisingUnitId: (k.unit && mapping.find((u) => u.shortName === k.unit)?.id) || deriveSupervisingUnit(k.domains, mapping),
      townshipLeader: rand() < 0.92 ? pick(leaders) : null,
      townshipLeaderPhone: phone(),
      unitSupervisor: rand() < 0.9 ? person() : null,
      unitSupervisorPhone: phone(),
      fiveToOne: flags.includes('fireKeyUnit')
        ? { regulator: person(), township: pick(leaders), village: person(), fire: person(), professional: person() }
        : null,
      standardisationLevel: small ? null : rand() < 0.5 ? pick(['level2', 'level3', 'level3', 'small'] as const) : null,
      standardisationExpiry: small ? null : isoDate(year + Math.floor(rand() * 3) - 1, 1 + Math.floor(rand() * 12), 28),
      insurer: highRisk && !missingInsurance ? pick(insurers) : null,
      insurancePolicyNo: highRisk && !missingInsurance ? `AZX${year}${String(serial).padStart(6, '0')}` : null,
      insuranceExpiry: highRisk && !missingInsurance ? isoDate(year + (rand() < 0.85 ? 1 : 0), 1 + Math.floor(rand() * 12), 15) : null,
      riskLevel: highRisk ? pick(['major', 'high', 'high', 'medium'] as const) : small ? 'low' : pick(['medium', 'low', 'low'] as const),
      riskLevelReason: highRisk ? '高危行业，涉及重点监管工艺或场所' : '一般生产经营单位',
      riskLevelSetBy: opts.officeUserId,
      riskLevelSetAt: opts.now,
      publicCode: newPublicCode(),
      createdAt: opts.now,
      updatedAt: opts.now,
      ...overrides,
    });
  };
  for (const k of kinds) {
    for (let i = 0; i < k.count; i++) {
      let name = '';
      do name = `示例镇${pick(prefixes)}${pick(k.suffix)}`;
      while (used.has(name));
      used.add(name);
      add(name, k);
    }
  }
  const factory = kinds[3] as Kind;
  used.add(demoLandlordName);
  add(demoLandlordName, { ...factory, domains: ['industryTrade'], flags: [[]] }, { regionCode: '339901100400' });
  if (!used.has(demoEnterpriseName))
    add(demoEnterpriseName, factory, { regionCode: '339901100201', flags: ['confinedSpace', 'dustExplosion'] });
  const inserted = await ex
    .insert(enterprises)
    .values(rows.map(withDerived))
    .returning({ id: enterprises.id, name: enterprises.name, regionCode: enterprises.regionCode });
  // 厂中厂: four small workshops rent space in the industrial park.
  const landlord = inserted.find((r) => r.name === demoLandlordName);
  const tenants = inserted.filter((r) => r.name.endsWith('加工作坊') || r.name.endsWith('小五金加工点')).slice(0, 4);
  if (landlord && tenants.length) {
    await ex
      .update(enterprises)
      .set({ landlordId: landlord.id, regionCode: '339901100400' })
      .where(
        inArray(
          enterprises.id,
          tenants.map((t) => t.id),
        ),
      );
  }
  const bound = inserted.find((r) => r.name === demoEnterpriseName);
  if (!bound) throw new Error('demo enterprise missing');
  await ex.update(enterprises).set({ principal: '周安全', principalPhone: '13800001234' }).where(eq(enterprises.id, bound.id));
  await enterpriseRepo.syncDerivedById(ex, [bound.id, ...tenants.map((t) => t.id)]);
  return { boundId: bound.id, count: inserted.length };
}
