import { describe, expect, it } from 'vitest';
import { buildOutline, headingLabel, matchOrdinal, walk } from './plan-outline.rules.ts';
import { normaliseParagraphs } from './plan-paragraphs.rules.ts';

const outline = (text: string) => buildOutline(normaliseParagraphs(text.split('\n').map((line) => ({ text: line }))));

describe('ordinals (FORMAT.md › heading levels)', () => {
  it.each([
    ['一、总体要求', 'cn', '一、', 1],
    ['十二、其他', 'cn', '十二、', 12],
    ['（三）开展行动', 'cnParen', '（三）', 3],
    ['(二)主要目标', 'cnParen', '(二)', 2],
    ['3.建立制度', 'num', '3.', 3],
    ['3．建立制度', 'num', '3．', 3],
    ['2、开展考核', 'num', '2、', 2],
    ['（12）更新改造', 'numParen', '（12）', 12],
    ['1）燃气', 'numHalf', '1）', 1],
    ['②第三季度前完成', 'circled', '②', 2],
    ['第二部分重点任务', 'chapter', '第二部分', 2],
  ])('%s', (text, kind, ordinal, value) => {
    expect(matchOrdinal(text)).toMatchObject({ kind, ordinal, value });
  });

  it('a number that is a quantity or a year is no ordinal', () => {
    for (const text of ['2.5万元用于…', '2024年，建立…', '12350举报', '（2024—2026年）']) expect(matchOrdinal(text)).toBeNull();
  });

  it('markdown and bold marks are not part of the ordinal (## 一、, **16.**)', () => {
    const o = outline('## 一、主要任务\n**16.** 全面提升燃气本质安全水平');
    const nodes = [...walk(o.parts[0]?.roots ?? [])];
    expect(nodes.map((n) => [n.marker.ordinal, n.level])).toEqual([
      ['一、', 0],
      ['16.', 1],
    ]);
  });
});

describe('outline', () => {
  it('nests kinds by order of first appearance: （1） may sit above or below 1.', () => {
    const o = outline(
      ['一、总体要求', '（1）主要目标', '1.理念转型。', '二、重点任务', '（一）开展行动', '1.抓自查。', '（1）细化。'].join('\n'),
    );
    const shape = [...walk(o.parts.flatMap((p) => p.roots))].map((n) => `${'  '.repeat(n.level)}${n.marker.ordinal}`);
    expect(shape).toEqual(['一、', '  （1）', '    1.', '二、', '  （一）', '    1.', '      （1）']);
  });

  it('a heading that runs on into its body is labelled by its first sentence', () => {
    const o = outline('一、目标\n(二) 主要目标。通过三年攻坚，全面提升。');
    const node = [...walk(o.parts[0]?.roots ?? [])][1];
    expect(node && headingLabel(node)).toBe('(二)主要目标');
  });

  it('several plans under one notice are parts, each named by the title before its 一、', () => {
    const o = outline(
      [
        '关于印发工作要点的通知',
        '综合监管工作要点',
        '一、工作目标',
        '二、重点任务',
        '工贸行业工作要点',
        '一、总体思路',
        '二、重点任务',
      ].join('\n'),
    );
    expect(o.parts.map((p) => [p.title, p.roots.length])).toEqual([
      ['综合监管工作要点', 2],
      ['工贸行业工作要点', 2],
    ]);
  });

  it('a bold or heading-styled line before the first heading names the plan even without 方案/要点', () => {
    const paras = normaliseParagraphs([
      { text: '某镇人民政府文件', bold: true },
      { text: '某镇安全生产大排查大整治', bold: true },
      { text: '一、主要任务' },
    ]);
    expect(buildOutline(paras).parts[0]?.title).toBe('某镇安全生产大排查大整治');
  });

  it('a list restarting after 附件 is an attachment, not a second plan', () => {
    const o = outline(
      ['某镇安全生产实施方案', '一、主要任务', '（一）开展检查', '附件', '某镇安全生产任务清单', '一、检查任务'].join('\n'),
    );
    expect(o.parts.map((p) => p.annex)).toEqual([false, true]);
    const untitled = outline(['某镇安全生产实施方案', '一、主要任务', '（一）开展检查', '附件', '一、重点任务分工'].join('\n'));
    expect(untitled.parts.map((p) => [p.title, p.annex])).toEqual([
      ['某镇安全生产实施方案', false],
      [null, true],
    ]);
  });
});
