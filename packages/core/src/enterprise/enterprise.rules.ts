import type { SupervisionDomain } from '../org/org.dict.ts';
import { ceasedEnterpriseStatuses, type EnterpriseFlag, type EnterpriseStatus, insuranceRequiredDomains } from './enterprise.dict.ts';

/** 安全生产法 第五十一条 + 应急〔2025〕27号 第二条: high-risk domains must carry work-safety liability insurance. */
export function requiresInsurance(domains: readonly string[]): boolean {
  return domains.some((d) => (insuranceRequiredDomains as string[]).includes(d));
}

/** An enterprise counts as high-risk when flagged so, or when its domain requires the liability insurance. */
export function isHighRisk(e: { domains: readonly string[]; flags: readonly string[] }): boolean {
  return e.flags.includes('highRisk' satisfies EnterpriseFlag) || requiresInsurance(e.domains);
}

/** Not closed down (关闭取缔): the enterprise is still supervised. */
export function isActiveEnterprise(status: string): boolean {
  return !ceasedEnterpriseStatuses.includes(status as EnterpriseStatus);
}

export function isInsuranceMissing(
  e: { domains: readonly string[]; insuranceExpiry: string | null; status: string },
  today: string,
): boolean {
  if (!isActiveEnterprise(e.status) || !requiresInsurance(e.domains)) return false;
  return e.insuranceExpiry === null || e.insuranceExpiry < today;
}

/** Standardisation lapses within `days` (default 90) or has lapsed; grading is valid 3 years ([P] regulations.md §8.1). */
export function standardisationExpiring(expiry: string | null, today: string, days = 90): boolean {
  if (!expiry) return false;
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + days);
  return expiry <= limit.toISOString().slice(0, 10);
}

export interface ThreeResponsibles {
  townshipLeader: string | null;
  unitSupervisor: string | null;
  principal: string | null;
}

/** 三个责任人 (行政领导、部门监管、企业负责人): which of the three are not named. */
export function missingResponsibles(r: ThreeResponsibles): Array<keyof ThreeResponsibles> {
  return (['townshipLeader', 'unitSupervisor', 'principal'] as const).filter((k) => !r[k]?.trim());
}

export interface MappableUnit {
  id: number;
  kind: string;
  industries: readonly string[];
  disabled: boolean;
  /** Depth of the unit's region: a township unit (deeper) is closer than the county bureau above it. */
  regionDepth: number;
}

/**
 * 三管三必须 (管行业必须管安全…): the supervising unit of an enterprise is the unit that lists the enterprise's
 * first supervision domain among its industries — the closest one (township before county), a regulator before an
 * industry manager. The mapping is configured by editing units' industries; an enterprise can override it.
 */
export function deriveSupervisingUnit(
  domains: readonly SupervisionDomain[] | readonly string[],
  units: readonly MappableUnit[],
): number | null {
  const rank = (u: MappableUnit) => [-u.regionDepth, u.kind === 'regulator' ? 0 : u.kind === 'industryManager' ? 1 : 2, u.id];
  for (const domain of domains) {
    const candidates = units.filter((u) => !u.disabled && u.industries.includes(domain));
    candidates.sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number);
      return 0;
    });
    if (candidates[0]) return candidates[0].id;
  }
  return null;
}

/** A mobile number or a landline with area code; returns the normalised form or null. */
export function normalisePhone(raw: string): string | null {
  const s = raw
    .replace(/[\s\u3000()（）]/g, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^\+?86/, '');
  if (/^1[3-9]\d{9}$/.test(s)) return s;
  const m = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/.exec(s);
  if (m) return `${m[1]}-${m[2]}${m[3] ? `-${m[3]}` : ''}`;
  return null;
}

/** A key under which the same enterprise spelled two ways meets itself: full-width → half-width, no spaces or brackets. */
export function enterpriseNameKey(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000()（）【】[\]「」"“”'‘’·.,，。、-]/g, '')
    .toUpperCase();
}
