/**
 * Region codes follow the 12-digit statistical division code (统计用区划代码, GB/T 2260 + 国家统计局 extension):
 * PP CC DD TTT VVV — province, city, county, township, village. A grid (网格) has no official code; we give it
 * its village's 12 digits plus a 3-digit grid number, so that a subtree is always a prefix of the code.
 */
export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village' | 'grid';

export const regionLevelLabels: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县（区）',
  township: '乡镇（街道）',
  village: '村（社区）',
  grid: '网格',
};

export const regionLevels: RegionLevel[] = ['province', 'city', 'county', 'township', 'village', 'grid'];

const CODE = /^(\d{12}|\d{15})$/;

export function isRegionCode(code: string): boolean {
  return CODE.test(code);
}

export function regionLevelOf(code: string): RegionLevel {
  if (!isRegionCode(code)) throw new Error(`不是有效的区划代码：${code}`);
  if (code.length === 15) return 'grid';
  if (code.slice(9, 12) !== '000') return 'village';
  if (code.slice(6, 9) !== '000') return 'township';
  if (code.slice(4, 6) !== '00') return 'county';
  if (code.slice(2, 4) !== '00') return 'city';
  return 'province';
}

const prefixLength: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12, grid: 15 };

/** The code prefix shared by a region and everything below it. */
export function regionPrefix(code: string): string {
  return code.slice(0, prefixLength[regionLevelOf(code)]);
}

export function isWithinRegion(code: string, ancestor: string): boolean {
  return code.startsWith(regionPrefix(ancestor));
}

/** The code of the parent a code implies, or null for a province. */
export function impliedParentCode(code: string): string | null {
  const level = regionLevelOf(code);
  switch (level) {
    case 'grid':
      return code.slice(0, 12);
    case 'village':
      return `${code.slice(0, 9)}000`;
    case 'township':
      return `${code.slice(0, 6)}000000`;
    case 'county':
      return `${code.slice(0, 4)}00000000`;
    case 'city':
      return `${code.slice(0, 2)}0000000000`;
    default:
      return null;
  }
}

/** Removes codes already covered by another code in the list (a village inside a listed township). */
export function normaliseRegionScope(codes: readonly string[]): string[] {
  const unique = [...new Set(codes)].sort((a, b) => regionPrefix(a).length - regionPrefix(b).length);
  const kept: string[] = [];
  for (const code of unique) {
    if (!kept.some((k) => isWithinRegion(code, k))) kept.push(code);
  }
  return kept.sort();
}
