import { labelOf } from '@anzhi/core';
import type { z } from 'zod';
import { errors } from './errors.ts';

/**
 * What the phone's synced records share (双重预防 check records, 专项检查 checks): the record travels as one JSON form
 * field beside its photo parts, and the database's unique indexes settle a retry or a race.
 */

/** Parses form field `field` as JSON and checks it with `schema`; a Chinese 400 naming every bad field otherwise. */
export function parseJsonField<S extends z.ZodType>(
  raw: string | undefined,
  schema: S,
  opts: { field: string; label: string },
): z.output<S> {
  const invalid = (message: string) => errors.badRequest('validation_failed', message, [{ path: opts.field, message }]);
  if (raw === undefined) throw invalid(`${opts.label}：缺少表单字段 ${opts.field}（记录内容 JSON）`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw invalid(`${opts.label}：字段 ${opts.field} 不是有效的 JSON`);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: `${labelOf(issue.path)}：${issue.message}` }));
  const message =
    details.length === 1 ? (details[0]?.message ?? '') : `记录有 ${details.length} 处错误：${details.map((d) => d.message).join('；')}`;
  throw errors.badRequest('validation_failed', message, details);
}

/** The constraint name and message of a unique violation anywhere in a driver error's cause chain, else null. */
export function uniqueViolationText(e: unknown): string | null {
  for (
    let c = e as { code?: unknown; cause?: unknown; message?: unknown; constraint?: unknown } | undefined, d = 0;
    c && d < 5;
    c = c.cause as typeof c, d++
  ) {
    if (c.code === '23505') return `${String(c.constraint ?? '')} ${String(c.message ?? '')}`;
  }
  return null;
}

/** A device time as the township reads it: China date and minute (2026-06-30 09:15). */
export const chinaMinuteOf = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
