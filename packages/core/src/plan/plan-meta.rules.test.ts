import { describe, expect, it } from 'vitest';
import { extractMeta, noticeName, periodOf, signatureDate } from './plan-meta.rules.ts';
import { buildOutline } from './plan-outline.rules.ts';
import { normaliseParagraphs } from './plan-paragraphs.rules.ts';

const meta = (lines: string[]) => {
  const paras = normaliseParagraphs(lines.map((text) => ({ text })));
  return extractMeta(paras, buildOutline(paras));
};

describe('document fields (FORMAT.md › Document fields)', () => {
  it('signature: the body above the date signs; the plan’s own heading is the title', () => {
    expect(
      meta([
        '关于印发《星桥镇实施方案（2024—2026年）》的通知',
        '各村：',
        '现印发给你们。',
        '重庆市梁平区星桥镇人民政府',
        '2024年4月22日',
        '星桥镇实施方案',
        '（2024—2026年）',
        '一、总体要求',
        '二、主要任务',
      ]),
    ).toEqual({
      title: '星桥镇实施方案（2024—2026年）',
      issuer: '重庆市梁平区星桥镇人民政府',
      issueDate: '2024-04-22',
      docNumber: null,
      period: { start: 2024, end: 2026 },
      multiPart: false,
    });
  });

  it('without a signature: the 发文机关 of a “…文件” header and the 发文字号 as printed', () => {
    const m = meta([
      '# 新密市曲梁镇人民政府文件',
      '曲政〔2024〕44号',
      '## 新密市曲梁镇人民政府 关于印发《曲梁镇实施方案》的通知',
      '# 曲梁镇实施方案（2024—2026年）',
      '一、总体要求',
    ]);
    expect([m.issuer, m.docNumber, m.issueDate, m.title]).toEqual([
      '新密市曲梁镇人民政府',
      '曲政〔2024〕44号',
      null,
      '曲梁镇实施方案（2024—2026年）',
    ]);
  });

  it('a multi-part file takes the notice’s name, broken over lines', () => {
    const m = meta([
      '关于印发2023年安全生产重点行业领域',
      '工作要点的通知',
      '综合监管工作要点',
      '一、工作目标',
      '二、重点任务',
      '工贸行业工作要点',
      '一、工作目标',
    ]);
    expect([m.title, m.period, m.multiPart]).toEqual(['2023年安全生产重点行业领域工作要点', { start: 2023, end: 2023 }, true]);
  });

  it('reads dates in Chinese numerals, and refuses impossible ones', () => {
    expect(signatureDate('二〇二四年五月十日')).toBe('2024-05-10');
    expect(signatureDate('2024年2月30日')).toBeNull();
    expect(noticeName(normaliseParagraphs([{ text: '关于印发《某镇方案》的通知' }]))).toEqual({ name: '某镇方案', issuer: null });
  });

  it('period: a range, a single year, or null', () => {
    expect(periodOf('某镇三年行动（2024-2026年）工作方案和2024年重点工作任务')).toEqual({ start: 2024, end: 2026 });
    expect(periodOf('2023年安全生产工作要点')).toEqual({ start: 2023, end: 2023 });
    expect(periodOf('某镇安全生产工作方案')).toBeNull();
  });
});
