import { describe, expect, it } from 'vitest';
import { parsedPlan } from './plan.contract.ts';
import { parsePlan, planFileBaseName } from './plan-parse.rules.ts';

describe('parsePlan', () => {
  it('never throws: odd input degrades to an empty plan in the output shape', () => {
    const odd: unknown[] = [
      { fileName: 'a.txt' },
      { fileName: 'a.txt', text: '' },
      { fileName: 'a.txt', text: '\u0000\u0001\ufffd' },
      { fileName: 'a.txt', paragraphs: [null, 3, { text: 5 }, { table: [[null], 'x'] }] },
      { fileName: 'a.txt', text: '一、'.repeat(2000) },
      { fileName: 'a.txt', text: '（'.repeat(5000) },
      null,
    ];
    for (const input of odd) {
      const plan = parsePlan(input as never);
      expect(parsedPlan.safeParse(plan).success).toBe(true);
    }
  });

  it('a text without numbered items gives no tasks and says so', () => {
    const plan = parsePlan({ fileName: 'x/y/通知.txt', text: '关于做好安全生产工作的通知\n请各单位认真做好工作。' });
    expect([plan.file, plan.tasks, plan.notes]).toEqual(['通知.txt', [], ['未找到编号的任务（如“一、”“（一）”“1.”）']]);
  });

  it('takes structured paragraphs from a reader, tables included', () => {
    const plan = parsePlan({
      fileName: 'plan.docx',
      paragraphs: [
        { text: '某镇2024年安全生产工作要点', bold: true },
        { text: '一、重点任务', headingLevel: 1 },
        { text: '（一）燃气安全整治。开展燃气检查。' },
        {
          text: '',
          table: [
            ['序号', '重点任务', '牵头单位', '完成时限'],
            ['1', '燃气安全整治', '镇建设办', '2024年9月'],
          ],
        },
      ],
    });
    expect(plan.tasks.map((t) => [t.title, t.leadUnits, t.deadlines])).toEqual([
      ['燃气安全整治', ['镇建设办'], [{ raw: '2024年9月', date: '2024-09-30', src: 'table' }]],
    ]);
  });

  it('a plan listing its tasks only in a table gets one task per row', () => {
    const plan = parsePlan({
      fileName: 'plan.docx',
      paragraphs: [
        { text: '某镇2024年安全生产任务清单' },
        {
          text: '',
          table: [
            ['序号', '任务', '牵头单位', '配合单位', '完成时限'],
            ['1', '开展燃气检查', '镇建设办', '各村', '2024年6月底前'],
          ],
        },
      ],
    });
    expect(plan.tasks.map((t) => [t.title, t.leadUnits, t.coUnits, t.deadlines.map((d) => d.date)])).toEqual([
      ['开展燃气检查', ['镇建设办'], ['各村'], ['2024-06-30']],
    ]);
  });

  it('file is the base name of any path', () => {
    expect(['a/b.txt', 'C:\\plans\\b.docx', 'b.md'].map(planFileBaseName)).toEqual(['b.txt', 'b.docx', 'b.md']);
  });
});
