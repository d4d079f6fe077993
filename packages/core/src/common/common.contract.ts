import { z } from 'zod';

/** The one error body every endpoint answers with on failure. Messages are Chinese, codes English. */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** The largest id an `integer` (serial) column holds. */
export const maxRecordId = 2_147_483_647;

/**
 * A record id in a path: decimal digits only. `Number()` would also take "0x10", " 16" and "1e3", so the text is
 * checked before it becomes a number.
 */
export const recordId = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, '应为正整数编号')
  .transform(Number)
  .refine((n) => n <= maxRecordId, '编号超出范围');

export const idParam = z.object({ id: recordId });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const okBody = z.object({ ok: z.literal(true) });
