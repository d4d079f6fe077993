import { describe, expect, it } from 'vitest';
import { reportSettings } from './report.settings.ts';
import { chooseDuplicateOf, comparableText, isSameMatter, sameMatterSimilarity, textSimilarity } from './report-duplicate.rules.ts';

// Settings `report.duplicateDays` (30) and `report.duplicateSimilarity` (0.45): 本地做法, report.settings.ts.
const config = reportSettings.defaults;
const concealed1 = '上个月三号车间有工人被机器轧伤死亡，老板私了没有上报';
const concealed2 = '三号车间上个月死了一个工人，被机器轧的，老板赔钱私了没报';
const blocked1 = '厂区东侧仓库消防通道被货物堵死，灭火器已经过期好几个月了';
const blocked2 = '东边仓库的消防通道堆满了货物，堵死了，灭火器也过期了';
const helmets = '工人在车间没有戴安全帽，叉车司机没有证';

const report = (over: Partial<Parameters<typeof isSameMatter>[0]> = {}) => ({
  enterpriseId: 7,
  regionCode: '330110101201',
  place: null,
  description: concealed1,
  receivedAt: '2026-03-01T02:00:00.000Z',
  ...over,
});

describe('text similarity: Dice coefficient of character bigrams (report.duplicateSimilarity)', () => {
  it('ignores spaces, punctuation and case', () => {
    expect(comparableText('消防通道 堵塞。A！')).toBe('消防通道堵塞a');
    expect(textSimilarity('消防通道堵塞。', '消防通道 堵塞')).toBe(1);
  });
  it('the same matter told twice in other words scores above the default 0.45; another problem near 0', () => {
    expect(textSimilarity(concealed1, concealed2)).toBeGreaterThan(0.5);
    expect(textSimilarity(concealed1, helmets)).toBeLessThan(0.2);
    expect(textSimilarity(blocked1, helmets)).toBe(0);
  });
  it('is symmetric, 1 for equal texts, 0 when one text has no bigram', () => {
    expect(textSimilarity(blocked1, blocked2)).toBeCloseTo(textSimilarity(blocked2, blocked1), 10);
    expect(textSimilarity(blocked1, blocked1)).toBe(1);
    expect(textSimilarity('火', '火')).toBe(0);
  });
});

describe('isSameMatter: same enterprise or same village and place, within duplicateDays, similar text', () => {
  it('the same enterprise, similar text, days apart → the same matter', () => {
    expect(isSameMatter(report(), report({ description: concealed2, receivedAt: '2026-03-10T08:00:00.000Z' }), config)).toBe(true);
  });
  it('a different problem at the same enterprise is not', () => {
    expect(isSameMatter(report(), report({ description: helmets }), config)).toBe(false);
  });
  it('outside the window (30 days by default) is not; the window is the setting', () => {
    const later = report({ description: concealed2, receivedAt: '2026-03-31T02:00:01.000Z' });
    expect(isSameMatter(report(), report({ description: concealed2, receivedAt: '2026-03-31T02:00:00.000Z' }), config)).toBe(true);
    expect(isSameMatter(report(), later, config)).toBe(false);
    expect(isSameMatter(report(), later, { ...config, duplicateDays: 31 })).toBe(true);
  });
  it('another enterprise is not, however alike the text', () => {
    expect(isSameMatter(report(), report({ enterpriseId: 8, description: concealed1 }), config)).toBe(false);
  });
  it('without an enterprise: the same village and a similar place', () => {
    const a = report({ enterpriseId: null, place: '东村村口废品收购站', description: blocked1 });
    expect(isSameMatter(a, { ...a, place: '东村村口的废品收购站', description: blocked1 }, config)).toBe(true);
    expect(isSameMatter(a, { ...a, place: '西头小学门口', description: blocked1 }, config)).toBe(false);
    expect(isSameMatter(a, { ...a, regionCode: '330110101202', description: blocked1 }, config)).toBe(false);
    expect(isSameMatter(a, { ...a, place: null }, config)).toBe(false);
  });
  it('a paraphrase below the default threshold links when the township lowers it', () => {
    const a = report({ description: blocked1 });
    const b = report({ description: blocked2 });
    expect(sameMatterSimilarity(a, b, config)).toBeNull();
    expect(sameMatterSimilarity(a, b, { ...config, duplicateSimilarity: 0.4 })).toBeGreaterThan(0.4);
  });
});

describe('chooseDuplicateOf: the first report of the matter, never a duplicate', () => {
  const first = { ...report(), id: 1, duplicateOfId: null };
  const second = { ...report({ description: concealed2, receivedAt: '2026-03-02T02:00:00.000Z' }), id: 2, duplicateOfId: 1 };
  const other = { ...report({ description: helmets }), id: 3, duplicateOfId: null };
  it('links to the original even when the closest match is itself a duplicate', () => {
    const incoming = report({ description: concealed2, receivedAt: '2026-03-05T02:00:00.000Z' });
    expect(chooseDuplicateOf(incoming, [second, other], config)).toEqual({ id: 1, similarity: 1, matchedId: 2 });
    expect(chooseDuplicateOf(incoming, [first, second, other], config)?.id).toBe(1);
  });
  it('none when nothing matches', () => {
    expect(chooseDuplicateOf(report({ description: '配电房门口堆放易燃物品，电线乱拉' }), [first, second, other], config)).toBeNull();
  });
});
