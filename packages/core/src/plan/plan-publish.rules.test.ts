import { describe, expect, it } from 'vitest';
import { hasLead, officeUnitOf, unledTasksProblem } from './plan-publish.rules.ts';

const task = (ordinal: string, leadUnitIds: number[] = [], leadVillages = false) => ({
  ordinal,
  title: `任务${ordinal}`,
  leadUnitIds,
  leadVillages,
});

describe('publishing needs a lead for every task (issue 10: 17 of 26 tasks without a lead unit)', () => {
  it('counts a lead unit or 各村（社区） as a lead', () => {
    expect(hasLead(task('1', [3]))).toBe(true);
    expect(hasLead(task('2', [], true))).toBe(true);
    expect(hasLead(task('3'))).toBe(false);
  });
  it('names the tasks without one, in Chinese, with the way out', () => {
    expect(unledTasksProblem([task('1', [3])])).toBeNull();
    const msg = unledTasksProblem([task('1', [3]), task('2'), task('3')]);
    expect(msg).toBe('2 项任务未指定牵头单位：2任务2；3任务3。请为其指定牵头单位，或选择“未指定的交由安委办牵头”');
    const many = unledTasksProblem(Array.from({ length: 17 }, (_, i) => task(String(i + 1))));
    expect(many).toMatch(/^17 项任务未指定牵头单位：1任务1；.*10任务10等。/);
  });
  it('finds the unit the office sits in: named 安委办 first, else the emergency office', () => {
    const u = (id: number, name: string, aliases: string[] = []) => ({ id, name, shortName: null, aliases });
    expect(officeUnitOf([u(1, '示例镇市场监管所'), u(2, '示例镇应急管理办公室')])?.id).toBe(2);
    expect(officeUnitOf([u(1, '示例镇应急管理办公室'), u(2, '示例镇经发办', ['安委办'])])?.id).toBe(2);
    expect(officeUnitOf([u(1, '示例镇市场监管所')])).toBeNull();
  });
});
