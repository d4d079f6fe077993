/*
 * Word plans. Fixture test/fixtures/plans/plan-001.docx is seed 001 as Word holds it (built by make-plan-docx.ts):
 * automatic numbering for （一）/1., heading-styled part titles, merged table cells. Its gold labels are the seed's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import { loadGoldSeeds } from '../../../../core/test/plan-gold.ts';
import { scoreDoc } from '../../../../core/test/plan-score.ts';
import { readDocxParagraphs } from './plan-docx.reader.ts';
import { chineseCounting, readNumbering } from './plan-docx-numbering.ts';
import { parsePlanFile } from './plan-input.reader.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/plans', name));
const gold001 = loadGoldSeeds().find((s) => s.name.startsWith('001_'))?.gold as Record<string, unknown>;

const plan = await parsePlanFile(fixture('plan-001.docx'), 'plan-001.docx');

describe('plan-001.docx (seed 001 in Word)', () => {
  it('scores task, lead and deadline F1 ≥ 0.95 against the seed’s gold labels', () => {
    const score = scoreDoc(gold001, plan as unknown as Record<string, unknown>);
    expect(score.tasks.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.fields.leadUnits.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.fields.deadlines.f1).toBeGreaterThanOrEqual(0.95);
    expect(plan.file).toBe('plan-001.docx');
    expect([plan.title, plan.issuer, plan.issueDate]).toEqual([
      '2023年安全生产重点行业领域工作要点',
      '重庆市铜梁区土桥镇人民政府',
      '2023-03-29',
    ]);
  });

  it('rebuilds automatic numbering: （一） and 1. restart in every section', () => {
    const paths = plan.tasks.slice(0, 4).map((t) => t.path.join(' > '));
    expect(paths).toEqual([
      '安全生产综合监管工作要点 > 二、重点任务 > （一）统筹谋划，把握全年安全生产工作节奏 > 1.',
      '安全生产综合监管工作要点 > 二、重点任务 > （一）统筹谋划，把握全年安全生产工作节奏 > 2.',
      '安全生产综合监管工作要点 > 二、重点任务 > （一）统筹谋划，把握全年安全生产工作节奏 > 3.',
      '安全生产综合监管工作要点 > 二、重点任务 > （二）与时俱进，提升数字化信息化水平 > 1.',
    ]);
  });

  it('joins the 挂图作战 table through merged cells: people, leaders and the table-only deadline', () => {
    const byTitle = (title: string) => plan.tasks.find((t) => t.title === title);
    expect(byTitle('推动行业监管部门履职')).toMatchObject({ people: ['夏成亮', '赵燕'], leaders: ['熊传伦'] });
    expect(byTitle('实施专项整治，防范化解重大风险')?.deadlines).toEqual([{ raw: '3月底前', date: '2023-03-31', src: 'table' }]);
  });
});

async function numberedDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
            { level: 3, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%4', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: '示例镇2025年安全生产工作要点', bold: true })] }),
          new Paragraph({ text: '主要任务', numbering: { reference: 'outline', level: 0 } }),
          new Paragraph({ text: '压实责任', numbering: { reference: 'outline', level: 1 } }),
          new Paragraph({ text: '健全清单。3月底前完成。（镇应急办负责）', numbering: { reference: 'outline', level: 2 } }),
          new Paragraph({ text: '开展考核。（镇党政办负责）', numbering: { reference: 'outline', level: 2 } }),
          new Paragraph({ text: '专项整治', numbering: { reference: 'outline', level: 1 } }),
          new Paragraph({ text: '燃气整治。（镇建设办负责）', numbering: { reference: 'outline', level: 2 } }),
          new Paragraph({ text: '餐饮场所', numbering: { reference: 'outline', level: 3 } }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('序号')] }),
                  new TableCell({ children: [new Paragraph('任务')], columnSpan: 2 }),
                ],
              }),
              new TableRow({
                children: ['1', 'A', 'B'].map(
                  (t) => new TableCell({ children: [new Paragraph(t)], verticalMerge: VerticalMergeType.RESTART }),
                ),
              }),
              new TableRow({
                children: ['', '', 'C'].map(
                  (t, i) =>
                    new TableCell({ children: [new Paragraph(t)], ...(i < 2 ? { verticalMerge: VerticalMergeType.CONTINUE } : {}) }),
                ),
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('.docx reader', () => {
  it('writes the labels of multi-level automatic numbering into the text; deeper levels restart', async () => {
    const paragraphs = readDocxParagraphs(await numberedDocx());
    expect(paragraphs.filter((p) => !p.table).map((p) => p.text)).toEqual([
      '示例镇2025年安全生产工作要点',
      '一、主要任务',
      '（一）压实责任',
      '1.健全清单。3月底前完成。（镇应急办负责）',
      '2.开展考核。（镇党政办负责）',
      '（二）专项整治',
      '1.燃气整治。（镇建设办负责）',
      '①餐饮场所',
    ]);
    expect(paragraphs[0]?.bold).toBe(true);
  });

  it('keeps table columns aligned: a spanning cell is followed by empty cells, a merged-down cell is empty', async () => {
    const table = readDocxParagraphs(await numberedDocx()).find((p) => p.table)?.table;
    expect(table).toEqual([
      ['序号', '任务', ''],
      ['1', 'A', 'B'],
      ['', '', 'C'],
    ]);
  });

  it('counts in Chinese as Word does', () => {
    expect([1, 10, 11, 20, 21, 99, 100, 105].map(chineseCounting)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
    ]);
    expect(readNumbering(null).next('1', 0)).toBeNull();
  });
});
