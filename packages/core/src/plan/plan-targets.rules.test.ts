import { describe, expect, it } from 'vitest';
import { extractTargets } from './plan-targets.rules.ts';

const keys = (text: string, scope: number | null = null) =>
  extractTargets(text, scope).map((t) => `${t.value}${t.unit}${t.op ?? ''}@${t.year}`);

describe('targets (FORMAT.md › Targets)', () => {
  it.each([
    ['民爆销售企业二级标准化达标率达到100%', ['100%@null']],
    ['专业监管力量不低于75%的要求', ['75%>=@null']],
    ['全年生产安全事故死亡人数同比持续下降3%', ['3%@null']],
    ['建设农村公路生命防护工程50公里', ['50公里@null']],
    ['完成不少于10台老旧住宅电梯安全评估', ['10台>=@null']],
    ['新建2家公共安全体验馆', ['2家@null']],
    ['开展2次烟花爆竹生产经营专项安全检查', ['2次@null']],
    ['行政处罚金额500元以上', ['500元>=@null']],
    ['新推广安装联网型独立式感烟火灾探测报警器12000户', ['12000户@null']],
    ['开展专项检查100余次', ['100次@null']],
    ['创建3个以上安全示范村', ['3个>=@null']],
    ['推动生产经营单位至少组织开展1次全员应急疏散逃生演练（高危行业领域企业每半年至少1次）', ['1次>=@null']],
  ])('records %s', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it.each([
    '主要负责人每季度带队检查至少1次（高危行业领域每月至少1次）',
    '运用系统摸清餐饮、商超等12类小场所风险底数',
    '聚焦学校安全等17个方面',
    '具体研究部署30人以上场所的安全防范',
    '鼓励从业人员3000人以上的企业建设安全体验馆',
    '定期组织3个专项办公室会商研判',
    '严查危险货物运输车辆凌晨2至5时上路通行行为',
    '以安全生产“12350”举报投诉中心为载体',
    '大力实施《评估规范》（DB/T1217-2022）',
    '实现全覆盖、零死亡',
  ])('does not record %s', (text) => {
    expect(keys(text)).toEqual([]);
  });

  it('one number for several rates gives one item per rate, with the same raw', () => {
    const t = extractTargets('做到重点企业信息录入率、执法人员信息录入率、线上执法率、监管行业覆盖率100%', 2023);
    expect(t.map((x) => x.metric)).toEqual(['重点企业信息录入率', '执法人员信息录入率', '线上执法率', '监管行业覆盖率']);
    expect(new Set(t.map((x) => x.raw)).size).toBe(1);
    expect(t.every((x) => x.value === 100 && x.unit === '%' && x.year === 2023)).toBe(true);
  });

  it('year: the milestone or deadline year of the sentence, else the annual scope', () => {
    expect(keys('2024年，“四不”演练占比达到40%。2025年，“四不”演练占比达到50%。', null)).toEqual(['40%@2024', '50%@2025']);
    expect(keys('2024年底前，新安装报警器12000户。', null)).toEqual(['12000户@2024']);
    expect(keys('推动重大事故隐患立案率100%', 2024)).toEqual(['100%@2024']);
  });
});
