import { z } from 'zod';
import { type ObjectFieldDef, objectFieldKinds } from './ledger-object.dict.ts';

/** An object type's field list as an administrator edits it: checked before it is stored. */
export const objectFieldDef = z
  .object({
    key: z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, '字段代码应以小写字母开头，只含字母和数字（不超过 40 个字符）'),
    label: z.string().trim().min(1, '请填写字段名称').max(30, '字段名称不超过 30 字'),
    kind: z.enum(objectFieldKinds, { error: '字段类型应为文本、整数、数值、日期、单选、是/否或电话' }),
    required: z.boolean().optional(),
    options: z.array(z.string().trim().min(1).max(30)).max(40, '选项不超过 40 个').optional(),
    max: z.number().positive().optional(),
    unit: z.string().trim().max(10).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'enum' && (f.options?.length ?? 0) < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: `单选字段“${f.label}”至少需要 2 个选项` });
  });

export const objectFieldDefs = z
  .array(objectFieldDef)
  .max(40, '字段不超过 40 个')
  .superRefine((fields, ctx) => {
    const keys = new Set<string>();
    const labels = new Set<string>();
    fields.forEach((f, i) => {
      if (keys.has(f.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `字段代码“${f.key}”重复` });
      if (labels.has(f.label)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `字段名称“${f.label}”重复` });
      keys.add(f.key);
      labels.add(f.label);
    });
  });

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/;

function fieldSchema(f: ObjectFieldDef): z.ZodType {
  const named = (m: string) => `${f.label}${m}`;
  // A required field left out (or null) reads 请填写<label>, not "<label>应为文本".
  const typeError = (m: string) => (issue: { input?: unknown }) => (issue.input == null ? `请填写${f.label}` : named(m));
  switch (f.kind) {
    case 'text': {
      const s = z
        .string({ error: typeError('应为文本') })
        .trim()
        .max(f.max ?? 200, named(`不超过 ${f.max ?? 200} 字`));
      return f.required ? s.min(1, `请填写${f.label}`) : s;
    }
    case 'phone':
      return z
        .string({ error: typeError('应为电话号码') })
        .trim()
        .regex(PHONE, named('应为手机号或带区号的固定电话'));
    case 'int': {
      const n = z
        .number({ error: typeError('应为整数') })
        .int(named('应为整数'))
        .min(0, named('不能为负数'));
      return f.max === undefined ? n : n.max(f.max, named(`不超过 ${f.max}`));
    }
    case 'number': {
      const n = z.number({ error: typeError('应为数字') }).min(0, named('不能为负数'));
      return f.max === undefined ? n : n.max(f.max, named(`不超过 ${f.max}`));
    }
    case 'date':
      return z.iso.date({ error: typeError('应为日期，如 2026-06-30') });
    case 'bool':
      return z.boolean({ error: typeError('应为“是”或“否”') });
    case 'enum': {
      const options = f.options ?? [];
      return z.string({ error: typeError('应为选项之一') }).refine((v) => options.includes(v), named(`应为${options.join('、')}之一`));
    }
  }
}

/**
 * The zod schema of an object's `data` built from its type's field list (the schema is kept as data): required fields
 * must be present, optional ones may be absent or null, unknown keys are dropped. The form, the API and the importer
 * all check with this one schema.
 */
export function objectDataSchema(fields: readonly ObjectFieldDef[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    const s = fieldSchema(f);
    shape[f.key] = f.required ? s : s.nullable().optional();
  }
  return z.object(shape).strip();
}

/** Crockford base32 without I, L, O, U: a label code read aloud or typed from a faded sticker. */
export const labelCodeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const labelCodeLength = 10;
export const isLabelCode = (s: string) => new RegExp(`^[${labelCodeAlphabet}]{${labelCodeLength}}$`).test(s);

/** The label code from random bytes (≥ `labelCodeLength` of them): 50 bits, unguessable enough for a sticker. */
export function labelCodeOf(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < labelCodeLength; i++) s += labelCodeAlphabet[(bytes[i] ?? 0) % 32];
  return s;
}
