import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idParam } from './common.contract.ts';
import './zod-locale.ts';

function messageOf(schema: z.ZodType, value: unknown): string {
  const r = schema.safeParse(value);
  if (r.success) throw new Error(`accepted ${JSON.stringify(value)}`);
  return r.error.issues.map((i) => i.message).join(' | ');
}

describe('validation messages are Chinese for every kind of problem', () => {
  it.each([
    ['too long text', z.string().max(64), 'x'.repeat(65), '不能超过 64 个字符'],
    ['empty text', z.string().min(1), '', '不能为空'],
    ['short text', z.string().min(3), 'a', '至少 3 个字符'],
    ['too large a number', z.number().max(5), 6, '不能大于 5'],
    ['not positive', z.number().positive(), 0, '应大于 0'],
    ['a fraction for an integer', z.number().int(), 1.5, '应为整数'],
    ['an unknown option', z.enum(['a', 'b']), 'c', '应为以下之一：“a”、“b”'],
    ['a bad e-mail', z.email(), 'x', '应为有效的电子邮件地址'],
    ['a bad date', z.iso.date(), '2026-13-01', '应为日期（如 2026-03-01）'],
    ['a pattern', z.string().regex(/^a$/), 'b', '格式不正确'],
    ['too many items', z.array(z.string()).max(1), ['a', 'b'], '不能超过 1 项'],
    ['an unknown field', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, '不认识的字段：b'],
    ['no multiple', z.number().multipleOf(3), 4, '应为 3 的倍数'],
    ['no union member', z.union([z.string(), z.number()]), true, '取值无效'],
    ['a missing value', z.string(), undefined, '必填'],
    ['a wrong type', z.string(), 3, '应为文本'],
  ])('%s', (_name, schema, value, expected) => {
    const message = messageOf(schema, value);
    expect(message).toBe(expected);
    // No type-system words (string, number, <=, expected …) leak to users; quoted values and field names may be Latin.
    expect(message.replace(/“[^”]*”/g, '').replace(/^不认识的字段：.*/, '')).not.toMatch(/[A-Za-z<>=]/);
  });

  it('a schema that names its own message keeps it', () => {
    expect(messageOf(z.string().regex(/x/, '报告期应为 2026Q1 或 2026'), 'y')).toBe('报告期应为 2026Q1 或 2026');
  });
});

describe('a record id in a path is a plain positive decimal integer', () => {
  it.each(['0x10', ' 16', '16 ', '1e3', '-1', '0', '01', '1.5', '+7', '2147483648', '99999999999', '', 'abc'])('refuses %j', (id) => {
    const r = idParam.safeParse({ id });
    expect(r.success).toBe(false);
  });

  it('accepts 1 and the largest id the database holds', () => {
    expect(idParam.parse({ id: '1' })).toEqual({ id: 1 });
    expect(idParam.parse({ id: '2147483647' })).toEqual({ id: 2147483647 });
  });
});
