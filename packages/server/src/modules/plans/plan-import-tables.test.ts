// A plan whose tasks sit in a Word table, imported through the API (issue 13): the draft keeps each task's table row,
// and the document text kept for the review screen has that row on a line of its own, where the screen points.
import fs from 'node:fs';
import path from 'node:path';
import type { PlanDraft } from '@anzhi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/app.ts';
import { importFile } from '../../../test/plan-kit.ts';

const tablePlan = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/plans/plan-table.docx'));
const runOn = fs.readFileSync(path.join(import.meta.dirname, '../../../../core/test/fixtures/plan-layouts/lost-breaks.txt'));

let t: TestApp;
let office: Session;

beforeAll(async () => {
  t = await startTestApp(new Date('2024-04-25T01:00:00Z'));
  await seedOrg(t.database);
  office = await login(t.app, 'office');
});
afterAll(() => t.close());

describe('import a table plan (.docx) for review', () => {
  it('gives table-sourced tasks with their units, deadlines and row, and the row as one line of the kept text', async () => {
    const res = await importFile(office, tablePlan, '曲梁镇专项整治方案.docx');
    expect(res.statusCode, res.body).toBe(201);
    const draft: PlanDraft = res.json();
    const tasks = draft.nodes.filter((n) => n.kind === 'task');
    expect(tasks.map((n) => [n.title, n.leadUnitNames, n.deadlines.map((d) => d.date), n.source])).toEqual([
      ['密集场所消防安全隐患排查', ['镇消防站'], ['2024-05-31'], { table: 1, row: 3 }],
      ['仓储行业消防安全整治', ['镇消防站'], ['2024-06-30'], { table: 1, row: 4 }],
      ['建筑施工领域专项整治', ['镇规划建设管理办'], ['2024-12-31'], { table: 1, row: 5 }],
      ['烟花爆竹违法犯罪专项打击', ['镇派出所'], ['2024-12-31'], { table: 1, row: 6 }],
      ['燃气领域安全隐患排查', ['镇城建办'], [], { table: 1, row: 7 }],
    ]);
    // The merged 类别 cell is the tasks' group in the tree.
    const group = draft.nodes.find((n) => n.kind === 'group' && n.title.includes('重点行业领域专项整治'));
    expect(tasks[0]?.parentId).toBe(group?.id);
    // Row 3 of table 1 is one line: its cells, tab-separated, a cell's own line break folded.
    const lines = draft.rawText.split('\n');
    const header = lines.findIndex((l) => l.startsWith('类别\t任务'));
    expect(lines[header + 2]).toBe(
      '重点行业领域专项整治\t密集场所消防安全隐患排查\t对商场、市场、宾馆等人员密集场所开展全覆盖检查； 逐一建立隐患台账，实行清单化闭环管理。\t镇消防站\t镇派出所、镇市场监管所\t2024年5月底前',
    );
    // Stored: the draft read back keeps the rows.
    const again = await office.get(`/api/v1/plans/${draft.plan.id}/draft`);
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as PlanDraft).nodes.filter((n) => n.source).length).toBe(5);
  });

  it('imports a copy whose line breaks were lost, and tells the clerk what it split and what it could not read', async () => {
    const res = await importFile(office, runOn, '星桥镇网页版.txt');
    expect(res.statusCode, res.body).toBe(201);
    const draft: PlanDraft = res.json();
    expect(draft.nodes.filter((n) => n.kind === 'task').map((n) => n.title)).toEqual([
      '健全完善生产经营单位重大事故隐患自查自改常态化机制',
      '建立重大事故隐患督办销号制度',
      '开展生产经营单位从业人员安全技能培训',
      '开展安全宣传“五进”活动',
    ]);
    const notes = draft.warnings.filter((w) => w.startsWith('原文解析：'));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/换行丢失.*已按编号拆分/u);
    expect(notes[1]).toMatch(/表格.*无法还原行列/u);
  });
});
