import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from './criteria.contract.ts';
import { shippedCriteriaSets } from './criteria.data.ts';
import {
  applicableCriteriaSets,
  checkGradingCitations,
  citationWarnings,
  criteriaSetStateAt,
  criteriaSetsInForce,
  criterionWording,
  findCriterion,
  formatCitation,
  unverifiedCitationWarning,
} from './criteria.rules.ts';

const set = (id: string) => shippedCriteriaSets.find((s) => s.id === id) as CriteriaSet;
const ids = (sets: readonly CriteriaSet[]) => sets.map((s) => s.id);
const ref = (code: string) => findCriterion(code, shippedCriteriaSets)!;
const grade = (g: 'general' | 'major', citations: string[], foundOn = '2026-11-30') =>
  checkGradingCitations({ grade: g, citations, foundOn, sets: shippedCriteriaSets });

describe('criteriaSetStateAt', () => {
  it('房屋市政 2022版 applies to hazards found before 2024-12-13, 2024版 from that day (建质规〔2024〕5号 第十八条)', () => {
    expect(criteriaSetStateAt(set('fangwu-shizheng-2022'), '2024-12-12')).toBe('inForce');
    expect(criteriaSetStateAt(set('fangwu-shizheng-2022'), '2024-12-13')).toBe('repealed');
    expect(criteriaSetStateAt(set('fangwu-shizheng-2024'), '2024-12-12')).toBe('notYetEffective');
    expect(criteriaSetStateAt(set('fangwu-shizheng-2024'), '2024-12-13')).toBe('inForce');
  });

  it('煤矿 令第21号 is in force from 2026-07-01', () => {
    expect(criteriaSetStateAt(set('meikuang-2026'), '2026-06-30')).toBe('notYetEffective');
    expect(ids(criteriaSetsInForce(shippedCriteriaSets, '2026-07-01'))).toContain('meikuang-2026');
  });

  it('a superseded set without a repeal date counts as repealed', () => {
    expect(criteriaSetStateAt({ effective: '2020-01-01', status: 'retired' }, '2025-01-01')).toBe('repealed');
  });
});

describe('applicableCriteriaSets', () => {
  it('gives a 工贸 enterprise the 工贸 standard, through its sector or the 工贸 umbrella', () => {
    expect(ids(applicableCriteriaSets({ domains: ['machinery'], flags: [] }, shippedCriteriaSets))).toEqual(['gongmao-2023']);
    expect(ids(applicableCriteriaSets({ domains: ['industryTrade'], flags: [] }, shippedCriteriaSets))).toEqual(['gongmao-2023']);
  });

  it('brings in the 工贸 standard by a 四涉 flag (涉爆粉尘) even without a 工贸 domain', () => {
    expect(ids(applicableCriteriaSets({ domains: ['smallVenue'], flags: ['dustExplosion'] }, shippedCriteriaSets))).toEqual([
      'gongmao-2023',
    ]);
  });

  it('gives a construction site the 2024版 today and the 2022版 for a hazard found in 2023', () => {
    const site = { domains: ['construction'], flags: [] };
    expect(ids(applicableCriteriaSets(site, shippedCriteriaSets))).toEqual(['fangwu-shizheng-2024']);
    expect(ids(applicableCriteriaSets(site, shippedCriteriaSets, { at: '2023-03-01' }))).toEqual(['fangwu-shizheng-2022', 'gb35181-2017']);
  });

  it('applies GB 35181 (重大火灾隐患) to every enterprise while it is in force', () => {
    const shop = { domains: ['commerce'], flags: [] };
    expect(ids(applicableCriteriaSets(shop, shippedCriteriaSets, { at: '2025-10-31' }))).toEqual(['gongmao-2023', 'gb35181-2017']);
    expect(ids(applicableCriteriaSets(shop, shippedCriteriaSets, { at: '2025-11-01' }))).toEqual(['gongmao-2023']);
  });

  it('gives mines both mine standards and gas operators the 燃气 standard', () => {
    expect(ids(applicableCriteriaSets({ domains: ['mining'], flags: [] }, shippedCriteriaSets))).toEqual([
      'meikuang-2026',
      'feimei-kuangshan-2022',
    ]);
    expect(ids(applicableCriteriaSets({ domains: ['cityGas'], flags: [] }, shippedCriteriaSets))).toEqual(['ranqi-2023']);
  });
});

describe('checkGradingCitations', () => {
  it('accepts a 重大 hazard citing a verified item in force, without warnings (应急管理部令第10号 第十一条（三）)', () => {
    const r = grade('major', ['gongmao-2023/11.3']);
    expect(r).toMatchObject({ ok: true, errors: [], warnings: [] });
    expect(r.cited.map((c) => c.item.code)).toEqual(['gongmao-2023/11.3']);
  });

  it('refuses a 重大 grading without a citation (安全生产法 第一百一十八条: graded by the 判定标准)', () => {
    expect(grade('major', [])).toMatchObject({ ok: false, errors: ['判定为重大事故隐患须引用至少 1 条隐患发现时施行的判定标准条款'] });
  });

  it('refuses items of a set not in force when the hazard was found, naming the replacement', () => {
    expect(grade('major', ['fangwu-shizheng-2022/11'], '2025-03-01').errors).toEqual([
      '“fangwu-shizheng-2022/11”：《房屋市政工程生产安全重大事故隐患判定标准（2022版）》（建质规〔2022〕2号）已于 2024-12-13 废止，' +
        '已由《房屋市政工程生产安全重大事故隐患判定标准（2024版）》（建质规〔2024〕5号）替代，不能用于 2025-03-01 发现的隐患',
    ]);
    expect(grade('major', ['meikuang-2026/3.2'], '2026-06-01').errors[0]).toContain('自 2026-07-01 起施行');
    expect(grade('major', ['gongmao-2023/99.1']).errors).toEqual(['判定依据“gongmao-2023/99.1”不在判定标准库中']);
  });

  it('lets a superseded set be cited for a hazard found before its replacement, with the 待核对 warning', () => {
    const r = grade('major', ['fangwu-shizheng-2022/11'], '2024-06-01');
    expect(r.ok).toBe(true);
    expect(r.warnings[0]).toBe(
      '“fangwu-shizheng-2022/11”待核对：官方原文尚未核对（现有文本来自非官方副本、解读材料或二手资料），摘要由本系统编写，不是官方原文。' +
        '引用前须对照《房屋市政工程生产安全重大事故隐患判定标准（2022版）》原文核实。',
    );
  });

  it('refuses citations on a 一般 hazard: a hazard matching a listed 情形 “应当判定为重大事故隐患”', () => {
    expect(grade('general', ['gongmao-2023/11.3']).ok).toBe(false);
    expect(grade('general', []).ok).toBe(true);
  });

  it('warns on 通则, 兜底, narrower items and set-wide cautions, once per set', () => {
    const r = grade('major', ['gongmao-2023/14', 'ranqi-2023/10', 'ranqi-2023/9.4', 'meikuang-2026/3.5']);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      '“gongmao-2023/14”为通则：请同时引用失效或无效装置所对应的具体情形条款。',
      '“ranqi-2023/10”为兜底条款：须在隐患描述中写明严重违法的事实，以及可能导致群死群伤或重大经济损失的现实危险。',
      '“ranqi-2023/9.4”：仅当燃气经营者入户安全检查发现该情形、且未按规定书面告知用户整改时，才对燃气经营者构成重大隐患；不能直接套用于燃气用户。',
      '《煤矿重大事故隐患判定标准》：第三条只列 17 个方面；判定时须对照第四至二十条的具体情形（本库尚未收录），并在隐患描述中写明所依据的情形。',
    ]);
  });
});

describe('wording and citations', () => {
  it('shows our summary labelled as not official until official text is stored and checked', () => {
    expect(criterionWording(ref('gongmao-2023/11.3').item)).toEqual({
      text: '干式除尘系统没有泄爆、惰化、抑爆中任何一种爆炸防控措施',
      official: false,
      label: '摘要（本系统编写，非官方原文）',
    });
    expect(criterionWording({ summary: 's', text: '官方', verification: 'verified' })).toMatchObject({ official: true, label: '官方原文' });
    expect(criterionWording({ summary: 's', text: '官方', verification: 'unverified' }).official).toBe(false);
  });

  it('warns on every U item of GB 35181-2017 that nothing was verified', () => {
    const { item, set: s } = ref('gb35181-2017/6.5');
    expect(unverifiedCitationWarning(item, s)).toContain('条款内容和编号均未经核实');
    expect(unverifiedCitationWarning(ref('gongmao-2023/3.1').item, s)).toBeNull();
    expect(citationWarnings(ref('gb35181-2017/6.5'))).toHaveLength(2);
  });

  it('formats the citation the way a record names its basis', () => {
    const c = ref('gongmao-2023/11.3');
    expect(formatCitation(c.item, c.set)).toBe('《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条（三）');
    const flat = ref('huagong-2017/12');
    expect(formatCitation(flat.item, flat.set)).toBe(
      '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》（安监总管三〔2017〕121号（附件1））（十二）',
    );
    const fire = ref('gb35181-2017/6.5');
    expect(formatCitation(fire.item, fire.set)).toBe('《重大火灾隐患判定方法》（GB 35181-2017）6.5');
  });
});
