import { describe, expect, it } from 'vitest';
import { shippedCriteriaSets } from './criteria.data.ts';
import { buildCriteriaIndex, suggestCriteria } from './criteria-match.rules.ts';

const index = buildCriteriaIndex(shippedCriteriaSets);
const top = (text: string, opts: { domains?: string[]; flags?: string[]; at?: string } = {}) =>
  suggestCriteria({ text, sets: index, limit: 3, ...opts }).map((s) => s.item.code);

/** 工贸 enterprise of the 机械 sector with the 有限空间 flag, as the registry would describe it. */
const machineryShop = { domains: ['machinery'], flags: ['confinedSpace'] };

describe('suggestCriteria — realistic hazard descriptions', () => {
  it('gongmao-2023/11.3 粉尘爆炸: 干式除尘系统无泄爆、惰化、抑爆措施 (应急管理部令第10号 第十一条（三）)', () => {
    const [first] = suggestCriteria({ text: '粉尘爆炸危险场所除尘系统未采用泄爆措施', sets: index });
    expect(first?.item.code).toBe('gongmao-2023/11.3');
    expect(first?.matched).toEqual(expect.arrayContaining(['泄爆', '除尘']));
    expect(top('粉尘爆炸危险场所除尘系统未采用泄爆措施')).toEqual(['gongmao-2023/11.3', 'gongmao-2023/11.2', 'gongmao-2023/11.1']);
  });

  it('ranqi-2023/9.4 城镇燃气: 用户使用明令淘汰的燃具、连接管 (建城规〔2023〕4号 第九条（四）)', () => {
    expect(top('燃气用户使用不合格的连接软管')[0]).toBe('ranqi-2023/9.4');
  });

  it('fangwu-shizheng-2024/5.3 深基坑无第三方监测 (建质规〔2024〕5号 第五条（三）), not the superseded 2022版', () => {
    const codes = top('深基坑未按规定进行监测');
    expect(codes[0]).toBe('fangwu-shizheng-2024/5.3');
    expect(codes.some((c) => c.startsWith('fangwu-shizheng-2022/'))).toBe(false);
  });

  it('gongmao-2023/13.2 有限空间: 未先通风、再检测、后作业 (应急管理部令第10号 第十三条（二）) for a 工贸 enterprise', () => {
    expect(top('有限空间作业未进行通风检测', machineryShop)[0]).toBe('gongmao-2023/13.2');
    // Without the enterprise, 工贸 and 房屋市政 say nearly the same: both lead.
    expect(top('有限空间作业未进行通风检测').slice(0, 2).sort()).toEqual(['fangwu-shizheng-2024/11.2', 'gongmao-2023/13.2']);
  });

  it('fangwu-shizheng-2024/11.2 有限空间 (建质规〔2024〕5号 第十一条（二）) ranks first on a construction site', () => {
    expect(top('有限空间作业未进行通风检测', { domains: ['construction'] })[0]).toBe('fangwu-shizheng-2024/11.2');
  });

  it('gongmao-2023/7.7 vs 8.6 喷漆室缺可燃气体报警 (第七条（七）机械 / 第八条（六）轻工): the enterprise’s sector decides', () => {
    expect(top('喷漆房没有安装可燃气体报警器', { domains: ['machinery'] })[0]).toBe('gongmao-2023/7.7');
    expect(top('喷漆房没有安装可燃气体报警器', { domains: ['lightIndustry'] })[0]).toBe('gongmao-2023/8.6');
  });

  it('a 工贸 umbrella tag counts as every 工贸 sector: gongmao-2023/3.2 特种作业人员无证上岗 (第三条（二）)', () => {
    expect(top('特种作业人员无证上岗', { domains: ['industryTrade'] })[0]).toBe('gongmao-2023/3.2');
    expect(top('特种作业人员无证上岗', { domains: ['construction'] })[0]).toBe('fangwu-shizheng-2024/4.3');
  });

  it.each([
    ['塔吊力矩限制器失效', 'fangwu-shizheng-2024/8.4'],
    ['速冻间内同时作业人员超过9人', 'gongmao-2023/12.2'],
    ['井下瓦斯浓度超限仍然组织作业', 'meikuang-2026/3.2'],
    ['烟花爆竹工房内药量超过核定药量', 'yanhua-2017/5'],
    ['化工装置可燃气体泄漏场所未设检测报警', 'huagong-2017/12'],
    ['铝镁粉尘采用正压吹送除尘', 'gongmao-2023/11.4'],
    ['燃气未加臭', 'ranqi-2023/8'],
  ])('“%s” → %s', (text, code) => {
    expect(top(text)[0]).toBe(code);
  });
});

describe('suggestCriteria — sets and dates', () => {
  it('leaves superseded sets out by default and takes the sets in force on the discovery date', () => {
    expect(top('有限空间作业未审批未通风检测', { domains: ['construction'] })).not.toContain('fangwu-shizheng-2022/11');
    expect(top('有限空间作业未审批未通风检测', { domains: ['construction'], at: '2023-06-01' })[0]).toBe('fangwu-shizheng-2022/11');
  });

  it('suggests GB 35181-2017 elements only for hazards found before 2025-11-01', () => {
    expect(top('人员密集场所安全出口数量不足', { at: '2024-05-01' })[0]).toBe('gb35181-2017/6.5');
    expect(top('人员密集场所安全出口数量不足')).not.toContain('gb35181-2017/6.5');
  });

  it('can be limited to some sets, and returns nothing for an empty description or one no current set covers', () => {
    const codes = suggestCriteria({ text: '特种作业人员无证上岗', sets: index, setIds: ['yanhua-2017'] }).map((s) => s.item.code);
    expect(codes).toEqual(['yanhua-2017/2']);
    expect(suggestCriteria({ text: '', sets: index })).toEqual([]);
    // Fire hazards: GB 35181-2025 is not loaded and the 2017 elements are no longer in force.
    expect(suggestCriteria({ text: '消防通道堵塞', sets: index })).toEqual([]);
  });

  it('uses the shipped sets when none are given, and indexes an array of sets once', () => {
    expect(suggestCriteria({ text: '燃气未加臭', limit: 1 })[0]?.setId).toBe('ranqi-2023');
    expect(suggestCriteria({ text: '燃气未加臭', sets: shippedCriteriaSets, limit: 1 })[0]?.docNumber).toBe('建城规〔2023〕4号');
  });
});

describe('suggestCriteria — speed', () => {
  it('answers over 221 items in well under 5 ms', () => {
    const texts = [
      '粉尘爆炸危险场所除尘系统未采用泄爆措施',
      '燃气用户使用不合格的连接软管',
      '深基坑未按规定进行监测',
      '有限空间作业未进行通风检测',
    ];
    for (const text of texts) suggestCriteria({ text, sets: index });
    const runs = 200;
    const start = performance.now();
    for (let i = 0; i < runs; i++) for (const text of texts) suggestCriteria({ text, ...machineryShop, sets: index });
    const perQuery = (performance.now() - start) / (runs * texts.length);
    expect(perQuery).toBeLessThan(5);
  });
});
