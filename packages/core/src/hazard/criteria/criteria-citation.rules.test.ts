import { describe, expect, it } from 'vitest';
import { shippedCriteriaSets } from './criteria.data.ts';
import { citeCriteria, clerkCitation } from './criteria-citation.rules.ts';

describe('citations as a clerk writes them (工贸企业重大事故隐患判定标准 应急管理部令第10号)', () => {
  it('cites 第十一条第（八）项, never the internal code gongmao-2023/11.8', () => {
    expect(citeCriteria(['gongmao-2023/11.8'], shippedCriteriaSets)).toEqual(['《工贸企业重大事故隐患判定标准》第十一条第（八）项']);
  });

  it('cites a whole article, a flat list item, a numbered clause of a standard, and says when the library lacks a code', () => {
    const set = { title: '某判定标准' };
    expect(clerkCitation({ article: '第三条', item: null }, set)).toBe('《某判定标准》第三条');
    expect(clerkCitation({ article: null, item: '（一）' }, set)).toBe('《某判定标准》第（一）项');
    expect(clerkCitation({ article: '6 直接判定要素', item: '6.1' }, set)).toBe('《某判定标准》第6.1条');
    expect(citeCriteria(['huagong-2017/1'], shippedCriteriaSets)[0]).toMatch(/^《化工和危险化学品.*》第（一）项$/);
    expect(citeCriteria(['nope/1'], shippedCriteriaSets)).toEqual(['判定标准条款（nope/1，标准库未收录）']);
  });
});
