import {
  type Enterprise,
  type EnterpriseStatus,
  enterpriseFlagLabels,
  enterpriseFlags,
  enterpriseScaleLabels,
  enterpriseStatuses,
  enterpriseStatusLabels,
  industryDivisions,
  industrySections,
  isHighRisk,
  isInsuranceMissing,
  missingResponsibles,
  type RiskLevel,
  riskLevelLabels,
  riskLevels,
  smallVenueTypeLabels,
  smallVenueTypes,
  standardisationExpiring,
  standardisationLevelLabels,
  standardisationLevels,
  supervisionDomainLabels,
  supervisionDomains,
} from '@anzhi/core';
import dayjs from 'dayjs';

const lookup = (labels: Record<string, string>) => (code: string | null | undefined) => (code ? (labels[code] ?? code) : '');

export const domainLabel = lookup(supervisionDomainLabels);
export const flagLabel = lookup(enterpriseFlagLabels);
export const smallVenueLabel = lookup(smallVenueTypeLabels);
export const statusLabel = lookup(enterpriseStatusLabels);
export const scaleLabel = lookup(enterpriseScaleLabels);
export const standardisationLabel = lookup(standardisationLevelLabels);
export const riskLabel = lookup(riskLevelLabels);

/** 「C 制造业 / 34 通用设备制造业」 */
export function industryLabel(code: string | null | undefined): string {
  if (!code) return '';
  const d = industryDivisions[code];
  return d ? `${d.section} ${d.sectionName} / ${code} ${d.name}` : code;
}

export const domainOptions = supervisionDomains.map(([value, label]) => ({ value, label }));
export const flagOptions = enterpriseFlags.map(([value, label]) => ({ value, label }));
export const smallVenueOptions = smallVenueTypes.map(([value, label]) => ({ value, label }));
export const statusOptions = enterpriseStatuses.map((value) => ({ value, label: enterpriseStatusLabels[value] }));
export const scaleOptions = Object.entries(enterpriseScaleLabels).map(([value, label]) => ({ value, label }));
export const riskOptions = riskLevels.map((value) => ({ value, label: riskLevelLabels[value] }));
export const standardisationOptions = standardisationLevels.map((value) => ({ value, label: standardisationLevelLabels[value] }));

export interface IndustryOption {
  value: string;
  label: string;
  children?: IndustryOption[];
}

/** GB/T 4754 门类 → 大类, for a cascader. */
export const industryOptions: IndustryOption[] = industrySections.map(([section, name, divisions]) => ({
  value: section,
  label: `${section} ${name}`,
  children: divisions.map(([code, divisionName]) => ({ value: code, label: `${code} ${divisionName}` })),
}));

export const statusColours: Record<EnterpriseStatus, string> = {
  operating: 'green',
  suspended: 'default',
  rectifying: 'orange',
  closed: 'red',
};

export function riskTextColour(level: RiskLevel): string {
  // White on yellow cannot be read.
  return level === 'medium' ? 'rgba(0, 0, 0, 0.88)' : '#fff';
}

/** Expiry dates are calendar days. */
export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

const responsibleLabels = { townshipLeader: '行政领导责任人', unitSupervisor: '部门监管责任人', principal: '企业主要负责人' } as const;

export interface EnterpriseWarning {
  key: 'insurance' | 'standardisation' | 'responsibles';
  label: string;
  detail: string;
  colour: 'red' | 'orange' | 'gold';
}

/** What the registry should nag about for one enterprise, computed with the same rules as the server's filters. */
export function enterpriseWarnings(e: Enterprise, on = today()): EnterpriseWarning[] {
  if (e.status === 'closed') return [];
  const warnings: EnterpriseWarning[] = [];
  if (isInsuranceMissing(e, on)) {
    warnings.push({
      key: 'insurance',
      label: e.insuranceExpiry ? '安责险已过期' : '缺安责险',
      detail: e.insuranceExpiry ? `安责险已于 ${e.insuranceExpiry} 到期` : '所属行业领域应投保安全生产责任保险，尚未登记保单',
      colour: 'red',
    });
  }
  if (standardisationExpiring(e.standardisationExpiry, on)) {
    const lapsed = (e.standardisationExpiry ?? '') < on;
    warnings.push({
      key: 'standardisation',
      label: lapsed ? '标准化已过期' : '标准化将到期',
      detail: `安全生产标准化${lapsed ? '已于' : '将于'} ${e.standardisationExpiry} 到期`,
      colour: lapsed ? 'red' : 'orange',
    });
  }
  const missing = missingResponsibles(e);
  if (missing.length) {
    warnings.push({
      key: 'responsibles',
      label: '缺责任人',
      detail: `未明确：${missing.map((k) => responsibleLabels[k]).join('、')}${isHighRisk(e) ? '（高危行业）' : ''}`,
      colour: isHighRisk(e) ? 'red' : 'gold',
    });
  }
  return warnings;
}
