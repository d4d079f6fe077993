import { describe, expect, it } from 'vitest';
import {
  isAllVillages,
  isCollectiveName,
  type MatchableUnit,
  matchUnitName,
  nameSimilarity,
  normaliseUnitName,
  placeNamesOf,
  suggestUnits,
} from './plan-tracking-units.rules.ts';

// The demo township's member units (seed-demo.ts), with the short names and aliases the office keeps.
const units: MatchableUnit[] = [
  { id: 1, name: '示例镇应急管理办公室', shortName: '应急办', aliases: ['应急管理办', '镇应急办', '安委办'] },
  { id: 2, name: '示例镇规划建设办公室', shortName: '规划建设办', aliases: ['规建办', '村镇建设办', '规划建设局'] },
  { id: 3, name: '示例县公安局示例镇派出所', shortName: '派出所', aliases: ['镇派出所'] },
  { id: 4, name: '示例镇消防救援站', shortName: '消防救援站', aliases: ['消防站', '专职消防队'] },
  { id: 5, name: '示例镇市场监督管理所', shortName: '市场监管所', aliases: ['市场监管所', '市监所'] },
  { id: 6, name: '示例镇综合行政执法大队', shortName: '综合执法大队', aliases: ['综合执法队', '应急执法中队'] },
];
const places = placeNamesOf(['示例镇', '示例县']);

describe('normaliseUnitName', () => {
  it('drops the township name, a leading 镇/乡/街道 and the office suffix', () => {
    expect(normaliseUnitName('示例镇应急管理办公室', places)).toBe('应急管理');
    expect(normaliseUnitName('镇应急办', places)).toBe('应急');
    expect(normaliseUnitName('应急管理办', places)).toBe('应急管理');
    expect(normaliseUnitName('街道 市场监管所', places)).toBe('市场监管');
    expect(normaliseUnitName('（应急办）', places)).toBe('应急');
  });
  it('keeps short names whole rather than strip them to nothing', () => {
    expect(normaliseUnitName('镇办', places)).toBe('镇办');
    expect(normaliseUnitName('所', places)).toBe('所');
  });
});

describe('suggestUnits (seed 003 names the same office 应急管理办, 镇应急管理办 and 应急办理)', () => {
  it('ranks 示例镇应急管理办公室 first for every spelling of the emergency office', () => {
    for (const name of ['应急办', '应急管理办', '镇应急办', '镇应急管理办', '应急管理办公室', '示例镇应急管理办公室', '应急办理']) {
      const [best] = suggestUnits(name, units, { placeNames: places });
      expect(best?.unitId, name).toBe(1);
    }
  });
  it('scores an exact alias 1 and a loose spelling lower, so only the former is taken without asking', () => {
    expect(suggestUnits('应急管理办', units, { placeNames: places })[0]?.score).toBe(1);
    const loose = suggestUnits('应急办理', units, { placeNames: places })[0];
    expect(loose?.score).toBeLessThan(0.95);
    expect(loose?.score).toBeGreaterThan(0.45);
  });
  it('finds units named in seed 003 by their aliases (劳动街消防站 → 消防救援站, 应急执法中队 → 综合执法大队)', () => {
    expect(suggestUnits('劳动街消防站', units, { placeNames: places })[0]?.unitId).toBe(4);
    expect(suggestUnits('应急执法中队', units, { placeNames: places })[0]).toMatchObject({ unitId: 6, score: 1 });
    expect(suggestUnits('村镇规划建设办', units, { placeNames: places })[0]?.unitId).toBe(2);
    expect(suggestUnits('市场监管所', units, { placeNames: places })[0]).toMatchObject({ unitId: 5, score: 1 });
  });
  it('suggests nothing for a unit the township does not have (交警三中队)', () => {
    expect(suggestUnits('交警三中队', units, { placeNames: places })).toEqual([]);
  });
  it('returns at most `limit` suggestions, best first', () => {
    const list = suggestUnits('办', units, { placeNames: places, limit: 2 });
    expect(list.length).toBeLessThanOrEqual(2);
    for (let i = 1; i < list.length; i++) expect(list[i - 1]?.score).toBeGreaterThanOrEqual(list[i]?.score as number);
  });
});

describe('nameSimilarity', () => {
  it('is 1 for equal names, high for a contained name, lower for a partial overlap', () => {
    expect(nameSimilarity('应急管理', '应急管理')).toBe(1);
    expect(nameSimilarity('应急', '应急管理')).toBeGreaterThan(0.8);
    expect(nameSimilarity('市场监管', '市场监督管理')).toBeGreaterThan(0.85);
    expect(nameSimilarity('应急办理', '应急管理')).toBeLessThan(0.7);
    expect(nameSimilarity('', '应急')).toBe(0);
  });
});

describe('matchUnitName', () => {
  it('reads 各村 / 各村（社区） as every village (seed 003: 各村负责配合落实实施)', () => {
    expect(isAllVillages('各村')).toBe(true);
    expect(isAllVillages('各村（社区）')).toBe(true);
    expect(isAllVillages('各村(社区)')).toBe(true);
    expect(isAllVillages('东村')).toBe(false);
    expect(matchUnitName('各村', [])).toEqual({ kind: 'villages' });
  });
  it('reads 镇安委会有关成员单位 as a group, not a unit (seed 003)', () => {
    expect(isCollectiveName('镇安委会有关成员单位')).toBe(true);
    expect(isCollectiveName('镇安委会各成员单位')).toBe(true);
    expect(matchUnitName('镇安委会有关成员单位', [{ unitId: 1, name: 'x', score: 0.5 }])).toEqual({ kind: 'collective' });
  });
  it('is sure only of a unique exact match', () => {
    expect(matchUnitName('应急办', suggestUnits('应急办', units, { placeNames: places }))).toEqual({ kind: 'unit', unitId: 1, sure: true });
    expect(matchUnitName('应急办理', suggestUnits('应急办理', units, { placeNames: places }))).toEqual({
      kind: 'unit',
      unitId: 1,
      sure: false,
    });
    expect(matchUnitName('交警三中队', [])).toEqual({ kind: 'unknown' });
  });
});
