// Rules added for the layouts of issue 13 (the plan importer on the layouts townships really bring).
import { describe, expect, it } from 'vitest';
import { splitRunOn } from './plan-breaks.rules.ts';
import { extractTimeLimit } from './plan-dates.rules.ts';
import { capTable, PLAN_LIMITS } from './plan-limits.rules.ts';
import { arabicDates, normaliseParagraphs, textToParagraphs } from './plan-paragraphs.rules.ts';
import { parsePlan } from './plan-parse.rules.ts';
import { tableRecords } from './plan-table.rules.ts';
import { parseAnnotation } from './plan-units.rules.ts';

describe('role marks in brackets', () => {
  it('责任单位：A（牵头）、B、C → A leads, B and C share', () => {
    expect(parseAnnotation('责任单位：镇应急办（牵头）、镇派出所、镇市场监管所')).toEqual({
      leadUnits: ['镇应急办'],
      coUnits: ['镇派出所', '镇市场监管所'],
    });
  });

  it('keeps a unit whose own name holds brackets, and a 配合 mark', () => {
    expect(parseAnnotation('责任单位：镇应急办（牵头），各村（社区）（配合）')).toEqual({
      leadUnits: ['镇应急办'],
      coUnits: ['各村（社区）'],
    });
  });
});

describe('完成时限 words', () => {
  it('全年 is the end of the scope year; 长期坚持 and 每季度 carry no date (issue 13)', () => {
    expect(extractTimeLimit('全年', 2024)).toEqual([{ raw: '全年', date: '2024-12-31' }]);
    expect(extractTimeLimit('2025年全年', null)).toEqual([{ raw: '2025年全年', date: '2025-12-31' }]);
    expect(extractTimeLimit('全年', null)).toEqual([]);
    expect(extractTimeLimit('长期坚持', 2024)).toEqual([]);
    expect(extractTimeLimit('每季度', 2024)).toEqual([]);
  });
});

describe('dates in Chinese numerals', () => {
  it('二〇二四年三月十二日 → 2024年3月12日 (GB/T 9704-2012 §7.3.5.1 prints Arabic; older copies do not)', () => {
    expect(arabicDates('二〇二四年三月十二日')).toBe('2024年3月12日');
    expect(arabicDates('二〇二四年十一月底前完成')).toBe('2024年11月底前完成');
    expect(arabicDates('二零二五年')).toBe('2025年');
    expect(arabicDates('三年行动，一二三四')).toBe('三年行动，一二三四');
  });
});

describe('titles split over two lines', () => {
  const texts = (text: string) => normaliseParagraphs(textToParagraphs(text)).map((p) => p.text);

  it('joins a name fragment with the line that ends the name', () => {
    expect(texts('星桥镇2024年安全生产\n治本攻坚工作要点\n一、总体要求')).toEqual(['星桥镇2024年安全生产治本攻坚工作要点', '一、总体要求']);
  });

  it('leaves a 红头, a signature and a notice line alone', () => {
    expect(texts('星桥镇人民政府文件\n安全生产工作要点')).toEqual(['星桥镇人民政府文件', '安全生产工作要点']);
    expect(texts('星桥镇人民政府\n安全生产工作要点')).toEqual(['星桥镇人民政府', '安全生产工作要点']);
  });
});

describe('run-on copies (line breaks lost)', () => {
  const para = (text: string) => ({ text, bold: false, heading: null, table: null });

  it('splits at headings that continue their sequence and at items after a sentence end', () => {
    const body =
      '一、总体要求坚持人民至上、生命至上，统筹发展和安全，推动重大事故隐患动态清零。二、主要任务（一）开展隐患清零行动1.健全自查自改机制。全面开展重大事故隐患大排查，推动统一、规范、高效的排查机制落地，建立台账并推进整改。2.建立督办销号制度。确保隐患闭环整改到位，每月通报一次排查整治进展，对工作不力的单位进行约谈。（二）开展能力提升行动3.开展安全技能培训。';
    const notes: string[] = [];
    expect(splitRunOn([para(body)], notes).map((p) => p.text.slice(0, 8))).toEqual([
      '一、总体要求坚持',
      '二、主要任务',
      '（一）开展隐患清',
      '1.健全自查自改',
      '2.建立督办销号',
      '（二）开展能力提',
      '3.开展安全技能',
    ]);
    expect(notes).toHaveLength(1);
  });

  it('leaves an ordinary paragraph with an inline list whole', () => {
    const text = `${'加强安全生产工作，'.repeat(30)}做到统一、规范、高效，落实1、2月份的检查任务。`;
    const notes: string[] = [];
    expect(splitRunOn([para(text)], notes)).toHaveLength(1);
    expect(notes).toEqual([]);
  });
});

describe('tables pasted from Word/WPS', () => {
  it('reads tab-separated rows, a quoted cell holding line breaks, and a blank merged category cell', () => {
    const text = '序号\t重点任务\t工作措施\t牵头单位\n1\t隐患排查\t"全面排查；\n建立台账"\t镇应急办\n2\t\t整改闭环\t镇安监站\n';
    const [table] = textToParagraphs(text);
    expect(table?.table).toEqual([
      ['序号', '重点任务', '工作措施', '牵头单位'],
      ['1', '隐患排查', '全面排查；\n建立台账', '镇应急办'],
      ['2', '', '整改闭环', '镇安监站'],
    ]);
    expect(tableRecords(table?.table ?? []).map((r) => [r.group, r.measures, r.lead, r.row])).toEqual([
      ['隐患排查', '全面排查；\n建立台账', '镇应急办', 2],
      ['隐患排查', '整改闭环', '镇安监站', 3],
    ]);
  });

  it('a plan whose 工作要求 section holds a table does not turn its rows into tasks', () => {
    const plan = parsePlan({
      fileName: 'x.txt',
      text: '某镇2024年安全生产工作要点\n一、重点工作\n（一）隐患排查\n（二）宣传教育\n二、工作要求\n序号\t事项\t牵头单位\t完成时限\n1\t报送总结\t镇应急办\t12月底前\n',
    });
    expect(plan.tasks.map((t) => t.title)).toEqual(['隐患排查', '宣传教育']);
  });

  it('numbered items under a nested 工作要求 heading are not tasks', () => {
    const plan = parsePlan({
      fileName: 'x.txt',
      text: '某镇2024年安全生产工作要点\n一、主要任务\n（一）隐患排查\n1.全面排查。\n2.闭环整改。\n（二）工作要求\n1.加强领导。\n2.严格考核。\n',
    });
    expect(plan.tasks.map((t) => t.title)).toEqual(['全面排查', '闭环整改']);
  });
});

describe('reader budgets (CONVENTIONS §13)', () => {
  it('caps rows, cells and cell text, and says so', () => {
    const rows = Array.from({ length: PLAN_LIMITS.tableRows + 5 }, () => Array.from({ length: 50 }, () => 'x'.repeat(10)));
    const capped = capTable(rows);
    expect(capped.capped).toBe(true);
    expect(capped.rows).toHaveLength(PLAN_LIMITS.tableRows);
    expect(capped.rows[0]).toHaveLength(PLAN_LIMITS.rowCells);
    expect(capTable([['y'.repeat(PLAN_LIMITS.cellChars + 1)]]).rows[0]?.[0]).toHaveLength(PLAN_LIMITS.cellChars);
  });

  it('a huge table in a plan is cut with a note, not parsed whole', () => {
    const header = ['序号', '任务', '牵头单位', '完成时限'];
    const rows = Array.from({ length: 3_000 }, (_, i) => [String(i + 1), `任务${i + 1}`, '镇应急办', '2024年底前']);
    const plan = parsePlan({ fileName: 'x.docx', paragraphs: [{ text: '某镇2024年工作要点' }, { text: '', table: [header, ...rows] }] });
    expect(plan.tasks).toHaveLength(PLAN_LIMITS.tableRows - 1);
    expect(plan.notes?.some((n) => n.includes('超过上限'))).toBe(true);
  });
});

describe('pipe tables without outer pipes (GFM)', () => {
  it('reads the header, drops the separator row and keeps the cells', () => {
    const [table] = textToParagraphs('任务 | 牵头单位 | 时间安排\n--- | --- | ---\n隐患排查 | 镇应急办（牵头）、镇安监站 | 全年\n');
    expect(table?.table).toEqual([
      ['任务', '牵头单位', '时间安排'],
      ['隐患排查', '镇应急办（牵头）、镇安监站', '全年'],
    ]);
    const plan = parsePlan({
      fileName: 'x.md',
      text: `某镇2024年安全生产工作要点\n一、重点任务\n\n${'任务 | 牵头单位 | 时间安排\n--- | --- | ---\n隐患排查 | 镇应急办（牵头）、镇安监站 | 全年'}\n`,
    });
    expect(plan.tasks.map((t) => [t.title, t.leadUnits, t.coUnits, t.deadlines.map((d) => d.date)])).toEqual([
      ['隐患排查', ['镇应急办'], ['镇安监站'], ['2024-12-31']],
    ]);
  });
});
