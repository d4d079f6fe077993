// Quantitative commitments with an Arabic number: rates and shares, and counts or amounts of things to deliver.
import type { PlanTarget } from './plan.contract.ts';
import { yearAnchors } from './plan-dates.rules.ts';
import { nestingMask, prevIndexOf, splitOutside } from './plan-text.rules.ts';

const NUMBER_UNIT =
  /(\d+(?:\.\d+)?)(?:余|多)?(万元|亿元|万人次|人次|平方米|公里|千米|%|％|元|家|台|套|栋|户|次|件|个|座|处|辆|艘|项|所|批|名|人|吨|辆次|场|期|轮)/gu;
const FREQUENCY = /每(日|天|周|旬|月|季度|季|半年|年)/u;
/** Before a count of 个/人/名 a verb of delivery says it is a commitment, not a scope (组织3个专项办公室). */
const DELIVER = /(建成|建设|新建|打造|创建|培育|完成|建立|选树|新增|改造|整治|实现|达到|创成|认定|培训|配备|招录|发展|安装)/u;
const LEAD_WORDS = /^(确保|推动|力争|实现|做到|完成|全年|全镇|全区|全县|全面|持续|累计)+/u;
const TAIL_WORDS = /(达到|达|为|不低于|不少于|至少|保持在|控制在|提高到|提升至|提高至|超过|不超过)$/u;

interface Clause {
  text: string;
  start: number;
}

/** The clause holding `index` (clauses are sorted by start). */
function clauseAt(clauses: Clause[], index: number): Clause {
  let lo = 0;
  let hi = clauses.length - 1;
  let found: Clause = { text: '', start: 0 };
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = clauses[mid] as Clause;
    if (c.start <= index) {
      found = c;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A number the text uses as a qualifier of scope: 30人以上场所, 3000人以上的企业. */
function isScope(after: string): boolean {
  const m = /^(及以上|以上|及以下|以下)/u.exec(after);
  return m !== null && /^[的\p{Script=Han}]/u.test(after.slice(m[0].length)) && !/^(的要求|的目标)/u.test(after.slice(m[0].length));
}

function opOf(before: string, after: string): '>=' | '<=' | undefined {
  if (/^(及以上|以上)/u.test(after) || /(不低于|不少于|至少)/u.test(before)) return '>=';
  if (/^(及以下|以下|以内)/u.test(after) || /(不超过|不高于|最多|控制在)/u.test(before)) return '<=';
  return undefined;
}

function metricOf(before: string, after: string): string {
  const m = before.replace(LEAD_WORDS, '').replace(TAIL_WORDS, '');
  return m !== '' ? m : after.replace(/^的/u, '');
}

/** `录入率、覆盖率100%`: one number for several rates gives one target per rate. */
function metricsOf(before: string): string[] | null {
  const stem = before.replace(TAIL_WORDS, '');
  const rates = splitOutside(stem, '、')
    .map((p) => p.text.replace(LEAD_WORDS, ''))
    .filter((p) => p.endsWith('率'));
  return rates.length >= 2 ? rates : null;
}

export function extractTargets(text: string, scopeYear: number | null): PlanTarget[] {
  const out: PlanTarget[] = [];
  if (!/\d/u.test(text)) return out;
  const quoted = nestingMask(text, 'quotes');
  const clauses: Clause[] = splitOutside(text, '，；。,;！？').map((p) => ({ text: p.text, start: p.start }));
  const anchors = yearAnchors(text);
  const sentenceStarts = prevIndexOf(text, '。');
  let anchorAt = -1;
  NUMBER_UNIT.lastIndex = 0;
  for (let m = NUMBER_UNIT.exec(text); m; m = NUMBER_UNIT.exec(text)) {
    const index = m.index;
    const unit = (m[2] as string).replace('％', '%');
    const prev = index > 0 ? (text[index - 1] as string) : '';
    if (quoted[index] || /[A-Za-z/\-+.．_第\d:：]/u.test(prev)) continue;
    const clause = clauseAt(clauses, index);
    const before = text.slice(clause.start, index);
    const afterAll = text.slice(index + m[0].length);
    const after = afterAll.slice(0, Math.max(0, clause.start + clause.text.length - index - m[0].length));
    if (unit !== '%' && isScope(afterAll) && !DELIVER.test(before)) continue;
    if (['次', '场', '期', '轮'].includes(unit) && FREQUENCY.test(before)) continue;
    if (['个', '人', '名'].includes(unit) && !DELIVER.test(before)) continue;
    const op = opOf(before, after);
    while (anchorAt + 1 < anchors.length && (anchors[anchorAt + 1] as { index: number }).index < index) anchorAt++;
    const anchor = anchors[anchorAt];
    const year = anchor && anchor.index > (sentenceStarts[index] as number) ? anchor.year : (scopeYear ?? null);
    const raw = clause.text.replace(/[，；。、,;：:]+$/u, '');
    const metrics = unit === '%' ? metricsOf(before) : null;
    for (const metric of metrics ?? [metricOf(before, after)]) {
      out.push({ raw, metric, value: Number(m[1]), unit, ...(op ? { op } : {}), year });
    }
  }
  return out;
}
