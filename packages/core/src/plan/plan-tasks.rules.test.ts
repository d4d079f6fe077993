import { describe, expect, it } from 'vitest';
import { parsePlan } from './plan-parse.rules.ts';
import { isTaskSection, taskTitle } from './plan-tasks.rules.ts';

const tasks = (lines: string[]) => parsePlan({ fileName: 'p.txt', text: lines.join('\n') }).tasks;

describe('task titles (FORMAT.md › Task.title)', () => {
  it.each([
    ['强化重大安全风险源头管控。统筹区域经济布局，推进转型。', false, '强化重大安全风险源头管控'],
    ['坚持问题导向，常态化开展督查检查，达到整改目的。', false, '坚持问题导向'],
    ['对整改不力的村（社区）、重点企业实施追责问责，强化警示。', false, '对整改不力的村（社区）、重点企业实施追责问责'],
    [
      '按照“党政同责、一岗双责”、“管行业必须管安全，管业务必须管安全”等原则，厘清职责。',
      false,
      '按照“党政同责、一岗双责”、“管行业必须管安全，管业务必须管安全”等原则',
    ],
    ['推动开展1次演练（高危行业每半年至少1次），定期开展演练。', false, '推动开展1次演练（高危行业每半年至少1次）'],
    ['明确主管部门职责：贯彻部署，组织实施。', false, '明确主管部门职责'],
    ['实施专项整治，防范化解重大风险。', true, '实施专项整治，防范化解重大风险'],
  ])('%s', (head, ownLine, title) => {
    expect(taskTitle(head, ownLine)).toBe(title);
  });
});

describe('which items are tasks (FORMAT.md › Task)', () => {
  it('tasks sit in 主要任务/重点工作/八大行动 sections, not in 总体要求/任务分工/保障措施', () => {
    for (const s of ['主要任务', '重点任务', '重点工作', '2024—2026年“八大行动”', '2024年重点工作任务', '大力实施“九大行动”和“五个提升”'])
      expect(isTaskSection(s)).toBe(true);
    for (const s of ['总体要求', '任务分工', '保障措施', '工作目标', '指导思想']) expect(isTaskSection(s)).toBe(false);
  });

  it('the finest numbered item is the task; a numbered section whose body is a paragraph is itself the task', () => {
    const t = tasks([
      '一、总体要求',
      '（一）指导思想。坚持安全第一。',
      '二、主要任务',
      '（一）开展检查行动',
      '抓好全面覆盖。',
      '（二）开展整治行动',
      '1.抓自查。',
      '2.抓整改。',
      '三、保障措施',
      '（一）加强领导。',
    ]);
    expect(t.map((x) => [x.path.join(' > '), x.title, x.text])).toEqual([
      ['二、主要任务 > （一）', '开展检查行动', '开展检查行动抓好全面覆盖。'],
      ['二、主要任务 > （二）开展整治行动 > 1.', '抓自查', '抓自查。'],
      ['二、主要任务 > （二）开展整治行动 > 2.', '抓整改', '抓整改。'],
    ]);
  });

  it('a task’s text runs on over unnumbered paragraphs, but not past its closing annotation', () => {
    const t = tasks([
      '一、重点任务',
      '（1）开展检查。（镇应急办负责）',
      '以上领域主管部门要全面开展专项整治，2024年底前完成。',
      '（2）开展整改，',
      '明确职责。',
    ]);
    expect(t.map((x) => [x.text, x.deadlines.length])).toEqual([
      ['开展检查。（镇应急办负责）', 0],
      ['开展整改，明确职责。', 0],
    ]);
  });

  it('a 责任单位/完成时限 line closing a section applies to that section’s tasks only (seed 004)', () => {
    const t = tasks([
      '二、主要任务',
      '（一）开展培训行动',
      '1.抓培训。2024年6月底前完成培训。',
      '2.抓考核。',
      '（责任单位：街道安委会办公室、应急办牵头，街道安委会有关成员单位组织实施；完成时限：2024年8月底前取得明显成效，并长期坚持）',
      '（二）开展执法行动',
      '1.抓执法。',
    ]);
    expect(t.map((x) => [x.leadUnits, x.coUnits, x.deadlines.map((d) => d.date), x.inherited ?? []])).toEqual([
      [['街道安委会办公室', '应急办'], ['街道安委会有关成员单位'], ['2024-06-30', '2024-08-31'], ['leadUnits', 'coUnits', 'deadlines']],
      [['街道安委会办公室', '应急办'], ['街道安委会有关成员单位'], ['2024-08-31'], ['leadUnits', 'coUnits', 'deadlines']],
      [[], [], [], []],
    ]);
    expect(t[1]?.text).toBe('抓考核。');
  });

  it('a deadline without a year takes the year of its section heading (三、2024年重点工作任务)', () => {
    const t = tasks([
      '金坛区三年行动（2024-2026年）工作方案',
      '一、2024—2026年“八大行动”',
      '（一）源头管控行动。6月底前完成。',
      '二、2024年重点工作任务',
      '（1）开展排查，6月底前完成。',
    ]);
    expect(t.map((x) => x.deadlines.map((d) => d.date))).toEqual([[], ['2024-06-30']]);
  });

  it('a plan numbering only its tasks, without 任务 sections, still has tasks', () => {
    const t = tasks(['某镇安全生产检查工作要点', '（一）开展燃气检查。（镇建设办负责）', '（二）开展消防检查。（镇消防站负责）']);
    expect(t.map((x) => [x.ordinal, x.leadUnits])).toEqual([
      ['（一）', ['镇建设办']],
      ['（二）', ['镇消防站']],
    ]);
  });
});
