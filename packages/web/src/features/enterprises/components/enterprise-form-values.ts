import { type Enterprise, type EnterpriseInput, industryDivisions } from '@anzhi/core';
import dayjs, { type Dayjs } from 'dayjs';

const textKeys = [
  'name',
  'creditCode',
  'address',
  'legalRepresentative',
  'legalRepresentativePhone',
  'principal',
  'principalPhone',
  'actualController',
  'actualControllerPhone',
  'safetyManager',
  'safetyManagerPhone',
  'townshipLeader',
  'townshipLeaderPhone',
  'unitSupervisor',
  'unitSupervisorPhone',
  'insurer',
  'insurancePolicyNo',
  'riskLevelReason',
] as const;
type TextKey = (typeof textKeys)[number];

const fiveToOneKeys = ['regulator', 'township', 'village', 'fire', 'professional'] as const;
type FiveToOne = Partial<Record<(typeof fiveToOneKeys)[number], string>>;

export const fiveToOneLabels: Record<(typeof fiveToOneKeys)[number], string> = {
  regulator: '监管部门',
  township: '乡镇（街道）',
  village: '村（社区）',
  fire: '消防救援',
  professional: '专业技术人员',
};

/** What the antd form holds: strings as typed, dates as Dayjs, the industry as [门类, 大类]. */
export type EnterpriseFormValues = Partial<Record<TextKey, string>> & {
  regionCode?: string | null;
  longitude?: number | null;
  latitude?: number | null;
  status?: EnterpriseInput['status'];
  scale?: EnterpriseInput['scale'];
  employees?: number | null;
  industryCode?: string[];
  domains?: string[];
  flags?: string[];
  smallVenueType?: string | null;
  landlordId?: number | null;
  supervisingUnitId?: number | null;
  fiveToOne?: FiveToOne;
  standardisationLevel?: EnterpriseInput['standardisationLevel'];
  standardisationExpiry?: Dayjs | null;
  insuranceExpiry?: Dayjs | null;
  riskLevel?: EnterpriseInput['riskLevel'];
};

/** Every field the form shows, by its API name, so server and schema problems land on the right field. */
export const formFields = [
  ...textKeys,
  'regionCode',
  'longitude',
  'latitude',
  'status',
  'scale',
  'employees',
  'industryCode',
  'domains',
  'flags',
  'smallVenueType',
  'landlordId',
  'supervisingUnitId',
  'fiveToOne',
  'standardisationLevel',
  'standardisationExpiry',
  'insuranceExpiry',
  'riskLevel',
] as const;

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const day = (v: string | null) => (v ? dayjs(v) : null);

export function toFormValues(e: Enterprise): EnterpriseFormValues {
  const text = Object.fromEntries(textKeys.map((k) => [k, e[k] ?? undefined])) as Partial<Record<TextKey, string>>;
  const division = e.industryCode ? industryDivisions[e.industryCode] : undefined;
  return {
    ...text,
    regionCode: e.regionCode,
    longitude: e.longitude,
    latitude: e.latitude,
    status: e.status,
    scale: e.scale,
    employees: e.employees,
    industryCode: division && e.industryCode ? [division.section, e.industryCode] : undefined,
    domains: e.domains,
    flags: e.flags,
    smallVenueType: e.smallVenueType,
    landlordId: e.landlordId,
    // A unit derived by 三管三必须 stays empty in the form, so saving does not turn it into a manual choice.
    supervisingUnitId: e.supervisingUnitOverridden ? e.supervisingUnitId : null,
    fiveToOne: Object.fromEntries(fiveToOneKeys.map((k) => [k, e.fiveToOne?.[k] ?? undefined])),
    standardisationLevel: e.standardisationLevel,
    standardisationExpiry: day(e.standardisationExpiry),
    insuranceExpiry: day(e.insuranceExpiry),
    riskLevel: e.riskLevel,
  };
}

/** The request body before schema validation: blanks become null, dates ISO strings. */
export function toInput(v: EnterpriseFormValues, canGrade: boolean): Record<string, unknown> {
  const text = Object.fromEntries(textKeys.map((k) => [k, blank(v[k])]));
  const fiveToOne = Object.fromEntries(fiveToOneKeys.map((k) => [k, blank(v.fiveToOne?.[k])]));
  const input: Record<string, unknown> = {
    ...text,
    name: v.name?.trim() ?? '',
    regionCode: v.regionCode ?? '',
    longitude: v.longitude ?? null,
    latitude: v.latitude ?? null,
    status: v.status ?? 'operating',
    scale: v.scale ?? null,
    employees: v.employees ?? null,
    industryCode: v.industryCode?.[1] ?? null,
    domains: v.domains ?? [],
    flags: v.flags ?? [],
    smallVenueType: v.smallVenueType ?? null,
    landlordId: v.landlordId ?? null,
    supervisingUnitId: v.supervisingUnitId ?? null,
    fiveToOne: Object.values(fiveToOne).some(Boolean) ? fiveToOne : null,
    standardisationLevel: v.standardisationLevel ?? null,
    standardisationExpiry: v.standardisationExpiry ? v.standardisationExpiry.format('YYYY-MM-DD') : null,
    insuranceExpiry: v.insuranceExpiry ? v.insuranceExpiry.format('YYYY-MM-DD') : null,
    riskLevel: v.riskLevel ?? null,
  };
  // Grading is not this user's call: leave the level and its reason as they are.
  if (!canGrade) {
    delete input.riskLevel;
    delete input.riskLevelReason;
  }
  return input;
}
