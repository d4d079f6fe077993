import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, normaliseCreditCode } from './credit-code.rules.ts';

// GB 32100-2015 (regulations.md §7.1): check = (31 − Σ value·3^(i−1) mod 31) mod 31 over the 31-symbol charset.
describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    // Codes printed on public business licences.
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('911100001000000000'.slice(0, 17) + creditCodeCheckChar('91110000100000000'))).toBeNull();
  });
  it('names the expected check character', () => {
    const good = `9133011070000000${'1'}`;
    const check = creditCodeCheckChar(good);
    const wrong = check === '0' ? '1' : '0';
    expect(creditCodeProblem(good + wrong)).toBe(`校验位应为 ${check}，实际为 ${wrong}`);
  });
  it('handles a remainder of 0 as check 0, not 31', () => {
    // Find a 17-char prefix whose weighted sum is divisible by 31.
    for (let n = 0; n < 1000; n++) {
      const prefix = `91330110${String(n).padStart(9, '0')}`;
      if (creditCodeCheckChar(prefix) === '0') {
        expect(creditCodeProblem(`${prefix}0`)).toBeNull();
        return;
      }
    }
    throw new Error('no prefix with check 0 found');
  });
  it('rejects the letters the charset leaves out, and wrong lengths', () => {
    expect(creditCodeProblem('91330110MA2ABCDEIO')).toMatch(/不允许的字符/);
    expect(creditCodeProblem('9133011')).toMatch(/应为 18 位/);
  });
  it('normalises full-width characters, spaces and case', () => {
    expect(normaliseCreditCode(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('91350100M000100Y43');
  });
});
