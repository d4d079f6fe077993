import { describe, expect, it } from 'vitest';
import { industryDivisions, industrySections } from './industry.dict.ts';

describe('GB/T 4754-2017 国民经济行业分类 (regulations.md §7.4)', () => {
  it('has 20 sections A–T and 97 divisions 01–97 in order', () => {
    expect(industrySections.map(([c]) => c).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    const codes = Object.keys(industryDivisions).sort();
    expect(codes).toHaveLength(97);
    expect(codes[0]).toBe('01');
    expect(codes[96]).toBe('97');
  });
  it('puts chemicals under manufacturing', () => {
    expect(industryDivisions['26']).toMatchObject({ name: '化学原料和化学制品制造业', section: 'C' });
  });
});
