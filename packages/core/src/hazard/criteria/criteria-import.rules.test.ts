import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from './criteria.contract.ts';
import { shippedCriteriaSets } from './criteria.data.ts';
import { parseCriteriaSetJson, planCriteriaSetImport } from './criteria-import.rules.ts';

/** A new set written the way the research files are: Chinese domain and flag names, kebab kinds, no 核对状态. */
const researchStyle = {
  id: 'tezhong-2024',
  title: '特种设备重大事故隐患判定准则',
  issuer: '国家市场监督管理总局',
  docNumber: 'GB 45067-2024',
  effective: '2025-04-01',
  sources: ['https://openstd.samr.gov.cn/'],
  items: [
    {
      code: '4.1',
      article: '4.1',
      item: null,
      group: '通用',
      summary: '使用未取得许可生产、未经检验或检验不合格的特种设备',
      keywords: ['未检验', '特种设备'],
      domains: ['特种设备'],
      flags: [],
      confidence: 'V',
      source: 'GB 45067-2024 4.1',
    },
    {
      code: 'tezhong-2024/4.2',
      article: '4.2',
      item: null,
      summary: '（示例）起重机械安全保护装置失效',
      domains: ['特种设备', '工贸'],
      flags: ['有限空间'],
      kind: 'catch-all',
      confidence: 'p',
      source: 'GB 45067-2024 4.2',
    },
  ],
};

const failures = (input: unknown) => {
  const r = parseCriteriaSetJson(input);
  return r.success ? [] : r.errors.map((e) => e.message);
};

describe('parseCriteriaSetJson', () => {
  it('reads Chinese names into codes, prefixes bare codes, and derives 核对状态 from 可信度', () => {
    const r = parseCriteriaSetJson(JSON.stringify(researchStyle));
    expect(r.success).toBe(true);
    const set = (r as { set: CriteriaSet }).set;
    expect(set.status).toBe('current');
    expect(set.domains).toEqual(['specialEquipment', 'industryTrade']);
    expect(set.items.map((c) => [c.code, c.group, c.domains, c.flags, c.kind, c.confidence, c.verification])).toEqual([
      ['tezhong-2024/4.1', '通用', ['specialEquipment'], [], undefined, 'V', 'verified'],
      ['tezhong-2024/4.2', '4.2', ['specialEquipment', 'industryTrade'], ['confinedSpace'], 'catchAll', 'P', 'unverified'],
    ]);
  });

  it.each(shippedCriteriaSets.map((s) => [s.id, s] as const))('round-trips the shipped set %s', (_id, set) => {
    expect(parseCriteriaSetJson(JSON.stringify(set))).toEqual({ success: true, set });
  });

  it('names the field and the item in Chinese for every problem', () => {
    const bad = {
      ...researchStyle,
      effective: '2025/4/1',
      status: '已被替代',
      sources: [],
      items: [
        { ...researchStyle.items[0], domains: ['化工行业'] },
        { ...researchStyle.items[0], confidence: 'P', verification: '已核对', text: '原文' },
        { ...researchStyle.items[0], code: 'other-2024/4.1', confidence: undefined },
      ],
    };
    expect(failures(bad)).toEqual([
      '施行日期：应为日期，如 2023-05-15',
      '来源：请至少填写一个来源',
      '第 1 条条款（4.1）的适用领域：无法识别“化工行业”，应为系统中的行业领域，如 机械、城镇燃气',
      '第 3 条条款（other-2024/4.1）的可信度：必填',
    ]);
  });

  it('checks the rules between fields once the fields are right', () => {
    const set = shippedCriteriaSets.find((s) => s.id === 'ranqi-2023') as CriteriaSet;
    const [first, second] = set.items as [CriteriaSet['items'][number], CriteriaSet['items'][number]];
    expect(
      failures({
        ...set,
        status: 'superseded',
        items: [
          { ...first, confidence: 'P' },
          { ...second, code: first.code, text: '（官方原文）', verification: 'unverified' },
          { ...second, code: 'gongmao-2023/4.2' },
        ],
      }),
    ).toEqual([
      '被替代为：已被替代的标准须填写替代它的标准编号',
      '废止日期：已被替代或已废止的标准须填写废止日期',
      '第 1 条条款（ranqi-2023/4.1）的核对状态：只有可信度为 V（已核实原文）的条款才能标为已核对',
      '第 2 条条款（ranqi-2023/4.1）的官方原文：待核对的条款不能填写官方原文：对照官方文本核实后将可信度设为 V',
      '第 2 条条款（ranqi-2023/4.1）的条款编号：与第 1 条条款编号重复',
      '第 3 条条款（gongmao-2023/4.2）的条款编号：应以本标准编号“ranqi-2023/”开头',
    ]);
  });

  it('says so when the file is not JSON or not a set', () => {
    expect(failures('{"id": "x",')).toEqual(['不是有效的 JSON 文件，请检查括号、引号和逗号']);
    expect(failures([])[0]).toBe('导入内容：应为对象');
  });
});

describe('planCriteriaSetImport', () => {
  const library = shippedCriteriaSets;
  const fangwu2024 = library.find((s) => s.id === 'fangwu-shizheng-2024') as CriteriaSet;

  it('marks the replaced version superseded from the new version’s effective date', () => {
    const next: CriteriaSet = {
      ...fangwu2024,
      id: 'fangwu-shizheng-2027',
      effective: '2027-01-01',
      replaces: 'fangwu-shizheng-2024',
      items: [],
    };
    expect(planCriteriaSetImport(next, library)).toEqual({
      errors: [],
      mode: 'create',
      removedCodes: [],
      supersede: { id: 'fangwu-shizheng-2024', supersededBy: 'fangwu-shizheng-2027', repealedOn: '2027-01-01' },
    });
  });

  it('refuses to replace an unknown, already replaced, or later set', () => {
    const next = (replaces: string, effective = '2027-01-01') => ({ ...fangwu2024, id: 'x-2027', effective, replaces }) as CriteriaSet;
    expect(planCriteriaSetImport(next('nope'), library).errors).toEqual(['替代的标准：库中没有编号为“nope”的判定标准']);
    expect(planCriteriaSetImport(next('fangwu-shizheng-2022'), library).errors[0]).toContain('已被“fangwu-shizheng-2024”替代');
    expect(planCriteriaSetImport(next('fangwu-shizheng-2024', '2024-01-01'), library).errors[0]).toContain('新版本应晚于');
  });

  it('reports an update of an existing id with the codes it would drop', () => {
    const trimmed = { ...fangwu2024, items: fangwu2024.items.filter((c) => c.code !== 'fangwu-shizheng-2024/17') };
    expect(planCriteriaSetImport(trimmed, library)).toMatchObject({ mode: 'update', removedCodes: ['fangwu-shizheng-2024/17'] });
  });
});
