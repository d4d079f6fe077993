import { describe, expect, it } from 'vitest';
import type { PlanTask } from './plan.contract.ts';
import { type DiffTask, diffPlanTasks, diffTaskOf, planTreeOf, splitHeading, titleSimilarity } from './plan-tracking-tree.rules.ts';

const task = (path: string[], title: string, extra: Partial<PlanTask> = {}): PlanTask => ({
  path,
  ordinal: path[path.length - 1] as string,
  title,
  text: `${title}。`,
  leadUnits: [],
  coUnits: [],
  deadlines: [],
  recurrence: [],
  milestones: [],
  targets: [],
  ...extra,
});

// Seed 003: 三、主要任务 › （五）开展重大事故隐患动态清零行动 › 10. / 11.
const top = '三、主要任务';
const five = '（五）开展重大事故隐患动态清零行动';
const six = '（六）开展安全科技支撑和工程治理行动';
const seed003 = [
  task([top, five, '10.'], '完善镇级政府与行业部门对于重大事故隐患治理的督办制度'),
  task([top, five, '11.'], '健全重大事故隐患数据库', {
    leadUnits: ['应急管理办', '应急执法中队'],
    deadlines: [{ raw: '2024年底前', date: '2024-12-31' }],
  }),
  task([top, six, '12.'], '及时更新先进适用技术装备推广及淘汰落后生产工艺技术设备'),
];

describe('planTreeOf (seed 003 headings become group nodes)', () => {
  it('makes one group per heading and puts tasks under the nearest one', () => {
    const nodes = planTreeOf(seed003);
    expect(nodes.map((n) => [n.kind, n.ordinal, n.title, n.depth])).toEqual([
      ['group', '三、', '主要任务', 0],
      ['group', '（五）', '开展重大事故隐患动态清零行动', 1],
      ['task', '10.', '完善镇级政府与行业部门对于重大事故隐患治理的督办制度', 2],
      ['task', '11.', '健全重大事故隐患数据库', 2],
      ['group', '（六）', '开展安全科技支撑和工程治理行动', 1],
      ['task', '12.', '及时更新先进适用技术装备推广及淘汰落后生产工艺技术设备', 2],
    ]);
    const byKey = new Map(nodes.map((n) => [n.key, n]));
    expect(byKey.get(nodes[3]?.parentKey as string)?.title).toBe('开展重大事故隐患动态清零行动');
    expect(nodes[3]?.taskIndex).toBe(1);
  });
  it('keeps two tasks with the same numbering apart', () => {
    const nodes = planTreeOf([task([top, '1.'], '甲'), task([top, '1.'], '乙')]);
    const keys = nodes.filter((n) => n.kind === 'task').map((n) => n.key);
    expect(new Set(keys).size).toBe(2);
  });
  it('splits the ordinal from a heading', () => {
    expect(splitHeading('（一）指导思想。')).toEqual({ ordinal: '（一）', title: '指导思想' });
    expect(splitHeading('第二部分 重点任务')).toEqual({ ordinal: '第二部分', title: '重点任务' });
    expect(splitHeading('工作要求')).toEqual({ ordinal: '', title: '工作要求' });
  });
});

describe('diffPlanTasks (a re-import of a revised plan)', () => {
  const old: DiffTask[] = seed003.map(diffTaskOf);

  it('finds nothing changed in the same document', () => {
    const d = diffPlanTasks(old, seed003.map(diffTaskOf));
    expect(d).toMatchObject({ added: [], removed: [], changed: [] });
    expect(d.unchanged).toHaveLength(3);
  });
  it('matches by path first and names the changed fields', () => {
    const revised = seed003.map(diffTaskOf);
    revised[1] = { ...(revised[1] as DiffTask), deadlines: ['2025-06-30'], leadUnits: ['应急管理办'] };
    const d = diffPlanTasks(old, revised);
    expect(d.changed).toEqual([{ old: 1, next: 1, fields: ['leadUnits', 'deadlines'] }]);
  });
  it('follows a renumbered task by its title, and reports what was added and removed', () => {
    const revised = [
      diffTaskOf(task([top, five, '9.'], '完善镇级政府与行业部门对重大事故隐患治理的督办制度')),
      diffTaskOf(seed003[1] as PlanTask),
      diffTaskOf(task([top, six, '13.'], '深入开展老旧场所超年限使用、消防设施升级改造')),
    ];
    const d = diffPlanTasks(old, revised);
    expect(d.unchanged).toEqual([{ old: 1, next: 1 }]);
    expect(d.changed).toEqual([{ old: 0, next: 0, fields: ['path', 'title', 'text'] }]);
    expect(d.added).toEqual([2]);
    expect(d.removed).toEqual([2]);
  });
  it('rates titles by shared character pairs', () => {
    expect(titleSimilarity('健全重大事故隐患数据库', '健全重大事故隐患数据库')).toBe(1);
    expect(titleSimilarity('健全重大事故隐患数据库', '健全完善重大事故隐患数据库')).toBeGreaterThan(0.8);
    expect(titleSimilarity('健全重大事故隐患数据库', '强化危险化学品安全监管')).toBeLessThan(0.2);
  });
});
