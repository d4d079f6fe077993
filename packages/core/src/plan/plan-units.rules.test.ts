import { describe, expect, it } from 'vitest';
import { findAnnotations, isAnnotation, isCollectiveUnit, parseAnnotation, unitsOf } from './plan-units.rules.ts';

const units = (text: string) => unitsOf(findAnnotations(text));

describe('responsibility annotations (FORMAT.md › Units)', () => {
  it.each([
    ['（应急管理和生态环境局负责）', ['应急管理和生态环境局'], []],
    ['（镇应急办牵头，镇建设办按职责分工负责）', ['镇应急办'], ['镇建设办']],
    [
      '（应急管理办、劳动街消防站分别牵头，镇安委会有关成员单位按职责分工负责；各村负责配合落实实施。）',
      ['应急管理办', '劳动街消防站'],
      ['镇安委会有关成员单位', '各村'],
    ],
    ['〔镇应急办牵头，镇派出所、镇消防站及镇市场监管所分工负责〕', ['镇应急办'], ['镇派出所', '镇消防站', '镇市场监管所']],
    [
      '（责任单位：街道安委会办公室、应急办牵头，街道安委会有关成员单位组织实施；完成时限：2024年8月底前取得明显成效）',
      ['街道安委会办公室', '应急办'],
      ['街道安委会有关成员单位'],
    ],
    ['（责任单位：镇应急办）', ['镇应急办'], []],
    ['（镇各相关部门按职责分工）', [], ['镇各相关部门']],
    ['（消防安全服务中心牵头负责，镇安委会有关成员单位按照职责分工负责）', ['消防安全服务中心'], ['镇安委会有关成员单位']],
    ['(镇安委会各成员单位按职责分工负责)', [], ['镇安委会各成员单位']],
  ])('%s', (text, lead, co) => {
    expect(units(`开展检查。${text}`)).toEqual({ leadUnits: lead, coUnits: co });
  });

  it('A、B等镇安委会有关成员单位按职责分工负责 → named units lead, the collective phrase shares', () => {
    expect(units('（交警三中队、派出所等镇安委会有关成员单位按职责分工负责）')).toEqual({
      leadUnits: ['交警三中队', '派出所'],
      coUnits: ['镇安委会有关成员单位'],
    });
  });

  it('a collective phrase is never a lead unit, even next to 牵头 (settled ambiguity)', () => {
    expect(parseAnnotation('应急管理办、自然资源规划所等镇安委会有关成员单位分别牵头或按职责分工负责')).toEqual({
      leadUnits: ['应急管理办', '自然资源规划所'],
      coUnits: ['镇安委会有关成员单位'],
    });
  });

  it('merges several annotations of one task in order of first appearance', () => {
    expect(units('开展检查。（镇应急办负责）落实整改。（镇应急办、镇建设办负责）')).toEqual({
      leadUnits: ['镇应急办', '镇建设办'],
      coUnits: [],
    });
  });

  it('keeps names verbatim, typos included; a unit broken over a layout line is already joined', () => {
    expect(units('（应急办理、村镇规划建设局、应急执法中队等镇安委会有关成员单位按职责分工负责）').leadUnits).toEqual([
      '应急办理',
      '村镇规划建设局',
      '应急执法中队',
    ]);
  });

  it('reads labelled lines: 牵头单位/配合单位, 责任单位 after a sentence, and skips person labels', () => {
    expect(units('牵头单位：镇应急办；配合单位：各村（社区）')).toEqual({ leadUnits: ['镇应急办'], coUnits: ['各村（社区）'] });
    expect(units('开展整治。责任单位：镇交管站；完成时限：2024年12月。')).toEqual({ leadUnits: ['镇交管站'], coUnits: [] });
    expect(units('（牵头领导：张三；责任单位：街道应急办；配合单位：各社区）')).toEqual({ leadUnits: ['街道应急办'], coUnits: ['各社区'] });
    expect(units('【街道安委办牵头，各成员单位配合】')).toEqual({ leadUnits: ['街道安委办'], coUnits: ['各成员单位'] });
    expect(units('（责任单位：镇应急办，配合单位：各村）')).toEqual({ leadUnits: ['镇应急办'], coUnits: ['各村'] });
  });

  it('ignores asides and body sentences: no annotation, no units', () => {
    for (const aside of ['深井铸造', '高危行业领域每月至少1次', '社区', '讲问题、讲要求', '安全评价'])
      expect(isAnnotation(aside)).toBe(false);
    expect(units('镇安委会每年组织对本辖区重点行业领域企业开展1次专项督查。')).toEqual({ leadUnits: [], coUnits: [] });
    expect(units('安装报警装置（费用由企业负责），鼓励多元投入（社会力量参与）。')).toEqual({ leadUnits: [], coUnits: [] });
  });

  it('tells collective phrases from named units', () => {
    for (const c of ['镇安委会各成员单位', '镇各相关部门', '镇安委会有关成员单位', '各村', '各管理区'])
      expect(isCollectiveUnit(c)).toBe(true);
    for (const n of ['应急管理和生态环境局', '派出所', '区市场监管局薛埠分局']) expect(isCollectiveUnit(n)).toBe(false);
  });
});
