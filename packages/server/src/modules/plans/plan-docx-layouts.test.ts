/*
 * Issue 13 on Word files with real tables (fixtures built by test/fixtures/plans/make-plan-table-docx.ts from seed
 * 003's content): a task table with merged category and unit cells and a header spanning 牵头/配合, and an annex
 * 重点任务分工表 with a 完成时限 cell merged down two rows. Plus the reader's caps on a hostile table.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedPlan } from '@anzhi/core';
import { PLAN_LIMITS, parsedPlan } from '@anzhi/core';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocxParagraphs } from './plan-docx.reader.ts';
import { parsePlanFile } from './plan-input.reader.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/plans', name));
const ledger = (plan: ParsedPlan) =>
  plan.tasks.map((t) => ({ title: t.title, lead: t.leadUnits, co: t.coUnits, deadlines: t.deadlines.map((d) => d.date) }));

const tablePlan = await parsePlanFile(fixture('plan-table.docx'), 'plan-table.docx');
const annexPlan = await parsePlanFile(fixture('plan-annex.docx'), 'plan-annex.docx');

describe('plan-table.docx: the tasks in a Word table', () => {
  const plan = tablePlan;

  it('gives one task per row with its units and deadline, through merged cells', () => {
    expect(parsedPlan.parse(plan)).toEqual(plan);
    expect(ledger(plan)).toEqual([
      { title: '密集场所消防安全隐患排查', lead: ['镇消防站'], co: ['镇派出所', '镇市场监管所'], deadlines: ['2024-05-31'] },
      // 牵头 cell merged down from the row above.
      { title: '仓储行业消防安全整治', lead: ['镇消防站'], co: ['镇经发办'], deadlines: ['2024-06-30'] },
      // 镇规划建设管理办（牵头）、镇应急办 in the 牵头 column; 全年 in an annual plan.
      { title: '建筑施工领域专项整治', lead: ['镇规划建设管理办'], co: ['镇应急办', '各村'], deadlines: ['2024-12-31'] },
      { title: '烟花爆竹违法犯罪专项打击', lead: ['镇派出所'], co: ['镇市场监管所', '镇应急办'], deadlines: ['2024-12-31'] },
      { title: '燃气领域安全隐患排查', lead: ['镇城建办'], co: ['镇市场监管所'], deadlines: [] },
    ]);
  });

  it('files the rows under the merged 类别 cell and keeps each row for the review screen', () => {
    expect(plan.tasks.map((t) => t.path)).toEqual([
      ['二、重点任务', '重点行业领域专项整治', '1'],
      ['二、重点任务', '重点行业领域专项整治', '2'],
      ['二、重点任务', '重点行业领域专项整治', '3'],
      ['二、重点任务', '打击非法违法行为', '4'],
      ['二、重点任务', '打击非法违法行为', '5'],
    ]);
    expect(plan.tasks.map((t) => t.source?.row)).toEqual([3, 4, 5, 6, 7]);
    expect(plan.tasks[4]?.recurrence).toEqual(['每季度']);
  });

  it('leaves the Word-numbered 工作要求 items out, joins the title’s two paragraphs, reads the Chinese-numeral date', () => {
    expect(plan.tasks.some((t) => /组织领导|督导检查/u.test(t.title))).toBe(false);
    expect([plan.title, plan.issuer, plan.issueDate]).toEqual([
      '曲梁镇2024年安全生产重大事故隐患专项排查整治行动实施方案',
      '曲梁镇人民政府',
      '2024-04-22',
    ]);
  });
});

describe('plan-annex.docx: an annex 重点任务分工表 in Word', () => {
  const plan = annexPlan;

  it('joins each row to its body task: units and deadlines from the row, a merged 完成时限 cell shared', () => {
    expect(ledger(plan)).toEqual([
      { title: '健全完善生产经营单位重大事故隐患自查自改常态化机制', lead: ['镇应急办'], co: ['各村（社区）'], deadlines: ['2024-06-30'] },
      { title: '建立重大事故隐患督办销号制度', lead: ['镇应急办'], co: ['镇规划建设管理办', '镇市场监管所'], deadlines: ['2024-06-30'] },
      { title: '开展生产经营单位从业人员安全技能培训', lead: ['镇人社所'], co: ['镇安委会有关成员单位'], deadlines: ['2024-12-31'] },
    ]);
    expect(plan.tasks.map((t) => [t.ordinal, t.source?.row, t.deadlines[0]?.src])).toEqual([
      ['1.', 2, 'table'],
      ['2.', 3, 'table'],
      ['3.', 4, 'table'],
    ]);
  });
});

describe('reader caps on Word tables (CONVENTIONS §13)', () => {
  const docxWith = (rows: number, cells: number) =>
    Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph('某镇2024年安全生产工作要点'),
              new Table({
                rows: Array.from(
                  { length: rows },
                  (_, r) =>
                    new TableRow({
                      children: Array.from({ length: cells }, (_, c) => new TableCell({ children: [new Paragraph(`${r}-${c}`)] })),
                    }),
                ),
              }),
            ],
          },
        ],
      }),
    );

  it('refuses a table past the row cap with a Chinese 400, before parsing it', async () => {
    const buffer = await docxWith(PLAN_LIMITS.tableRows + 1, 2);
    await expect(parsePlanFile(buffer, 'big.docx')).rejects.toMatchObject({ status: 400, code: 'plan.docx_too_complex' });
    await expect(parsePlanFile(buffer, 'big.docx')).rejects.toThrow(/超过 2000 行/u);
  });

  it('refuses a row past the cell cap', async () => {
    await expect(parsePlanFile(await docxWith(2, PLAN_LIMITS.rowCells + 1), 'wide.docx')).rejects.toMatchObject({
      code: 'plan.docx_too_complex',
    });
  });

  it('marks cells merged down, so the parser can tell them from empty cells', () => {
    const table = readDocxParagraphs(fixture('plan-annex.docx')).find((p) => p.table);
    expect(table?.mergedDown?.map((r) => r[4])).toEqual([false, false, true, false]);
  });
});
