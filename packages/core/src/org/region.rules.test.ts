import { describe, expect, it } from 'vitest';
import { impliedParentCode, isWithinRegion, normaliseRegionScope, regionLevelOf, regionPrefix } from './region.rules.ts';

describe('region codes (统计用区划代码, 12 digits: 省2 市2 县2 乡3 村3)', () => {
  it('derives the level from the code', () => {
    expect(regionLevelOf('330000000000')).toBe('province');
    expect(regionLevelOf('330100000000')).toBe('city');
    expect(regionLevelOf('330110000000')).toBe('county');
    expect(regionLevelOf('330110101000')).toBe('township');
    expect(regionLevelOf('330110101201')).toBe('village');
    expect(regionLevelOf('330110101201001')).toBe('grid');
  });

  it('rejects codes that are not 12 or 15 digits', () => {
    expect(() => regionLevelOf('33011010')).toThrow(/区划代码/);
    expect(() => regionLevelOf('33011010120A')).toThrow();
  });

  it('uses the prefix of a code as its subtree', () => {
    expect(regionPrefix('330110101000')).toBe('330110101');
    expect(isWithinRegion('330110101201', '330110101000')).toBe(true);
    expect(isWithinRegion('330110102201', '330110101000')).toBe(false);
    expect(isWithinRegion('330110101201001', '330110101201')).toBe(true);
  });

  it('implies the parent code', () => {
    expect(impliedParentCode('330110101201')).toBe('330110101000');
    expect(impliedParentCode('330110101000')).toBe('330110000000');
    expect(impliedParentCode('330110101201003')).toBe('330110101201');
    expect(impliedParentCode('330000000000')).toBeNull();
  });

  it('drops scope codes covered by a wider one', () => {
    expect(normaliseRegionScope(['330110101201', '330110101000', '330110102000'])).toEqual(['330110101000', '330110102000']);
  });
});
