// Deadlines (底前, 到…年底, 一季度 …), starts (…年起), recurrence (每月 …) and year-led milestones (2024年，…).
import type { PlanDateRef, PlanMilestone } from './plan.contract.ts';
import { chineseNumber, isoDate, lastDayOfMonth, nextIndexOf, uniqueBy } from './plan-text.rules.ts';

const MONTH = '(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const BEFORE = '(?:前|之前|以前)';
const TO = '(到|至|截至|截止到?)';

interface Hit {
  index: number;
  raw: string;
  year: number | null;
  month: number;
  day: number | 'end';
}

type Rule = [RegExp, (m: RegExpExecArray) => Omit<Hit, 'index' | 'raw'> | null];

const monthOf = (s: string | undefined) => chineseNumber(s ?? '');
const yearOf = (s: string | undefined) => (s ? Number(s) : null);
const QUARTER_END: Record<string, number> = { 一: 3, '1': 3, 二: 6, '2': 6, 三: 9, '3': 9, 四: 12, '4': 12 };

const DEADLINE_RULES: Rule[] = [
  // 2024年6月30日前 / 到2024年6月30日
  [
    new RegExp(`${TO}?(?:(\\d{4})年)?${MONTH}月(\\d{1,2})[日号](${BEFORE}|止)?`, 'gu'),
    (m) => (m[1] || m[5] ? { year: yearOf(m[2]), month: monthOf(m[3]), day: Number(m[4]) } : null),
  ],
  // 2024年6月底前 / 6月底 / 到2024年6月底
  [
    new RegExp(`${TO}?(?:(\\d{4})年)?${MONTH}月(?:底|末|份底)${BEFORE}?`, 'gu'),
    (m) => ({ year: yearOf(m[2]), month: monthOf(m[3]), day: 'end' }),
  ],
  // 6月中旬前 / 2024年6月上旬
  [
    new RegExp(`${TO}?(?:(\\d{4})年)?${MONTH}月(上|中|下)旬${BEFORE}?`, 'gu'),
    (m) => ({ year: yearOf(m[2]), month: monthOf(m[3]), day: m[4] === '上' ? 10 : m[4] === '中' ? 20 : 'end' }),
  ],
  // 到2024年6月
  [
    new RegExp(`${TO}(\\d{4})年${MONTH}月(?![\\d日号底末份中上下旬])`, 'gu'),
    (m) => ({ year: yearOf(m[2]), month: monthOf(m[3]), day: 'end' }),
  ],
  // 2024年底前 / 2025年底以前 / 到2024年底 / 2024年年底前
  [new RegExp(`${TO}?(\\d{4})年(?:年底|年末|底|末)${BEFORE}?`, 'gu'), (m) => ({ year: yearOf(m[2]), month: 12, day: 'end' })],
  // 到2026年 (not the second half of a 2024年至2026年 range)
  [/(?<![\d年—–\-－~～])(到|至)(\d{4})年(?![\d底末上下第起内度初中份月])/gu, (m) => ({ year: yearOf(m[2]), month: 12, day: 'end' })],
  // 上半年 / 2024年下半年
  [
    new RegExp(`(?:(\\d{4})年)?(上|下)半年(?:底|末)?${BEFORE}?`, 'gu'),
    (m) => ({ year: yearOf(m[1]), month: m[2] === '上' ? 6 : 12, day: 'end' }),
  ],
  // 一季度 / 第二季度末前 / 2024年第一季度
  [
    new RegExp(`(?:(\\d{4})年)?第?([一二三四1-4])季度(?:末|底)?${BEFORE}?`, 'gu'),
    (m) => ({ year: yearOf(m[1]), month: QUARTER_END[m[2] as string] as number, day: 'end' }),
  ],
  // 年底前 (the year of the scope)
  [new RegExp(`(?<![\\d年])(?:年底|年末)${BEFORE}?`, 'gu'), () => ({ year: null, month: 12, day: 'end' })],
  // 2024年内 / 年内 (not 三年内)
  [/(\d{4})年度?内/gu, (m) => ({ year: yearOf(m[1]), month: 12, day: 'end' })],
  [/(?<![\d一二三四五六七八九十两几每年])年内/gu, () => ({ year: null, month: 12, day: 'end' })],
];

/** Computes once, on first use: most texts have no candidate at all. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

function collect(text: string, rules: Rule[]): Hit[] {
  const quotes = lazy(() => enclosingQuotes(text));
  const hits: Hit[] = [];
  for (const [re, make] of rules) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const h = make(m);
      if (!h || Number.isNaN(h.month) || quotes()[m.index] === '《') continue;
      const prefix = m[0].match(/^(于|自|从)/u)?.[0] ?? '';
      hits.push({ ...h, index: m.index + prefix.length, raw: m[0].slice(prefix.length) });
    }
  }
  hits.sort((a, b) => a.index - b.index || b.raw.length - a.raw.length);
  let covered = -1;
  return hits.filter((h) => {
    if (h.index < covered) return false;
    covered = h.index + h.raw.length;
    return true;
  });
}

/** For each position, the quote or title bracket around it: '《' (a document's title), '“' (a quote) or null. */
function enclosingQuotes(text: string): Array<string | null> {
  const out: Array<string | null> = new Array(text.length).fill(null);
  const stack: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '“' || ch === '《') stack.push(ch);
    out[i] = stack[stack.length - 1] ?? null;
    if ((ch === '”' && stack[stack.length - 1] === '“') || (ch === '》' && stack[stack.length - 1] === '《')) stack.pop();
  }
  return out;
}

/** Quarter themes (一季度抓开局良好，二季度抓基础夯实…) list three or more quarters in one sentence: not deadlines. */
function isQuarterTheme(text: string, index: number, quotes: Array<string | null>): boolean {
  const start = Math.max(text.lastIndexOf('。', index), 0);
  const endAt = text.indexOf('。', index);
  const sentence = text.slice(start, endAt < 0 ? text.length : endAt).slice(0, 300);
  return (sentence.match(/[一二三四1-4]季度/gu) ?? []).length >= 3 || quotes[index] === '“';
}

function resolve(hits: Hit[], text: string, scopeYear: number | null): PlanDateRef[] {
  const out: PlanDateRef[] = [];
  const quotes = hits.some((h) => /季度/u.test(h.raw)) ? enclosingQuotes(text) : [];
  let lastYear: number | null = null;
  for (const h of hits) {
    if (/季度/u.test(h.raw) && isQuarterTheme(text, h.index, quotes)) continue;
    const year = h.year ?? scopeYear ?? lastYear;
    if (h.year) lastYear = h.year;
    if (!year || h.month < 1 || h.month > 12) continue;
    const day = h.day === 'end' ? lastDayOfMonth(year, h.month) : Math.min(h.day, lastDayOfMonth(year, h.month));
    out.push({ raw: h.raw, date: isoDate(year, h.month, day) });
  }
  return uniqueBy(out, (d) => d.date);
}

/** Every "by then" date of a text, unique by date, in order of first appearance. */
export function extractDeadlines(text: string, scopeYear: number | null): PlanDateRef[] {
  return resolve(collect(text, DEADLINE_RULES), text, scopeYear);
}

/** In a 完成时限 column or clause a bare month or year is a deadline too (2024年6月 → 06-30, 2024年 → 12-31). */
const TIME_LIMIT_RULES: Rule[] = [
  ...DEADLINE_RULES,
  [new RegExp(`(?:(\\d{4})年)?${MONTH}月(\\d{1,2})[日号]`, 'gu'), (m) => ({ year: yearOf(m[1]), month: monthOf(m[2]), day: Number(m[3]) })],
  [new RegExp(`(\\d{4})年${MONTH}月(?![\\d日号底末份])`, 'gu'), (m) => ({ year: yearOf(m[1]), month: monthOf(m[2]), day: 'end' })],
  [/(\d{4})年(?![\d底末上下第起内度初中份月全])/gu, (m) => ({ year: yearOf(m[1]), month: 12, day: 'end' })],
  // 全年 / 2024年全年: the whole year's work is due at its end (长期坚持 and 每季度 name no date).
  [/(?:(\d{4})年)?全年/gu, (m) => ({ year: yearOf(m[1]), month: 12, day: 'end' })],
];

/** In a 完成时限 column or clause a bare month or year is a deadline too (2024年6月 → 06-30, 2024年 → 12-31). */
export function extractTimeLimit(text: string, scopeYear: number | null): PlanDateRef[] {
  return resolve(collect(text, TIME_LIMIT_RULES), text, scopeYear);
}

const START_RULES: Rule[] = [
  [
    new RegExp(`(?:自|从)?(?:(\\d{4})年)?(?:${MONTH}月)?(?:(\\d{1,2})日)?(?:起|开始)(?![草点来])`, 'gu'),
    (m) => (m[1] || m[2] ? { year: yearOf(m[1]), month: m[2] ? monthOf(m[2]) : 1, day: m[3] ? Number(m[3]) : 1 } : null),
  ],
];

/** "From then on" dates: 2024年起 → 2024-01-01, 2024年10月起 → 2024-10-01. */
export function extractStarts(text: string, scopeYear: number | null): PlanDateRef[] {
  return resolve(collect(text, START_RULES), text, scopeYear);
}

/** Explicit frequency words as printed, unique, in order: 每日 每周 每月 每季度 每半年 每年. */
export function extractRecurrence(text: string): string[] {
  return uniqueBy(text.match(/每(?:日|天|周|旬|月|季度|季|半年|年)/gu) ?? [], (x) => x);
}

interface YearMarker {
  index: number;
  /** Where the statement's words start. */
  from: number;
  year: number;
  yearEnd?: number;
}

const CLAUSE_START = /[，。；：、“（(,;:！？]/u;

/** Year-led statements' years: at the start of a clause, not 底前/起/及以前/年度. */
export function yearMarkers(text: string, quotesOf = lazy(() => enclosingQuotes(text))): YearMarker[] {
  const out: YearMarker[] = [];
  const re = /(\d{4})(?:年?[—–\-－~～至到](\d{4}))?年/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = m.index === 0 ? '' : (text[m.index - 1] as string);
    const after = text.slice(m.index + m[0].length);
    if (before !== '' && !CLAUSE_START.test(before)) continue;
    if (/^([底末\d月起内度初中第份季上下前后）)》]|及以前|以前|以后|以来|之前|之后|开始)/u.test(after)) continue;
    if (quotesOf()[m.index] === '《') continue;
    const year = Number(m[1]);
    if (year < 1990 || year > 2100) continue;
    const skip = /^[，,：:]/u.test(after) ? 1 : 0;
    out.push({ index: m.index, from: m.index + m[0].length + skip, year, ...(m[2] ? { yearEnd: Number(m[2]) } : {}) });
  }
  return out;
}

/** `2024年，建立…` → {year:2024, text:'建立…'}; the text runs to its sentence's end or the next year marker. */
export function extractMilestones(text: string): PlanMilestone[] {
  const quotesOf = lazy(() => enclosingQuotes(text));
  const markers = yearMarkers(text, quotesOf);
  const quotes = markers.length ? quotesOf() : [];
  const stops = markers.length ? nextIndexOf(text, '。！？') : null;
  const closes = markers.length ? nextIndexOf(text, '”') : null;
  const texts = markers.map((mk, i) => {
    const next = markers[i + 1]?.index ?? text.length;
    let end = Math.min(next, stops?.[mk.from] ?? text.length);
    if (quotes[mk.index] === '“') end = Math.min(end, closes?.[mk.from] ?? text.length);
    const words = text.slice(mk.from, end).replace(/[，；。、,;：:\s]+$/u, '');
    // A closing quote stays only when its opening quote is part of the words.
    return words.replace(/”$/u, (q) => (words.includes('“') ? q : ''));
  });
  // 2025年、2026年持续… : one item per year, sharing the words that follow the last year.
  const shared = [...texts];
  for (let i = shared.length - 2; i >= 0; i--) if (shared[i] === '') shared[i] = shared[i + 1] as string;
  const out: PlanMilestone[] = [];
  markers.forEach((mk, i) => {
    const words = shared[i] as string;
    if (words !== '') out.push({ year: mk.year, ...(mk.yearEnd ? { yearEnd: mk.yearEnd } : {}), text: words });
  });
  return out;
}

/** Years anchoring each position of a text (milestone years and dated deadlines), for targets' `year`. */
export function yearAnchors(text: string): Array<{ index: number; year: number }> {
  const anchors = yearMarkers(text).map((m) => ({ index: m.index, year: m.year }));
  for (const h of collect(text, DEADLINE_RULES)) if (h.year) anchors.push({ index: h.index, year: h.year });
  return anchors.sort((a, b) => a.index - b.index);
}
