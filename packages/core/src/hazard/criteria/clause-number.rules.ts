import { toHalfWidth } from '../../enterprise/import-cell.rules.ts';

const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十四 → 14, 二十 → 20, 一百零二 → 102, '7' → 7; null when it is not a number. */
export function parseChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
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

const cnDigits = '零一二三四五六七八九';
/** 14 → 十四, 20 → 二十, 102 → 一百零二 (official article numbering). */
export function toChineseNumber(n: number): string {
  if (n < 10) return cnDigits[n] as string;
  if (n < 20) return `十${n % 10 ? cnDigits[n % 10] : ''}`;
  if (n < 100) return `${cnDigits[Math.floor(n / 10)]}十${n % 10 ? cnDigits[n % 10] : ''}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${cnDigits[rest]}` : rest < 20 ? `一${toChineseNumber(rest)}` : toChineseNumber(rest);
  return `${cnDigits[Math.floor(n / 100)]}百${tail}`;
}

export interface ClauseNumber {
  /** The code part after the set: [11, 3] → `11.3`. */
  numbers: number[];
  article: string | null;
  item: string | null;
  /** Written as an article (第四条, 4.1): a bare number in the same sheet then means a whole article, not a list item. */
  hasArticle: boolean;
}

const num = '[零〇一二两三四五六七八九十百\\d]+';
const articleForm = new RegExp(`^第(${num})条(?:第?[(（]?(${num})[)）]?项?)?$`);
const listForm = new RegExp(`^(?:第)?[(（](${num})[)）]项?$|^第(${num})项$`);

/**
 * A clause as people write it in a sheet: 第四条（一）, 第四条第一项, 第十四条, 4.1, 1.1.1, （三）, 3. A bare number is
 * ambiguous (第三条 or list item (三)); `bareIsArticle` decides it, from how the rest of the sheet is written.
 */
export function parseClauseNumber(raw: string, bareIsArticle: boolean): ClauseNumber | null {
  const s = toHalfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/[.。、]$/, '');
  let m = articleForm.exec(s);
  if (m) {
    const article = parseChineseNumber(m[1] as string);
    const item = m[2] === undefined ? null : parseChineseNumber(m[2]);
    if (!article || item === 0 || (m[2] !== undefined && item === null)) return null;
    return clause(item ? [article, item] : [article], true);
  }
  m = listForm.exec(s);
  if (m) {
    const n = parseChineseNumber((m[1] ?? m[2]) as string);
    return n ? clause([n], false) : null;
  }
  if (/^\d+(?:\.\d+)+$/.test(s)) {
    const numbers = s.split('.').map(Number);
    if (numbers.some((n) => n === 0)) return null;
    // Three levels (mines: part.item.subitem) have no 条/项 names we could write for them; keep the number as written.
    return numbers.length === 2 ? clause(numbers, true) : { numbers, article: null, item: s, hasArticle: true };
  }
  const bare = parseChineseNumber(s);
  if (bare) return bareIsArticle ? clause([bare], true) : clause([bare], false);
  return null;
}

function clause(numbers: number[], asArticle: boolean): ClauseNumber {
  const [first, second] = numbers as [number, number?];
  if (!asArticle) return { numbers, article: null, item: `（${toChineseNumber(first)}）`, hasArticle: false };
  return {
    numbers,
    article: `第${toChineseNumber(first)}条`,
    item: second ? `（${toChineseNumber(second)}）` : null,
    hasArticle: true,
  };
}

/** Whether a sheet's clause column is written with articles (第X条, X.Y): then bare numbers are whole articles. */
export function clausesUseArticles(clauses: readonly string[]): boolean {
  return clauses.some((c) => parseClauseNumber(c, false)?.hasArticle === true);
}
