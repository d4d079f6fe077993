export const roles = ['admin', 'office', 'unit', 'village', 'inspector', 'leader', 'enterprise'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  office: '安委办',
  unit: '成员单位',
  village: '村（社区）网格',
  inspector: '执法检查员',
  leader: '领导',
  enterprise: '企业',
};

/** 负有安全监管职责的部门 / 负有安全管理责任的行业主管部门 / 其他成员单位 (seed 003). */
export const unitKinds = ['regulator', 'industryManager', 'other'] as const;
export type UnitKind = (typeof unitKinds)[number];
export const unitKindLabels: Record<UnitKind, string> = {
  regulator: '负有安全监管职责的部门',
  industryManager: '行业主管部门',
  other: '其他成员单位',
};

/**
 * Supervision domains (行业领域) the seed plans name; 三管三必须 routes work to the unit that supervises each.
 * Codes are stable identifiers; labels are what users see.
 */
export const supervisionDomains = [
  ['hazardousChemicals', '危险化学品'],
  ['fireworks', '烟花爆竹'],
  ['industryTrade', '工贸'],
  ['metallurgy', '冶金'],
  ['nonferrous', '有色'],
  ['buildingMaterials', '建材'],
  ['machinery', '机械'],
  ['lightIndustry', '轻工'],
  ['textile', '纺织'],
  ['tobacco', '烟草'],
  ['commerce', '商贸'],
  ['mining', '矿山'],
  ['construction', '建筑施工'],
  ['cityGas', '城镇燃气'],
  ['transport', '交通运输'],
  ['fire', '消防'],
  ['specialEquipment', '特种设备'],
  ['fishery', '渔业'],
  ['tourism', '旅游'],
  ['education', '教育'],
  ['health', '医疗卫生'],
  ['eldercare', '养老'],
  ['agriculture', '农业机械'],
  ['water', '水利'],
  ['power', '电力'],
  ['publicVenue', '人员密集场所'],
  ['smallVenue', '九小场所'],
] as const;
export type SupervisionDomain = (typeof supervisionDomains)[number][0];
export const supervisionDomainCodes = supervisionDomains.map(([code]) => code) as SupervisionDomain[];
export const supervisionDomainLabels = Object.fromEntries(supervisionDomains) as Record<SupervisionDomain, string>;
