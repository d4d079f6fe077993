import { riskLevelLabels } from '@anzhi/core';
import {
  domainLabel,
  flagLabel,
  industryLabel,
  scaleLabel,
  smallVenueLabel,
  standardisationLabel,
  statusLabel,
} from '../enterprise-labels.ts';
import { fiveToOneLabels } from './enterprise-form-values.ts';

/** Chinese names of the enterprise fields the audit trail keeps, in the order the detail page shows them. */
export const historyFieldLabels: Record<string, string> = {
  name: '企业名称',
  creditCode: '统一社会信用代码',
  address: '生产经营地址',
  regionCode: '所属区划',
  status: '经营状态',
  scale: '规模',
  employees: '从业人数',
  longitude: '经度',
  latitude: '纬度',
  industryCode: '国民经济行业',
  domains: '行业领域',
  flags: '重点标签',
  smallVenueType: '九小场所类型',
  landlordId: '厂中厂出租方',
  legalRepresentative: '法定代表人',
  legalRepresentativePhone: '法定代表人电话',
  principal: '主要负责人',
  principalPhone: '主要负责人电话',
  actualController: '实际控制人',
  actualControllerPhone: '实际控制人电话',
  safetyManager: '安全管理人员',
  safetyManagerPhone: '安全管理人员电话',
  supervisingUnitId: '监管单位',
  supervisingUnitOverridden: '监管单位确定方式',
  townshipLeader: '行政领导责任人',
  townshipLeaderPhone: '行政领导责任人电话',
  unitSupervisor: '部门监管责任人',
  unitSupervisorPhone: '部门监管责任人电话',
  fiveToOne: '五包一',
  standardisationLevel: '标准化等级',
  standardisationExpiry: '标准化有效期至',
  insurer: '安责险承保机构',
  insurancePolicyNo: '安责险保单号',
  insuranceExpiry: '安责险到期日',
  riskLevel: '风险等级',
  riskLevelReason: '风险评定理由',
};

export interface HistoryLookups {
  regionName: (code: string) => string | undefined;
  unitName: (id: number) => string | undefined;
  landlordName: (id: number) => string | undefined;
}

export interface FieldChange {
  key: string;
  label: string;
  before: string;
  after: string;
  /** Nothing to strike through: the field was filled in for the first time. */
  wasEmpty: boolean;
}

const EMPTY = '（空）';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function list(v: unknown, label: (c: string) => string): string {
  return Array.isArray(v) ? v.map((c) => label(String(c))).join('、') : String(v);
}

/** One stored value as a person reads it: labels, not codes. */
export function formatHistoryValue(key: string, v: unknown, lookups: HistoryLookups): string {
  if (isBlank(v)) return EMPTY;
  switch (key) {
    case 'status':
      return statusLabel(String(v));
    case 'scale':
      return scaleLabel(String(v));
    case 'domains':
      return list(v, domainLabel);
    case 'flags':
      return list(v, flagLabel);
    case 'smallVenueType':
      return smallVenueLabel(String(v));
    case 'industryCode':
      return industryLabel(String(v));
    case 'standardisationLevel':
      return standardisationLabel(String(v));
    case 'riskLevel':
      return riskLevelLabels[v as keyof typeof riskLevelLabels] ?? String(v);
    case 'supervisingUnitOverridden':
      return v ? '手工指定' : '按三管三必须自动确定';
    case 'regionCode':
      return lookups.regionName(String(v)) ?? String(v);
    case 'supervisingUnitId':
      return lookups.unitName(Number(v)) ?? `单位编号 ${v}`;
    case 'landlordId':
      return lookups.landlordName(Number(v)) ?? `企业编号 ${v}`;
    case 'fiveToOne': {
      if (!isRecord(v)) return String(v);
      const parts = Object.entries(fiveToOneLabels)
        .filter(([k]) => !isBlank(v[k]))
        .map(([k, label]) => `${label}：${v[k]}`);
      return parts.length ? parts.join('；') : EMPTY;
    }
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/**
 * The fields one audit event changed. Only fields the record keeps are compared (not joined names or
 * bookkeeping), and only fields both snapshots carry, so a name missing from one side is not a change.
 */
export function changedFields(before: unknown, after: unknown, lookups: HistoryLookups): FieldChange[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  return Object.keys(historyFieldLabels)
    .filter((key) => key in before && key in after && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({
      key,
      label: historyFieldLabels[key] ?? key,
      before: formatHistoryValue(key, before[key], lookups),
      after: formatHistoryValue(key, after[key], lookups),
      wasEmpty: isBlank(before[key]),
    }))
    .filter((c) => c.before !== c.after);
}
