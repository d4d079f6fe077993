/**
 * 统一社会信用代码 — GB 32100-2015 (shared/domain/regulations.md §7.1, [P]): 18 characters from a 31-symbol
 * charset (no I, O, S, V, Z); the 18th is a check character over the first 17 with weights 3^(i-1) mod 31.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** Upper-cases and removes spaces, including full-width ones and full-width letters/digits pasted from Word. */
export function normaliseCreditCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i] as string);
    if (v < 0) throw new Error(`invalid character ${first17[i]}`);
    sum += v * (WEIGHTS[i] as number);
  }
  return CHARSET[(31 - (sum % 31)) % 31] as string;
}

/** A Chinese message saying what is wrong with a (normalised) credit code, or null when it is valid. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `应为 18 位，实际 ${code.length} 位`;
  const bad = [...code].find((c) => !CHARSET.includes(c));
  if (bad) return `含有不允许的字符“${bad}”（不使用 I、O、S、V、Z）`;
  if (!SHAPE.test(code)) return '格式不符：第 3–8 位应为行政区划代码（6 位数字）';
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return `校验位应为 ${expected}，实际为 ${code[17]}`;
  return null;
}
