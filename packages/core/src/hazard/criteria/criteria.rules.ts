import type { CriteriaSet, CriteriaSetMeta, Criterion } from './criteria.contract.ts';
import { expandDomains, expandFlags, officialTextLabel, ourSummaryLabel } from './criteria.dict.ts';

export type CriteriaSetState = 'notYetEffective' | 'inForce' | 'repealed';

/**
 * Whether a set is in force on a date (YYYY-MM-DD): from its effective date up to the day before it was repealed.
 * A superseded set still applies to hazards found before its replacement took effect.
 */
export function criteriaSetStateAt(set: Pick<CriteriaSetMeta, 'effective' | 'status' | 'repealedOn'>, date: string): CriteriaSetState {
  if (date < set.effective) return 'notYetEffective';
  if (set.repealedOn) return date < set.repealedOn ? 'inForce' : 'repealed';
  return set.status === 'current' ? 'inForce' : 'repealed';
}

export function criteriaSetsInForce<S extends CriteriaSetMeta>(sets: readonly S[], date: string): S[] {
  return sets.filter((s) => criteriaSetStateAt(s, date) === 'inForce');
}

export interface EnterpriseTags {
  domains: readonly string[];
  flags: readonly string[];
}

/** The enterprise is in a set's scope: the set applies to all, or shares a domain (工贸 opened to its sectors) or flag. */
export function criteriaSetCovers(set: Pick<CriteriaSetMeta, 'domains' | 'flags' | 'appliesToAll'>, e: EnterpriseTags): boolean {
  if (set.appliesToAll) return true;
  const domains = expandDomains(e.domains);
  const flags = expandFlags(e.domains, e.flags);
  return set.domains.some((d) => domains.has(d)) || set.flags.some((f) => flags.has(f));
}

/** The sets that apply to an enterprise: in scope, and in force on `at` (or, without a date, of status current). */
export function applicableCriteriaSets<S extends CriteriaSetMeta>(e: EnterpriseTags, sets: readonly S[], opts: { at?: string } = {}): S[] {
  return sets.filter((s) => criteriaSetCovers(s, e) && (opts.at ? criteriaSetStateAt(s, opts.at) === 'inForce' : s.status === 'current'));
}

export interface CriterionRef {
  item: Criterion;
  set: CriteriaSet;
}

const codeMaps = new WeakMap<readonly CriteriaSet[], Map<string, CriterionRef>>();
export function findCriterion(code: string, sets: readonly CriteriaSet[]): CriterionRef | undefined {
  let map = codeMaps.get(sets);
  if (!map) {
    map = new Map(sets.flatMap((set) => set.items.map((item) => [item.code, { item, set }] as const)));
    codeMaps.set(sets, map);
  }
  return map.get(code.trim());
}

/** "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条（三）": how a hazard record names its basis. */
export function formatCitation(item: Pick<Criterion, 'article' | 'item'>, set: Pick<CriteriaSetMeta, 'title' | 'docNumber'>): string {
  const where = item.item && /^\d/.test(item.item) ? item.item : `${item.article ?? ''}${item.item ?? ''}`;
  return `《${set.title}》（${set.docNumber}）${where}`;
}

/** What to show for an item: the official text when it is stored and checked, otherwise our summary, labelled so. */
export function criterionWording(item: Pick<Criterion, 'summary' | 'text' | 'verification'>): {
  text: string;
  official: boolean;
  label: string;
} {
  if (item.text && item.verification === 'verified') return { text: item.text, official: true, label: officialTextLabel };
  return { text: item.summary, official: false, label: ourSummaryLabel };
}

/** The warning an unverified (待核对) item must carry wherever it is cited; null for verified items. */
export function unverifiedCitationWarning(
  item: Pick<Criterion, 'code' | 'confidence' | 'verification'>,
  set: Pick<CriteriaSetMeta, 'title'>,
): string | null {
  if (item.verification === 'verified') return null;
  const why =
    item.confidence === 'U'
      ? '条款内容和编号均未经核实'
      : item.confidence === 'P'
        ? '官方原文尚未核对（现有文本来自非官方副本、解读材料或二手资料）'
        : '官方原文尚未核对';
  return `“${item.code}”待核对：${why}，摘要由本系统编写，不是官方原文。引用前须对照《${set.title}》原文核实。`;
}

function itemWarnings({ item, set }: CriterionRef): string[] {
  const out: string[] = [];
  const unverified = unverifiedCitationWarning(item, set);
  if (unverified) out.push(unverified);
  if (item.kind === 'generalRule') out.push(`“${item.code}”为通则：请同时引用失效或无效装置所对应的具体情形条款。`);
  if (item.kind === 'catchAll') {
    out.push(`“${item.code}”为兜底条款：须在隐患描述中写明严重违法的事实，以及可能导致群死群伤或重大经济损失的现实危险。`);
  }
  if (item.note) out.push(`“${item.code}”：${item.note}`);
  return out;
}

const setWarning = (set: CriteriaSet) => (set.citationNote ? `《${set.title}》：${set.citationNote}` : null);

/** Everything an inspector should see beside a citation: 待核对, 通则, 兜底, narrower application, set-wide cautions. */
export function citationWarnings(ref: CriterionRef): string[] {
  const forSet = setWarning(ref.set);
  return forSet ? [...itemWarnings(ref), forSet] : itemWarnings(ref);
}

export type HazardGradeForCriteria = 'general' | 'major';

export interface GradingCitationCheck {
  ok: boolean;
  errors: string[];
  /** Shown to the inspector and kept with the record; they do not block saving. */
  warnings: string[];
  /** Cited items found in the library and in force on the discovery date. */
  cited: CriterionRef[];
}

function notInForce(ref: CriterionRef, foundOn: string, sets: readonly CriteriaSet[]): string | null {
  const { set } = ref;
  const name = `《${set.title}》（${set.docNumber}）`;
  const state = criteriaSetStateAt(set, foundOn);
  if (state === 'notYetEffective') return `“${ref.item.code}”：${name}自 ${set.effective} 起施行，不能用于 ${foundOn} 发现的隐患`;
  if (state === 'repealed') {
    const successor = set.supersededBy ? sets.find((s) => s.id === set.supersededBy) : undefined;
    const by = set.supersededBy
      ? `，已由${successor ? `《${successor.title}》（${successor.docNumber}）` : `“${set.supersededBy}”`}替代`
      : '';
    return `“${ref.item.code}”：${name}已于 ${set.repealedOn ?? '—'} 废止${by}，不能用于 ${foundOn} 发现的隐患`;
  }
  return null;
}

/**
 * 安全生产法 第一百一十八条 and each 判定标准 ("存在下列情形之一的，应当判定为重大事故隐患"): a 重大 grading cites at
 * least one item of a set in force when the hazard was found; an item cited means the hazard is 重大; 待核对 items
 * may be cited only with their warning shown.
 */
export function checkGradingCitations(input: {
  grade: HazardGradeForCriteria;
  citations: readonly string[];
  /** The hazard's discovery date, YYYY-MM-DD. */
  foundOn: string;
  sets: readonly CriteriaSet[];
}): GradingCitationCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const cited: CriterionRef[] = [];
  for (const code of new Set(input.citations.map((c) => c.trim()).filter(Boolean))) {
    const ref = findCriterion(code, input.sets);
    if (!ref) {
      errors.push(`判定依据“${code}”不在判定标准库中`);
      continue;
    }
    const problem = notInForce(ref, input.foundOn, input.sets);
    if (problem) errors.push(problem);
    else cited.push(ref);
  }
  if (input.grade === 'major' && cited.length === 0 && errors.length === 0) {
    errors.push('判定为重大事故隐患须引用至少 1 条隐患发现时施行的判定标准条款');
  }
  if (input.grade === 'general' && input.citations.length > 0) {
    errors.push('已引用重大事故隐患判定标准条款：符合判定标准所列情形的，应判定为重大事故隐患');
  }
  for (const ref of cited) warnings.push(...itemWarnings(ref));
  for (const set of new Set(cited.map((r) => r.set))) {
    const w = setWarning(set);
    if (w) warnings.push(w);
  }
  return { ok: errors.length === 0, errors, warnings, cited };
}
