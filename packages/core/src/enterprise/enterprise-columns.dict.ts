import { supervisionDomains } from '../org/org.dict.ts';
import type { EnterpriseInput } from './enterprise.contract.ts';
import {
  enterpriseFlags,
  enterpriseScaleLabels,
  enterpriseStatusLabels,
  riskLevelLabels,
  smallVenueTypes,
  standardisationLevelLabels,
} from './enterprise.dict.ts';
import { industryDivisions } from './industry.dict.ts';

/**
 * The columns of the enterprise spreadsheet: the export writes `header`, the import also reads the synonyms
 * townships use in their own ledgers. Names are resolved by the server: region (所属村), landlord (出租方) and
 * supervising unit (监管单位).
 */
export type ColumnKind = 'text' | 'phone' | 'creditCode' | 'date' | 'int' | 'number' | 'enum' | 'list' | 'industry' | 'bool';
export type RefField = 'region' | 'landlord' | 'supervisingUnit';
export type ColumnField = Exclude<keyof EnterpriseInput, 'regionCode' | 'landlordId' | 'supervisingUnitId' | 'fiveToOne'> | RefField;

export interface EnterpriseColumn {
  field: ColumnField;
  header: string;
  synonyms: readonly string[];
  kind: ColumnKind;
  /** For enum and list columns: code → accepted labels, the first one is what the export writes. */
  labels?: Readonly<Record<string, readonly string[]>>;
  width: number;
}

const labelsOf = (entries: ReadonlyArray<readonly [string, string]>, extra: Record<string, string[]> = {}) =>
  Object.fromEntries(entries.map(([code, label]) => [code, [label, ...(extra[code] ?? [])]]));

export const statusLabelsIn: Record<string, string[]> = labelsOf(Object.entries(enterpriseStatusLabels), {
  operating: ['营业', '正常', '存续', '在业', '开业', '生产'],
  suspended: ['停产停业', '停业'],
  rectifying: ['整顿', '停产整顿'],
  closed: ['关闭', '取缔', '注销', '吊销'],
});
export const scaleLabelsIn: Record<string, string[]> = labelsOf(Object.entries(enterpriseScaleLabels), {
  aboveSize: ['规模以上', '规模以上企业', '规上企业'],
  belowSize: ['规模以下', '规模以下企业', '规下企业'],
});
export const riskLabelsIn: Record<string, string[]> = labelsOf(Object.entries(riskLevelLabels), {
  major: ['重大', '红', '红色', '红色风险'],
  high: ['较大', '橙', '橙色', '橙色风险'],
  medium: ['一般', '黄', '黄色', '黄色风险'],
  low: ['低', '蓝', '蓝色', '蓝色风险', '较低'],
});
export const standardisationLabelsIn: Record<string, string[]> = labelsOf(Object.entries(standardisationLevelLabels), {
  level1: ['一级企业', '1级'],
  level2: ['二级企业', '2级'],
  level3: ['三级企业', '3级'],
  small: ['小微'],
});
export const smallVenueLabelsIn: Record<string, string[]> = labelsOf(smallVenueTypes, {
  school: ['小学校', '幼儿园', '学校'],
  clinic: ['诊所', '医院'],
  shop: ['商店', '小超市', '超市'],
  restaurant: ['餐饮', '饭店', '餐馆'],
  hotel: ['旅馆', '宾馆', '民宿'],
  entertainment: ['歌舞娱乐', 'KTV'],
  internetCafe: ['网吧'],
  beauty: ['美容洗浴', '美容美发', '洗浴'],
  workshop: ['小生产加工', '生产加工', '小作坊', '小加工'],
});
export const domainLabelsIn: Record<string, string[]> = labelsOf(supervisionDomains, {
  hazardousChemicals: ['危化品', '危化'],
  industryTrade: ['工贸行业'],
  construction: ['建筑', '建筑业'],
  cityGas: ['燃气'],
  transport: ['交通'],
  fire: ['消防安全'],
  health: ['医疗', '卫生'],
  publicVenue: ['人员密集'],
});
export const flagLabelsIn: Record<string, string[]> = labelsOf(enterpriseFlags, {
  dustExplosion: ['粉尘涉爆', '涉爆'],
  ammoniaRefrigeration: ['氨制冷'],
  moltenMetal: ['高温熔融金属', '涉熔融金属'],
  metallurgicalGas: ['冶金煤气', '涉煤气'],
  confinedSpace: ['有限空间'],
  hazardousChemicalUse: ['危化品使用', '使用危险化学品'],
  fireKeyUnit: ['消防重点单位'],
  crowdedPlace: ['人员密集'],
  highRisk: ['高危'],
});

const col = (
  field: ColumnField,
  header: string,
  kind: ColumnKind,
  synonyms: string[] = [],
  width = 14,
  labels?: Record<string, string[]>,
): EnterpriseColumn => ({ field, header, kind, synonyms, width, labels });

const phone = (field: ColumnField, header: string, synonyms: string[] = []) => col(field, header, 'phone', synonyms, 16);

export const enterpriseColumns: readonly EnterpriseColumn[] = [
  col('name', '企业名称', 'text', ['单位名称', '名称', '生产经营单位名称', '企业（单位）名称', '公司名称', '场所名称', '企业全称'], 32),
  col('creditCode', '统一社会信用代码', 'creditCode', ['信用代码', '社会信用代码', '组织机构代码', '统一信用代码', '统一代码'], 22),
  col(
    'region',
    '所属村（社区）',
    'text',
    ['所属村', '村（社区）', '所在村', '所属区划', '所在村（社区）', '所属社区', '村社区', '所属村居', '村居'],
    14,
  ),
  col('address', '地址', 'text', ['经营地址', '注册地址', '详细地址', '生产经营地址', '企业地址', '住所', '经营场所'], 30),
  col('status', '经营状态', 'enum', ['状态', '企业状态', '生产经营状态'], 10, statusLabelsIn),
  col('scale', '规模', 'enum', ['企业规模', '规模类型'], 8, scaleLabelsIn),
  col('employees', '从业人数', 'int', ['员工人数', '职工人数', '从业人员数', '从业人员', '人数'], 10),
  col('legalRepresentative', '法定代表人', 'text', ['法人', '法人代表', '法定代表人姓名']),
  phone('legalRepresentativePhone', '法定代表人电话', ['法人电话', '法人代表电话', '法定代表人联系电话']),
  col('principal', '主要负责人', 'text', ['负责人', '企业负责人', '主要负责人姓名']),
  phone('principalPhone', '主要负责人电话', ['负责人电话', '联系电话', '企业负责人电话', '主要负责人联系电话', '电话']),
  col('actualController', '实际控制人', 'text', []),
  phone('actualControllerPhone', '实际控制人电话', ['实际控制人联系电话']),
  col('safetyManager', '安全管理人员', 'text', ['安全员', '安全负责人', '安全管理员', '专职安全员', '安全管理负责人']),
  phone('safetyManagerPhone', '安全管理人员电话', ['安全员电话', '安全负责人电话', '安全管理员电话', '安全管理人员联系电话']),
  col('industryCode', '国民经济行业', 'industry', ['行业', '行业大类', '国民经济行业分类', '行业分类', '行业代码', '所属行业'], 28),
  col('domains', '行业领域', 'list', ['监管行业', '领域', '监管领域', '监管行业领域'], 18, domainLabelsIn),
  col('flags', '重点标签', 'list', ['标签', '四涉一有限一使用', '重点监管标签', '企业标签'], 24, flagLabelsIn),
  col('smallVenueType', '九小场所类型', 'enum', ['九小场所', '九小场所类别'], 14, smallVenueLabelsIn),
  col('landlord', '出租方（厂中厂）', 'text', ['出租方', '所在厂区', '房东企业', '出租单位', '厂中厂出租方'], 24),
  col('supervisingUnit', '监管单位', 'text', ['监管部门', '行业监管部门', '监管责任单位'], 22),
  col('townshipLeader', '行政领导责任人', 'text', ['行政责任人', '领导责任人']),
  phone('townshipLeaderPhone', '行政领导责任人电话', ['行政责任人电话', '领导责任人电话']),
  col('unitSupervisor', '部门监管责任人', 'text', ['监管责任人', '部门责任人']),
  phone('unitSupervisorPhone', '部门监管责任人电话', ['监管责任人电话', '部门责任人电话']),
  col(
    'standardisationLevel',
    '标准化等级',
    'enum',
    ['安全生产标准化等级', '标准化', '标准化级别', '安全标准化等级'],
    12,
    standardisationLabelsIn,
  ),
  col('standardisationExpiry', '标准化有效期', 'date', ['标准化到期日', '标准化有效期至', '标准化证书有效期', '标准化到期'], 13),
  col('insurer', '安责险承保公司', 'text', ['保险公司', '承保公司', '安责险保险公司', '安责险承保单位'], 18),
  col('insurancePolicyNo', '安责险保单号', 'text', ['保单号', '保险单号'], 20),
  col('insuranceExpiry', '安责险到期日', 'date', ['保险到期', '保险到期日', '安责险到期', '安责险有效期', '保险有效期至'], 13),
  col('riskLevel', '风险等级', 'enum', ['风险级别', '安全风险等级', '风险分级'], 10, riskLabelsIn),
  col('riskLevelReason', '风险等级说明', 'text', ['风险评定依据', '评定理由', '风险等级评定依据'], 24),
  col('longitude', '经度', 'number', [], 11),
  col('latitude', '纬度', 'number', [], 11),
];

/** What the export writes for a registry entry; the import reads it back to the same value. */
export type ExportSource = Omit<EnterpriseInput, 'regionCode' | 'fiveToOne'> & {
  regionName: string | null;
  landlordName: string | null;
  supervisingUnitName: string | null;
};

export function columnValue(column: EnterpriseColumn, e: ExportSource): string | number | null {
  switch (column.field) {
    case 'region':
      return e.regionName;
    case 'landlord':
      return e.landlordName;
    case 'supervisingUnit':
      return e.supervisingUnitName;
  }
  const value = e[column.field];
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'enum':
      return column.labels?.[value as string]?.[0] ?? String(value);
    case 'list':
      return (value as string[]).map((code) => column.labels?.[code]?.[0] ?? code).join('、') || null;
    case 'industry': {
      const division = industryDivisions[value as string];
      return division ? `${division.section}${value} ${division.name}` : String(value);
    }
    default:
      return value as string | number;
  }
}
