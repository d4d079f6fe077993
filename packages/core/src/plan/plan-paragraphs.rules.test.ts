import { describe, expect, it } from 'vitest';
import { normaliseParagraphs, textToParagraphs } from './plan-paragraphs.rules.ts';

const texts = (text: string) => normaliseParagraphs(textToParagraphs(text)).map((p) => p.text);

describe('paragraphs from text', () => {
  it('joins lines broken by layout: inside brackets/quotes, after a comma, inside prose', () => {
    expect(texts('3. 深入开展“大排查、大起底、大\n\n整治”专项行动。')).toEqual(['3.深入开展“大排查、大起底、大整治”专项行动。']);
    expect(texts('（应急办理、应急执法中\n\n队等负责）')).toEqual(['（应急办理、应急执法中队等负责）']);
    expect(texts('（一）指导思想。以习近平新时代中国特色社会主义思想为指导，努力推进高质量发\n\n展和高水平安全良性互动。')).toEqual([
      '（一）指导思想。以习近平新时代中国特色社会主义思想为指导，努力推进高质量发展和高水平安全良性互动。',
    ]);
  });

  it('attaches a years-only line to the title above it', () => {
    expect(texts('唐王街道安全生产治本攻坚三年行动实施方案\n（ 2024—2026年）')).toEqual([
      '唐王街道安全生产治本攻坚三年行动实施方案（2024—2026年）',
    ]);
  });

  it('keeps headings, numbered lines and finished sentences apart', () => {
    expect(texts('（一）开展重大安全风险源头管控行动\n1.强化管控。\n重庆市梁平区星桥镇人民政府\n2024年4月22日')).toEqual([
      '（一）开展重大安全风险源头管控行动',
      '1.强化管控。',
      '重庆市梁平区星桥镇人民政府',
      '2024年4月22日',
    ]);
  });

  it('drops Word bookmarks, markdown marks, whitespace; full-width digits become ASCII', () => {
    expect(texts('[bookmark: _GoBack]## 三、主要任务\n**16.** 全面提升\n２０２４年６月底前')).toEqual([
      '三、主要任务',
      '16.全面提升',
      '2024年6月底前',
    ]);
  });

  it('reads a text export’s table: a tab starts a cell, a blank line ends a row unless cells are missing', () => {
    const text = [
      ...['\t序号', '\t任务', '\t责任人', '\t责任领导', ''],
      ...['\t1', '\t检查', '\t夏成亮赵  燕', '', '刘啟斌', '\t熊传伦', ''],
      ...['\t2', '\t整改', '\t', '', '', '\t熊传伦', ''],
      '一、下文',
    ].join('\n');
    const paragraphs = textToParagraphs(text);
    expect(paragraphs[0]?.table).toEqual([
      ['序号', '任务', '责任人', '责任领导'],
      ['1', '检查', '夏成亮赵  燕\n刘啟斌', '熊传伦'],
      ['2', '整改', '', '熊传伦'],
    ]);
    expect(paragraphs[1]?.text).toBe('一、下文');
  });

  it('reads a markdown table', () => {
    const paragraphs = textToParagraphs('| 序号 | 任务 | 责任单位 |\n|---|---|---|\n| 1 | 检查 | 镇应急办 |');
    expect(paragraphs[0]?.table).toEqual([
      ['序号', '任务', '责任单位'],
      ['1', '检查', '镇应急办'],
    ]);
  });
});
