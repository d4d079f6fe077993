import { describe, expect, it } from 'vitest';
import { defaultDocPrefix, documentNumber } from './hazard-document.rules.ts';

describe('发文字号 (GB/T 9704-2012 7.2.4: 机关代字、年份〔〕、顺序号不加“第”不编虚位)', () => {
  it('writes 示例镇安委办督〔2026〕3号 for the third letter of the year, from the default prefix', () => {
    expect(documentNumber(defaultDocPrefix('示例镇'), 'letter', 2026, 3)).toBe('示例镇安委办督〔2026〕3号');
    expect(documentNumber('曲梁镇安委', 'bulletin', 2027, 12)).toBe('曲梁镇安委通〔2027〕12号');
    expect(() => documentNumber('示例镇安委办', 'letter', 2026, 0)).toThrow();
  });
});
