import type { SupervisionDomain } from '../org/org.dict.ts';

export const enterpriseStatuses = ['operating', 'suspended', 'rectifying', 'closed'] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];
export const enterpriseStatusLabels: Record<EnterpriseStatus, string> = {
  operating: '在营',
  suspended: '停产',
  rectifying: '停业整顿',
  closed: '关闭取缔',
};
/** Closed down (关闭取缔): no longer supervised as a going concern — no insurance duty, no 举一反三 checks. */
export const ceasedEnterpriseStatuses: EnterpriseStatus[] = ['closed'];

export const enterpriseScales = ['aboveSize', 'belowSize'] as const;
export type EnterpriseScale = (typeof enterpriseScales)[number];
export const enterpriseScaleLabels: Record<EnterpriseScale, string> = { aboveSize: '规上', belowSize: '规下' };

/** 红橙黄蓝: 重大/较大/一般/低 risk (glossary `riskLevel`). */
export const riskLevels = ['major', 'high', 'medium', 'low'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelLabels: Record<RiskLevel, string> = { major: '重大风险', high: '较大风险', medium: '一般风险', low: '低风险' };
export const riskLevelColours: Record<RiskLevel, { name: string; hex: string }> = {
  major: { name: '红', hex: '#d4380d' },
  high: { name: '橙', hex: '#fa8c16' },
  medium: { name: '黄', hex: '#fadb14' },
  low: { name: '蓝', hex: '#1677ff' },
};

/** 安全生产标准化 levels (应急〔2021〕83号, [U] in regulations.md §8.1 — labels only, no scoring encoded). */
export const standardisationLevels = ['level1', 'level2', 'level3', 'small'] as const;
export type StandardisationLevel = (typeof standardisationLevels)[number];
export const standardisationLevelLabels: Record<StandardisationLevel, string> = {
  level1: '一级',
  level2: '二级',
  level3: '三级',
  small: '小微企业',
};

/** 四涉一有限一使用 and other supervision flags. */
export const enterpriseFlags = [
  ['dustExplosion', '涉爆粉尘'],
  ['ammoniaRefrigeration', '涉氨制冷'],
  ['moltenMetal', '涉高温熔融金属'],
  ['metallurgicalGas', '涉冶金煤气'],
  ['confinedSpace', '有限空间作业'],
  ['hazardousChemicalUse', '危险化学品使用'],
  ['majorHazardSource', '重大危险源'],
  ['fireKeyUnit', '消防安全重点单位'],
  ['crowdedPlace', '人员密集场所'],
  ['highRisk', '高危行业'],
] as const;
export type EnterpriseFlag = (typeof enterpriseFlags)[number][0];
export const enterpriseFlagCodes = enterpriseFlags.map(([c]) => c) as EnterpriseFlag[];
export const enterpriseFlagLabels = Object.fromEntries(enterpriseFlags) as Record<EnterpriseFlag, string>;

/** 九小场所 types (regulations.md §12 [P]; local rules vary, so this list is the common naming). */
export const smallVenueTypes = [
  ['school', '小学校或幼儿园'],
  ['clinic', '小医院'],
  ['shop', '小商店'],
  ['restaurant', '小餐饮'],
  ['hotel', '小旅馆'],
  ['entertainment', '小歌舞娱乐'],
  ['internetCafe', '小网吧'],
  ['beauty', '小美容洗浴'],
  ['workshop', '小生产加工企业'],
] as const;
export type SmallVenueType = (typeof smallVenueTypes)[number][0];
export const smallVenueTypeCodes = smallVenueTypes.map(([c]) => c) as SmallVenueType[];
export const smallVenueTypeLabels = Object.fromEntries(smallVenueTypes) as Record<SmallVenueType, string>;

/**
 * Domains whose enterprises must hold 安全生产责任保险: 应急〔2025〕27号 第二条 ([P], regulations.md §8.2) —
 * 矿山、危险化学品、烟花爆竹、交通运输、建筑施工、民用爆炸物品、金属冶炼、渔业生产. 金属冶炼 maps to our 冶金 and 有色 tags.
 */
export const insuranceRequiredDomains: SupervisionDomain[] = [
  'mining',
  'hazardousChemicals',
  'fireworks',
  'transport',
  'construction',
  'metallurgy',
  'nonferrous',
  'fishery',
];
