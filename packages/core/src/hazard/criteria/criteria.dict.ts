import type { EnterpriseFlag } from '../../enterprise/enterprise.dict.ts';
import { domainLabelsIn, flagLabelsIn } from '../../enterprise/enterprise-columns.dict.ts';
import type { SupervisionDomain } from '../../org/org.dict.ts';

/** A set's standing: 现行 / 已被新版替代 / 已废止（无替代）. */
export const criteriaSetStatuses = ['current', 'superseded', 'retired'] as const;
export type CriteriaSetStatus = (typeof criteriaSetStatuses)[number];
export const criteriaSetStatusLabels: Record<CriteriaSetStatus, string> = {
  current: '现行有效',
  superseded: '已被替代',
  retired: '已废止',
};

/**
 * How sure the research is of an item (criteria/README.md): V = wording read in the official text or a copy citing
 * it; P = an unofficial verbatim-looking copy, an official interpretation, or secondary sources; U = not verified.
 */
export const criterionConfidences = ['V', 'P', 'U'] as const;
export type CriterionConfidence = (typeof criterionConfidences)[number];
export const criterionConfidenceLabels: Record<CriterionConfidence, string> = {
  V: '已核实原文',
  P: '非官方来源',
  U: '未核实',
};

/**
 * Whether the official wording of an item has been checked. Only V items are 已核对: for P the official wording was
 * not available (an unofficial copy, an interpretation, or a secondary source), for U nothing was verified.
 */
export const criterionVerifications = ['verified', 'unverified'] as const;
export type CriterionVerification = (typeof criterionVerifications)[number];
export const criterionVerificationLabels: Record<CriterionVerification, string> = {
  verified: '已核对',
  unverified: '待核对',
};

/** 通则 (工贸 第十四条: a failed monitoring/alarm/protection device also counts) and 兜底条款 (catch-all). */
export const criterionKinds = ['generalRule', 'catchAll'] as const;
export type CriterionKind = (typeof criterionKinds)[number];
export const criterionKindLabels: Record<CriterionKind, string> = {
  generalRule: '通则',
  catchAll: '兜底条款',
};

/** What the UI shows beside an item's summary, so it is never read as the official text. */
export const ourSummaryLabel = '摘要（本系统编写，非官方原文）';
export const officialTextLabel = '官方原文';

/**
 * 工贸 is an umbrella over eight sectors (工贸企业重大事故隐患判定标准 第二条): an enterprise tagged only 工贸 is in
 * scope of every 工贸 item; one tagged 机械 is not thereby tagged 冶金.
 */
export const domainUmbrellas: Partial<Record<SupervisionDomain, readonly SupervisionDomain[]>> = {
  industryTrade: ['metallurgy', 'nonferrous', 'buildingMaterials', 'machinery', 'lightIndustry', 'textile', 'tobacco', 'commerce'],
};

/** A 人员密集场所 domain tag means the same as the 人员密集场所 flag for matching criteria. */
export const domainImpliedFlags: Partial<Record<SupervisionDomain, readonly EnterpriseFlag[]>> = {
  publicVenue: ['crowdedPlace'],
};

const compact = (s: string) =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toLowerCase();

function codeIndex(labels: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [code, names] of Object.entries(labels)) {
    index.set(compact(code), code);
    for (const n of names) index.set(compact(n), code);
  }
  return index;
}

const domainIndex = codeIndex({ ...domainLabelsIn, construction: [...(domainLabelsIn.construction ?? []), '房屋市政', '房屋市政工程'] });
const flagIndex = codeIndex(flagLabelsIn);
const kindIndex = codeIndex({ generalRule: ['通则', 'general-rule'], catchAll: ['兜底条款', '兜底', 'catch-all'] });
const confidenceIndex = codeIndex({
  V: ['已核实原文', '已核实', '官方原文'],
  P: ['非官方来源', '非官方'],
  U: ['未核实', '待核对'],
});

/** A domain as written in criteria files or sheets (code, 中文名 or common synonym) → our code; undefined if unknown. */
export function criteriaDomainCode(name: string): SupervisionDomain | undefined {
  return domainIndex.get(compact(name)) as SupervisionDomain | undefined;
}
export function criteriaFlagCode(name: string): EnterpriseFlag | undefined {
  return flagIndex.get(compact(name)) as EnterpriseFlag | undefined;
}
export function criterionKindCode(name: string): CriterionKind | undefined {
  return kindIndex.get(compact(name)) as CriterionKind | undefined;
}
export function criterionConfidenceCode(name: string): CriterionConfidence | undefined {
  return confidenceIndex.get(compact(name)) as CriterionConfidence | undefined;
}

/** An enterprise's domains with umbrellas opened (工贸 → its eight sectors). */
export function expandDomains(domains: readonly string[]): Set<string> {
  const out = new Set<string>(domains);
  for (const d of domains) for (const sub of domainUmbrellas[d as SupervisionDomain] ?? []) out.add(sub);
  return out;
}

/** An enterprise's flags plus those its domains imply (人员密集场所 domain → 人员密集场所 flag). */
export function expandFlags(domains: readonly string[], flags: readonly string[]): Set<string> {
  const out = new Set<string>(flags);
  for (const d of domains) for (const f of domainImpliedFlags[d as SupervisionDomain] ?? []) out.add(f);
  return out;
}
