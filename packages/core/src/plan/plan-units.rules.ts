// Responsibility annotations → lead and co units: （X牵头，Y按职责分工负责）, （责任单位：X）, 〔X牵头，Y、Z及W分工负责〕 …
import { bracketBalance, splitOutside, stripSpace, uniqueBy } from './plan-text.rules.ts';

export interface Units {
  leadUnits: string[];
  coUnits: string[];
}

export interface Annotation {
  /** Position of the opening bracket (or of the label line) in the searched text. */
  start: number;
  end: number;
  content: string;
}

const LABEL_WORDS =
  '责任单位|责任部门|牵头单位|牵头部门|主责单位|主办单位|配合单位|配合部门|协同单位|协办单位|参与单位|责任主体|完成时限|完成时间|时间节点|完成期限';
const LABEL = new RegExp(`^(${LABEL_WORDS})[:：]`, 'u');
const CO_LABEL = /^(配合单位|配合部门|协同单位|协办单位|参与单位)[:：]/u;
const LEAD_LABEL = /^(牵头单位|牵头部门|主责单位|主办单位)[:：]/u;
const TIME_LABEL = /^(完成时限|完成时间|时间节点|完成期限|时限)[:：]/u;
const ROLE_END = /(负责|牵头|按职责分工|按照职责分工|分工负责|组织实施|落实实施|配合|协同|协助|参与|主责|主办|负总责)$/u;
const LEAD_WORD = /分别牵头|牵头|主责|主办/u;
const CO_WORD = /配合|协助|协同|协办|参与/u;

/** Role words, longest first: removed from the end of a list item. */
const ROLE_WORDS = [
  '分别牵头或按职责分工负责',
  '负责配合落实实施',
  '按照职责分工负责',
  '按职责分工负责',
  '分别牵头负责',
  '配合落实实施',
  '按照职责分工',
  '按职责分工',
  '分别牵头',
  '牵头负责',
  '具体负责',
  '共同负责',
  '负责落实',
  '分工负责',
  '组织实施',
  '协同配合',
  '配合落实',
  '负总责',
  '负责',
  '牵头',
  '配合',
  '协同',
  '协助',
  '协办',
  '参与',
  '主责',
  '主办',
  '分别',
  '落实',
];

/** 各村, 镇各相关部门, 镇安委会有关成员单位: never a lead unit. */
export function isCollectiveUnit(name: string): boolean {
  return /^(各|全体|所有|其他|其它|其余)|各|有关|相关|成员单位$/u.test(name);
}

const PERSON_WORDS = '牵头领导|责任领导|分管领导|包保领导|具体责任人|责任人|联系人';
const PERSON_LABEL = new RegExp(`^(${PERSON_WORDS})[:：]`, 'u');
/** Before every label but the first: `责任单位：X，配合单位：Y` and `X 配合单位：Y` become clauses. */
const LABEL_BREAK = new RegExp(`[，,、]?(?<=.)(?=(?:${LABEL_WORDS}|${PERSON_WORDS})[:：])`, 'gu');

/** Whether a bracket's content is a responsibility annotation rather than an aside (（深井铸造）, （每月至少1次）). */
export function isAnnotation(content: string): boolean {
  const c = stripSpace(content).replace(/[。；;，,]+$/u, '');
  if (c.length < 2 || c.length > 300) return false;
  if (splitOutside(c, '；;').some((clause) => LABEL.test(clause.text))) return true;
  return ROLE_END.test(c) && !/\d+(次|%|个|家)/u.test(c);
}

const LABEL_INSIDE = new RegExp(`(?<=^|[。；;])(?:${LABEL_WORDS})[:：]`, 'gu');

/**
 * Every annotation in a text: bracketed ones anywhere, and labelled ones (责任单位：…；完成时限：…) starting the text
 * or a sentence, up to the end of that sentence.
 */
export function findAnnotations(text: string): Annotation[] {
  const found: Annotation[] = [];
  const open = '（(〔【[';
  const close = '）)〕】]';
  for (const m of text.matchAll(LABEL_INSIDE)) {
    if (bracketBalance(text.slice(0, m.index)) > 0) continue;
    const end = text.indexOf('。', m.index);
    const stop = end < 0 ? text.length : end;
    if (found.some((a) => m.index < a.end)) continue;
    found.push({ start: m.index, end: stop, content: text.slice(m.index, stop) });
  }
  for (let i = 0; i < text.length; i++) {
    if (!open.includes(text[i] as string)) continue;
    let depth = 0;
    let j = i;
    // An annotation is short: the scan stops after 400 characters, which keeps long texts linear.
    for (; j < Math.min(text.length, i + 400); j++) {
      const ch = text[j] as string;
      if (open.includes(ch)) depth++;
      else if (close.includes(ch) && --depth === 0) break;
    }
    if (depth !== 0) continue;
    const content = text.slice(i + 1, j);
    if (isAnnotation(content) && !found.some((a) => i >= a.start && i < a.end)) {
      found.push({ start: i, end: Math.min(j + 1, text.length), content });
      i = j;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A labelled line: 责任单位：…, 牵头单位：…, 完成时限：… */
export function startsWithLabel(text: string): boolean {
  return LABEL.test(text);
}

/** Removes role words from the end of a list item, and a leading 由. */
function bareName(item: string): string {
  let s = item.replace(/^(由|请|以)/u, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of ROLE_WORDS) {
      if (s.length > w.length && s.endsWith(w)) {
        s = s.slice(0, -w.length);
        changed = true;
      }
    }
  }
  return s.replace(/[。；;，,、：:]+$/u, '');
}

/** 'A、B等镇安委会有关成员单位' → named [A, B] and the collective phrase. */
function splitList(chunk: string): { named: string[]; collective: string[] } {
  const named: string[] = [];
  const collective: string[] = [];
  for (const piece of splitOutside(chunk, '、，,；;及')) {
    let item = bareName(piece.text);
    const etc = item.lastIndexOf('等');
    if (etc > 0) {
      const after = item.slice(etc + 1);
      if (after !== '' && isCollectiveUnit(after)) collective.push(after);
      item = item.slice(0, etc);
    }
    if (item.length < 2 || item.length > 30 || /^(部门|单位|等)$/u.test(item)) continue;
    if (isCollectiveUnit(item)) collective.push(item);
    else named.push(item);
  }
  return { named, collective };
}

/** A role in brackets after a unit: `镇应急办（牵头）`, `镇派出所（配合）`. */
const ROLE_MARK = /[（(](牵头|主责|牵头单位|牵头负责|配合|配合单位|协办)[）)]/u;

/**
 * A list whose units carry their role in brackets (`责任单位：镇应急办（牵头）、镇派出所、镇市场监管所`, a common
 * layout of 分工表 cells): marked 牵头 units lead, the rest share; in a 配合 list every unit shares.
 */
function markedUnits(list: string, coList: boolean): Units {
  const lead: string[] = [];
  const co: string[] = [];
  for (const piece of splitOutside(list, '、，,；;')) {
    const role = ROLE_MARK.exec(piece.text)?.[1] ?? null;
    const { named, collective } = splitList(piece.text.replace(ROLE_MARK, ''));
    if (role && /^(牵头|主责)/u.test(role) && !coList) lead.push(...named);
    else co.push(...named);
    co.push(...collective);
  }
  return { leadUnits: lead, coUnits: co };
}

/**
 * One annotation's content → units. With 牵头 the units before it lead and all after share; without, named units
 * lead and collective phrases share. A 完成时限 clause is skipped (its date is read as a deadline).
 */
export function parseAnnotation(content: string): Units {
  const lead: string[] = [];
  const co: string[] = [];
  let leadSeen = false;
  for (const clause of splitOutside(stripSpace(content).replace(LABEL_BREAK, '；'), '；;。')) {
    let text = clause.text;
    if (TIME_LABEL.test(text) || PERSON_LABEL.test(text)) continue;
    if (ROLE_MARK.test(text)) {
      const marked = markedUnits(text.replace(LABEL, ''), CO_LABEL.test(text));
      lead.push(...marked.leadUnits);
      co.push(...marked.coUnits);
      leadSeen ||= marked.leadUnits.length > 0;
      continue;
    }
    const coLabel = CO_LABEL.test(text);
    const leadLabel = LEAD_LABEL.test(text);
    text = text.replace(LABEL, '');
    for (const chunk of splitOutside(text, '，,')) {
      const leadAt = chunk.text.search(LEAD_WORD);
      if (leadLabel || (!leadSeen && !coLabel && leadAt > 0)) {
        const { named, collective } = splitList(leadAt > 0 ? chunk.text.slice(0, leadAt) : chunk.text);
        lead.push(...named);
        co.push(...collective);
        leadSeen = true;
        continue;
      }
      const { named, collective } = splitList(chunk.text);
      if (leadSeen || coLabel || CO_WORD.test(chunk.text)) co.push(...named, ...collective);
      else {
        lead.push(...named);
        co.push(...collective);
      }
    }
  }
  const leadUnits = uniqueBy(lead, (x) => x);
  return { leadUnits, coUnits: uniqueBy(co, (x) => x).filter((x) => !leadUnits.includes(x)) };
}

/** Annotations of each paragraph (a label line starts its own paragraph, so paragraphs are searched one by one). */
export function annotationsOf(paragraphs: string[]): Annotation[] {
  return paragraphs.flatMap((p) => findAnnotations(p));
}

/** The 完成时限 clauses of annotations, label removed: `2024年12月底前取得明显成效，并长期坚持`. */
export function timeLimitClauses(annotations: Annotation[]): string[] {
  return annotations.flatMap((a) =>
    splitOutside(stripSpace(a.content), '；;。')
      .filter((c) => TIME_LABEL.test(c.text))
      .map((c) => c.text.replace(TIME_LABEL, '')),
  );
}

const UNIT_END = /(办|局|所|站|队|中心|委|会|部|处|科|室|组|院|校|村|社区|街道|镇|乡|公司|部门|单位|馆|厅|社|团|署|区|庭)$/u;

/** A name that reads like an organisation (or a collective of them), not a person or a thing (（费用由企业负责）). */
export function looksLikeUnit(name: string): boolean {
  return UNIT_END.test(name) || isCollectiveUnit(name);
}

/**
 * All annotations of a task merged, in order of first appearance. An unlabelled bracket naming no organisation at all
 * is an aside, not an annotation.
 */
export function unitsOf(annotations: Annotation[]): Units {
  const lead: string[] = [];
  const co: string[] = [];
  for (const a of annotations) {
    const u = parseAnnotation(a.content);
    if (
      !splitOutside(stripSpace(a.content), '；;').some((c) => LABEL.test(c.text)) &&
      ![...u.leadUnits, ...u.coUnits].some(looksLikeUnit)
    ) {
      continue;
    }
    lead.push(...u.leadUnits);
    co.push(...u.coUnits);
  }
  const leadUnits = uniqueBy(lead, (x) => x);
  return { leadUnits, coUnits: uniqueBy(co, (x) => x).filter((x) => !leadUnits.includes(x)) };
}
