import { describe, expect, it } from 'vitest';
import { drawCreateBody, drawRecusalCheckStatuses } from './draw-api.contract.ts';
import { checkStatuses } from './enforcement.dict.ts';
import { inspectorCreateBody, targetExclusionBody } from './enforcement-directory.contract.ts';

describe('draw and 名录库 contracts', () => {
  it('a draw needs at least two inspectors per check (国办发〔2015〕58号: 执法检查不少于两人), in Chinese', () => {
    const r = drawCreateBody.safeParse({ unitId: 1, title: '抽查', targetCount: 3, inspectorsPerCheck: 1, scheduledOn: '2026-03-10' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('每组执法人员不少于 2 名');
    expect(
      drawCreateBody.parse({ unitId: 1, title: '抽查', targetCount: 3, inspectorsPerCheck: 2, scheduledOn: '2026-03-10' }).planId,
    ).toBeNull();
  });

  it('every check but a cancelled one makes an inspector recuse (regulations.md §9.1 回避)', () => {
    expect([...drawRecusalCheckStatuses].sort()).toEqual(checkStatuses.filter((s) => s !== 'cancelled').sort());
  });

  it('an inspector needs a name, a 执法证号 and its validity; exclusion needs a reason', () => {
    const r = inspectorCreateBody.safeParse({ unitId: 1, name: '', certificateNo: 'x', certificateValidUntil: '2027-1-1' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', '请填写姓名'],
      ['certificateNo', '执法证号至少 4 位'],
      ['certificateValidUntil', '日期格式应为 YYYY-MM-DD'],
    ]);
    expect(targetExclusionBody.safeParse({ excluded: true, reason: ' ' }).error?.issues[0]?.message).toBe('请填写原因（至少 2 字）');
  });
});
