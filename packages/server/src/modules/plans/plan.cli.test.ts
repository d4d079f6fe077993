// `anzhi plan parse FILE [--json]` in a child process: one JSON document in the gold shape, a Chinese summary without
// --json, a Chinese error for a file that is not a plan, and no database opened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsedPlan } from '@anzhi/core';
import { afterAll, describe, expect, it } from 'vitest';
import { planGoldDir } from '../../../../core/test/plan-gold.ts';
import { scoreDoc } from '../../../../core/test/plan-score.ts';
import { runCli } from '../../../test/cli.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-plan-cli-'));
const dataDir = path.join(tmp, 'data');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const seed = path.join(planGoldDir, '002_efcc0b85e8aafc6c.txt');
const gold = JSON.parse(fs.readFileSync(seed.replace(/\.txt$/u, '.json'), 'utf8'));

describe('anzhi plan parse', () => {
  it('prints the plan as one JSON document in the FORMAT.md shape, file = base name', () => {
    const r = runCli(['plan', 'parse', seed, '--json'], { ANZHI_DATA_DIR: dataDir });
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(parsedPlan.safeParse(plan).success).toBe(true);
    expect(plan.file).toBe('002_efcc0b85e8aafc6c.txt');
    expect(plan.tasks).toHaveLength(41);
    const score = scoreDoc(gold, plan);
    expect([score.tasks.f1, score.fields.leadUnits.f1, score.fields.deadlines.f1]).toEqual([1, 1, 1]);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('prints a short Chinese summary without --json', () => {
    const r = runCli(['plan', 'parse', seed], { ANZHI_DATA_DIR: dataDir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('标题：金坛区薛埠镇安全生产治本攻坚三年行动（2024-2026年）工作方案和2024年重点工作任务');
    expect(r.stdout).toMatch(/任务 41 项：有责任单位 39 项，有完成时限 2 项/u);
    expect(r.stdout).toContain('三、2024年重点工作任务 › （一）重大事故隐患排查治理提质增效（3项） › 1．摸清重大事故隐患底数 › （1）');
  });

  it('returns the tasks of a table plan (.docx, tasks only in a Word table) with units and deadlines', () => {
    const docx = path.join(import.meta.dirname, '../../../test/fixtures/plans/plan-table.docx');
    const r = runCli(['plan', 'parse', docx, '--json'], { ANZHI_DATA_DIR: dataDir });
    expect(r.status).toBe(0);
    const plan = parsedPlan.parse(JSON.parse(r.stdout));
    expect(plan.tasks).toHaveLength(5);
    expect(plan.tasks[0]).toMatchObject({
      title: '密集场所消防安全隐患排查',
      leadUnits: ['镇消防站'],
      coUnits: ['镇派出所', '镇市场监管所'],
      deadlines: [{ raw: '2024年5月底前', date: '2024-05-31' }],
      source: { table: 1, row: 3 },
    });
    expect(plan.tasks.every((t) => t.leadUnits.length > 0)).toBe(true);
  });

  it('refuses a scanned PDF with a Chinese message and exit status 1', () => {
    const pdf = path.join(tmp, 'scan.docx');
    fs.writeFileSync(pdf, Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
    const r = runCli(['plan', 'parse', pdf, '--json'], { ANZHI_DATA_DIR: dataDir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/PDF 文件/u);
  });

  it('shows the usage for an incomplete command', () => {
    const r = runCli(['plan', 'parse'], { ANZHI_DATA_DIR: dataDir });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('plan parse FILE');
  });
});
