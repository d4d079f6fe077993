// Text helpers shared by the plan rules: whitespace, markdown, brackets and clause splitting.

const OPENERS = '（(《“〔【[「『';
const CLOSERS = '）)》”〕】]」』';

/** All whitespace out: Chinese official text carries no meaning in spaces (padding, layout breaks). */
export function stripSpace(s: string): string {
  return s.replace(/(?:\s|\u00a0|\u3000|\u200b|\u200c|\u200d|\ufeff)+/gu, '');
}

/** Markdown emphasis and heading marks out (`**16.**`, `## 一、`). */
export function stripMarkdown(s: string): string {
  return s
    .replace(/^\s*(?:>\s*)+/u, '')
    .replace(/^\s*[-*+]\s+(?=\S)/u, '')
    .replace(/^\s*#{1,6}\s*/u, '')
    .replace(/\*\*|__/gu, '')
    .replace(/^\*(?=\S)|(?<=\S)\*$/gu, '');
}

/** Full-width digits and Latin letters to ASCII (２０２４ → 2024); Chinese punctuation stays as printed. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ％]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Open minus closed brackets and quotes: > 0 means the line stops inside a bracket. */
export function bracketBalance(s: string): number {
  let depth = 0;
  for (const ch of s) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return depth;
}

const ALL_OPEN = new Set(OPENERS);
const ALL_CLOSE = new Set(CLOSERS);
const QUOTE_OPEN = new Set('“《「『');
const QUOTE_CLOSE = new Set('”》」』');

/** For each index of `s`, whether it sits inside brackets or quotes (the delimiters themselves count as inside). */
export function nestingMask(s: string, kinds: 'all' | 'quotes' = 'all'): Uint8Array {
  const open = kinds === 'all' ? ALL_OPEN : QUOTE_OPEN;
  const close = kinds === 'all' ? ALL_CLOSE : QUOTE_CLOSE;
  const mask = new Uint8Array(s.length);
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (open.has(ch)) depth++;
    if (depth > 0) mask[i] = 1;
    if (close.has(ch) && depth > 0) depth--;
  }
  return mask;
}

export interface Piece {
  text: string;
  start: number;
}

/** Splits at any of `separators` that stand outside brackets and quotes; separators are dropped. */
export function splitOutside(s: string, separators: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let depth = 0;
  // One pass, the same nesting as nestingMask without building the mask (this runs for every clause of a plan).
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ALL_OPEN.has(ch)) depth++;
    else if (depth === 0 && separators.includes(ch)) {
      pieces.push({ text: s.slice(start, i), start });
      start = i + 1;
    }
    if (depth > 0 && ALL_CLOSE.has(ch)) depth--;
  }
  pieces.push({ text: s.slice(start), start });
  return pieces.filter((p) => p.text !== '');
}

/** Index of the first separator outside brackets and quotes, or -1. */
export function indexOutside(s: string, separators: string, from = 0): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ALL_OPEN.has(ch)) depth++;
    else if (depth === 0 && i >= from && separators.includes(ch)) return i;
    if (depth > 0 && ALL_CLOSE.has(ch)) depth--;
  }
  return -1;
}

/** For each index i, the first index ≥ i holding one of `chars` (text.length when none): linear lookups. */
export function nextIndexOf(text: string, chars: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  out[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) out[i] = chars.includes(text[i] as string) ? i : (out[i + 1] as number);
  return out;
}

/** For each index i, the last index < i holding one of `chars` (-1 when none). */
export function prevIndexOf(text: string, chars: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  let last = -1;
  for (let i = 0; i <= text.length; i++) {
    out[i] = last;
    if (i < text.length && chars.includes(text[i] as string)) last = i;
  }
  return out;
}

export const SENTENCE_END = '。！？!?';
export const CLAUSE_END = '，；。,;！？!?';

/** Trailing punctuation (and a dangling closing quote of nothing) off. */
export function trimPunct(s: string): string {
  return s.replace(/[，；。、,;：:！？!?\s]+$/u, '').replace(/^[，；。、,;：:\s]+/u, '');
}

/** Comparison key: NFKC, no whitespace, no punctuation. */
export function looseKey(s: string): string {
  return stripSpace(s.normalize('NFKC')).replace(/[\p{P}\p{S}]/gu, '');
}

/** 一 … 九十九 (and 〇/零) to a number; NaN when it is not a Chinese numeral. */
export function chineseNumber(s: string): number {
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (/^\d+$/u.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百]+$/u.test(s)) return Number.NaN;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = digits[ch] ?? 0;
  }
  return total + current;
}

const YEAR_RANGE = /(\d{4})\s*年?\s*[-—–－~～至到]\s*(\d{4})\s*年?/u;

/** Years a heading or title speaks of: a range, a single year, or nothing. */
export function yearsOf(s: string): { start: number; end: number } | null {
  const range = YEAR_RANGE.exec(s);
  if (range) return { start: Number(range[1]), end: Number(range[2]) };
  const single = /(\d{4})\s*年/u.exec(s);
  return single ? { start: Number(single[1]), end: Number(single[1]) } : null;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
