import { describe, expect, it } from 'vitest';
import { effectiveRiskLevel, openMajorHazardRiskFloor } from './enterprise-risk.rules.ts';

// ADR 0013 (local rule): open 重大事故隐患 (16号令 第三条) raise the shown level to at least 较大风险.
describe('effective risk level while 重大事故隐患 are open (ADR 0013, 16号令 第三条)', () => {
  it('shows the registered level when no major hazard is open', () => {
    expect(effectiveRiskLevel('low', 0)).toEqual({
      registered: 'low',
      assessed: null,
      effective: 'low',
      raised: false,
      openMajorHazards: 0,
      reason: null,
    });
    expect(effectiveRiskLevel(null, 0).effective).toBeNull();
  });

  it('raises 低风险 to 较大风险 with a visible reason naming the count', () => {
    const r = effectiveRiskLevel('low', 3);
    expect(r.effective).toBe('high');
    expect(r.raised).toBe(true);
    expect(r.reason).toContain('存在 3 项未销号重大隐患');
    expect(r.reason).toContain('登记为低风险');
  });

  it('raises an enterprise never graded, and says it was not graded', () => {
    const r = effectiveRiskLevel(null, 1);
    expect(r.effective).toBe(openMajorHazardRiskFloor);
    expect(r.reason).toContain('未评定');
  });

  it('never lowers a higher registered level, and gives no reason when nothing was raised', () => {
    expect(effectiveRiskLevel('major', 2)).toMatchObject({ effective: 'major', raised: false, reason: null, openMajorHazards: 2 });
    expect(effectiveRiskLevel('high', 2)).toMatchObject({ effective: 'high', raised: false, reason: null });
    expect(effectiveRiskLevel('medium', 2)).toMatchObject({ effective: 'high', raised: true });
  });
});

// Issue 16: the enterprise's own 风险辨识评估 (its worst 风险事件) feeds the registry's level.
describe('effective risk level with the self-assessed level (issue 16, regulations.md §5)', () => {
  it('raises the registered level to the assessed one and names the assessment as the source', () => {
    const r = effectiveRiskLevel('low', 0, 'major');
    expect(r).toMatchObject({ registered: 'low', assessed: 'major', effective: 'major', raised: true });
    expect(r.reason).toBe('企业风险辨识评估最高为重大风险（登记为低风险）');
  });
  it('never lowers the registered level below what was registered', () => {
    expect(effectiveRiskLevel('major', 0, 'low')).toMatchObject({ effective: 'major', raised: false, reason: null });
  });
  it('takes the highest of registered, assessed and the open-major-hazard floor, naming each source that reached it', () => {
    expect(effectiveRiskLevel(null, 0, 'medium')).toMatchObject({ effective: 'medium', raised: true });
    expect(effectiveRiskLevel('low', 2, 'medium').effective).toBe('high');
    expect(effectiveRiskLevel('low', 2, 'medium').reason).toContain('存在 2 项未销号重大隐患');
    const both = effectiveRiskLevel('low', 1, 'high');
    expect(both.reason).toContain('企业风险辨识评估最高为较大风险');
    expect(both.reason).toContain('存在 1 项未销号重大隐患');
    expect(effectiveRiskLevel('medium', 1, 'major')).toMatchObject({ effective: 'major' });
    expect(effectiveRiskLevel('medium', 1, 'major').reason).not.toContain('重大隐患');
  });
});
