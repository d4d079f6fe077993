// Issue 13: the layouts townships really bring, on fixtures re-laid-out from the seeds' content
// (fixtures/plan-layouts/): task tables as tab-separated text and markdown, an annex 重点任务分工表, a copy whose line
// breaks were lost. The .docx layout (real Word tables, merged cells) is tested where .docx is read (server).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ParsedPlan, parsedPlan } from '../src/plan/plan.contract.ts';
import { parsePlan } from '../src/plan/plan-parse.rules.ts';

const dir = path.join(import.meta.dirname, 'fixtures/plan-layouts');
const parse = (name: string) => parsePlan({ fileName: name, text: fs.readFileSync(path.join(dir, name), 'utf8') });

/** What the issue asks of every layout: the tasks, their lead and co units and their deadlines. */
const ledger = (plan: ParsedPlan) =>
  plan.tasks.map((t) => ({ title: t.title, lead: t.leadUnits, co: t.coUnits, deadlines: t.deadlines.map((d) => d.date) }));

describe('task table pasted from Word/WPS as tab-separated text', () => {
  const plan = parse('table-tab.txt');

  it('gives one task per row, under the merged category cell, with units and deadlines from the row', () => {
    expect(parsedPlan.parse(plan)).toEqual(plan);
    expect(ledger(plan)).toEqual([
      {
        title: '建立完善各类发展规划的安全风险评估会商机制',
        lead: ['镇规划建设管理办'],
        co: ['镇应急办', '镇经发办'],
        deadlines: ['2024-06-30'],
      },
      { title: '开展违规审批落地项目专项整治', lead: ['镇应急办'], co: ['镇市场监管所'], deadlines: ['2024-09-30'] },
      { title: '生产经营单位全面开展重大事故隐患大排查', lead: ['镇应急办'], co: ['各村（社区）'], deadlines: ['2024-12-31'] },
      { title: '严格落实“日周月”隐患排查制度', lead: ['镇应急办'], co: ['镇安监站', '镇安委会有关成员单位'], deadlines: [] },
      { title: '聚焦重大事故隐患精准执法', lead: ['镇综合行政执法大队'], co: ['镇派出所'], deadlines: [] },
    ]);
    expect(plan.tasks.map((t) => t.path.slice(1))).toEqual([
      ['重大安全风险源头管控', '1'],
      ['重大安全风险源头管控', '2'],
      ['重大事故隐患动态清零', '3'],
      ['重大事故隐患动态清零', '4'],
      ['安全生产精准执法', '5'],
    ]);
  });

  it('keeps each task’s row (table 1, header is row 1) for the review screen', () => {
    expect(plan.tasks.map((t) => t.source)).toEqual([2, 3, 4, 5, 6].map((row) => ({ table: 1, row })));
  });

  it('全年 is the year’s end, 每季度 a recurrence, 长期坚持 no date (issue 13)', () => {
    expect(plan.tasks[2]?.deadlines).toEqual([{ raw: '全年', date: '2024-12-31' }]);
    expect(plan.tasks[3]?.recurrence).toEqual(['每季度']);
    expect(plan.tasks[4]?.deadlines).toEqual([]);
  });

  it('numbered items under 工作要求 are not tasks', () => {
    expect(plan.tasks.some((t) => t.path[0]?.includes('工作要求'))).toBe(false);
  });

  it('reads the title split over two lines and the date in Chinese numerals', () => {
    expect(plan.title).toBe('星桥镇2024年安全生产治本攻坚工作要点');
    expect(plan.period).toEqual({ start: 2024, end: 2024 });
    expect(plan.issuer).toBe('星桥镇人民政府');
    expect(plan.issueDate).toBe('2024-03-12');
    expect(plan.docNumber).toBe('星桥府发〔2024〕12号');
  });
});

describe('task table in markdown, no 序号 column, columns in another order, （牵头） role marks', () => {
  const plan = parse('table-markdown.md');

  it('gives every row as a task with its units and deadline', () => {
    expect(ledger(plan)).toEqual([
      { title: '深化密集场所消防安全隐患排查', lead: ['镇消防站'], co: ['镇派出所', '镇市场监管所'], deadlines: ['2024-05-31'] },
      { title: '建筑施工领域专项整治', lead: ['镇规划建设管理办'], co: ['镇应急办'], deadlines: ['2024-12-31'] },
      { title: '燃气领域安全隐患排查', lead: ['镇城建办'], co: ['镇市场监管所', '各村'], deadlines: [] },
      { title: '危险化学品领域源头治理', lead: ['镇应急办'], co: [], deadlines: [] },
      { title: '严厉打击烟花爆竹违法犯罪', lead: ['镇派出所'], co: ['镇市场监管所', '镇应急办'], deadlines: ['2024-12-31'] },
    ]);
    expect(plan.tasks.map((t) => t.path)).toEqual(['1', '2', '3', '4', '5'].map((n) => ['二、主要任务', n]));
    expect(plan.tasks[0]?.text).toBe('深化密集场所消防安全隐患排查对商场、市场、宾馆等人员密集场所开展全覆盖检查，逐一建立隐患台账。');
  });

  it('numbered items under 保障措施 are not tasks, and their dates stay theirs', () => {
    expect(plan.tasks).toHaveLength(5);
    expect(plan.issueDate).toBe('2024-04-22');
  });
});

describe('annex 重点任务分工表 linked to the body’s tasks', () => {
  const plan = parse('annex.txt');

  it('takes each body task’s units and deadlines from its row of the annex', () => {
    expect(ledger(plan)).toEqual([
      { title: '健全完善生产经营单位重大事故隐患自查自改常态化机制', lead: ['镇应急办'], co: ['各村（社区）'], deadlines: ['2024-06-30'] },
      { title: '强化重大事故隐患精准执法', lead: ['镇综合行政执法大队'], co: ['镇派出所', '镇市场监管所'], deadlines: ['2024-12-31'] },
      { title: '推动安全教育培训全覆盖', lead: ['镇应急办'], co: ['镇人社所', '镇安委会有关成员单位'], deadlines: ['2025-12-31'] },
      { title: '实施安全宣传进企业行动', lead: ['镇宣传办'], co: ['镇应急办', '各村（社区）'], deadlines: ['2024-12-31'] },
    ]);
  });

  it('marks the dates as the table’s and points at the row; the annex rows are not tasks of their own', () => {
    expect(plan.tasks.every((t) => t.deadlines.every((d) => d.src === 'table'))).toBe(true);
    expect(plan.tasks.map((t) => t.source)).toEqual([2, 3, 4, 5].map((row) => ({ table: 1, row })));
    expect(plan.tasks.map((t) => t.ordinal)).toEqual(['1.', '2.', '3.', '4.']);
  });

  it('says which rows of the annex name no task of the body', () => {
    expect(plan.notes).toEqual(['1 行表格未能对应到正文中的任务（表1第6行“开展汛期应急演练”），这些行的责任单位和时限未导入，请核对']);
  });
});

describe('a copy whose line breaks were lost', () => {
  const plan = parse('lost-breaks.txt');

  it('parses the tasks it can, with units from 责任单位 and role marks, and deadlines', () => {
    expect(ledger(plan)).toEqual([
      {
        title: '健全完善生产经营单位重大事故隐患自查自改常态化机制',
        lead: ['镇应急办'],
        co: ['镇安委会有关成员单位'],
        deadlines: ['2024-06-30', '2024-12-31'],
      },
      { title: '建立重大事故隐患督办销号制度', lead: ['镇应急办'], co: ['镇规划建设管理办', '镇市场监管所'], deadlines: ['2024-12-31'] },
      { title: '开展生产经营单位从业人员安全技能培训', lead: ['镇人社所', '镇应急办'], co: [], deadlines: [] },
      { title: '开展安全宣传“五进”活动', lead: ['镇宣传办'], co: ['各村（社区）'], deadlines: ['2024-11-30'] },
    ]);
    expect(plan.tasks[1]?.path).toEqual(['二、主要任务', '（一）开展重大事故隐患动态清零行动', '2.']);
    expect(plan.tasks[2]?.recurrence).toEqual(['每季度']);
  });

  it('says what it split and what it could not read, instead of rejecting the document', () => {
    expect(plan.notes).toHaveLength(2);
    expect(plan.notes?.[0]).toMatch(/换行丢失.*已按编号拆分/u);
    expect(plan.notes?.[1]).toMatch(/表格.*无法还原行列/u);
  });

  it('still finds the title, the signature and its date in Chinese numerals', () => {
    expect(plan.title).toBe('星桥镇2024年安全生产治本攻坚工作实施方案');
    expect(plan.issuer).toBe('星桥镇人民政府');
    expect(plan.issueDate).toBe('2024-04-22');
  });
});
