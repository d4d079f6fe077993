/**
 * Matching the unit names a plan prints (应急办, 应急管理办, 镇应急办, 村镇规划建设办 …) to the township's member units,
 * by name, short name and aliases. Plans name the same office many ways (seed 003 alone: 应急管理办, 镇应急管理办,
 * 应急办理); the clerk confirms the ranked suggestions once per plan.
 */

export interface MatchableUnit {
  id: number;
  name: string;
  shortName: string | null;
  aliases: readonly string[];
}

export interface UnitSuggestion {
  unitId: number;
  name: string;
  score: number;
}

/** What a printed name stands for before anyone confirms it. */
export type UnitMatch =
  | { kind: 'unit'; unitId: number; sure: boolean }
  | { kind: 'villages' }
  | { kind: 'collective' }
  | { kind: 'unknown' };

/** A match this good is taken without asking (an exact name, short name or alias after normalising). */
export const SURE_MATCH = 0.95;
/** Suggestions below this are noise. */
export const MIN_SUGGESTION = 0.45;

const PUNCTUATION = /[\s\u3000·•、，,。.;；:：“”"'‘’()（）[\]【】《》<>〈〉-]/gu;
const SUFFIXES = ['办公室', '办事处', '中心', '办', '所', '站', '局'];

/**
 * The comparable core of a unit name: without spaces and punctuation, without the township's own name or a leading
 * 镇/乡/街道 (示例镇应急管理办公室 → 应急管理办公室 → 应急管理), without the office suffix (办公室/办/所/站/中心/局).
 */
export function normaliseUnitName(name: string, placeNames: readonly string[] = []): string {
  let s = name.replace(PUNCTUATION, '');
  for (const place of [...placeNames].sort((a, b) => b.length - a.length)) {
    if (place && s.startsWith(place) && s.length > place.length + 1) s = s.slice(place.length);
  }
  s = s.replace(/^(镇|乡|街道)(?=..)/u, '');
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length > suffix.length + 1) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s;
}

/** The township's name in the forms plans use: 示例镇 → 示例镇, 示例; 城关街道 → 城关街道, 城关. */
export function placeNamesOf(regionNames: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of regionNames) {
    if (!n) continue;
    out.add(n);
    const bare = n.replace(/(镇|乡|街道|街道办事处|县|市|区)$/u, '');
    if (bare.length >= 2) out.add(bare);
  }
  return [...out];
}

function lcsLength(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j] as number;
      row[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(row[j] as number, row[j - 1] as number);
      prev = keep;
    }
  }
  return row[b.length] as number;
}

/**
 * Similarity 0–1 of two normalised names: 1 when equal; high when one is the other with characters left out
 * (应急 ⊂ 应急管理, 市场监管 ⊂ 市场监督管理); otherwise the share of characters in common, in order (应急办理 ~ 应急管理).
 */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const common = lcsLength(a, b);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (common === short.length) return 0.7 + 0.25 * (short.length / long.length);
  return (0.8 * 2 * common) / (a.length + b.length);
}

/** Every form a unit goes by. */
function formsOf(u: MatchableUnit): string[] {
  return [u.name, u.shortName ?? '', ...u.aliases].filter(Boolean);
}

/** Ranked suggestions for one printed name (best first, at most `limit`). */
export function suggestUnits(
  name: string,
  units: readonly MatchableUnit[],
  opts: { placeNames?: readonly string[]; limit?: number } = {},
): UnitSuggestion[] {
  const places = opts.placeNames ?? [];
  const target = normaliseUnitName(name, places);
  const raw = name.replace(PUNCTUATION, '');
  const scored = units.map((u) => {
    let score = 0;
    for (const form of formsOf(u)) {
      const exact = form.replace(PUNCTUATION, '') === raw;
      score = Math.max(score, exact ? 1 : nameSimilarity(target, normaliseUnitName(form, places)));
    }
    return { unitId: u.id, name: u.name, score: Math.round(score * 100) / 100 };
  });
  return scored
    .filter((s) => s.score >= MIN_SUGGESTION)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, opts.limit ?? 5);
}

/** 各村, 各村（社区）, 各村（居）, 村（社区）: the task falls to every village of the township. */
export function isAllVillages(name: string): boolean {
  const s = name.replace(/\s/gu, '').replace(/\(/gu, '（').replace(/\)/gu, '）');
  return /^(各|全体|所有)(行政)?村(（(社区|居|居委会)）|[、/]?社区|居|委会)?$/u.test(s);
}

/** 镇安委会各成员单位, 有关部门: a group, not one unit to track. */
export function isCollectiveName(name: string): boolean {
  return /^(各|全体|所有|其他|其它|其余)|有关|相关|各成员单位|成员单位$/u.test(name);
}

/**
 * What a printed name most likely stands for: every village, a collective (not tracked), a unit (sure when the best
 * suggestion is an exact form and no other is as good), or unknown.
 */
export function matchUnitName(name: string, suggestions: readonly UnitSuggestion[]): UnitMatch {
  if (isAllVillages(name)) return { kind: 'villages' };
  if (isCollectiveName(name)) return { kind: 'collective' };
  const [best, second] = suggestions;
  if (!best) return { kind: 'unknown' };
  const sure = best.score >= SURE_MATCH && (second === undefined || second.score < best.score);
  return { kind: 'unit', unitId: best.unitId, sure };
}
