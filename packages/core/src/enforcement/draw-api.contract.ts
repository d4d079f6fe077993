import { z } from 'zod';
import { maxRecordId, pageQuery } from '../common/common.contract.ts';
import { drawMinInspectorsPerCheck, drawRecord } from './draw.contract.ts';
import type { CheckStatus } from './enforcement.dict.ts';

/** The API of 双随机 draws (ADR 0022): commit (the seed's hash shown), run (the seed revealed), list, public record. */

const bodyId = z.number().int().min(1).max(maxRecordId);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/**
 * Checks that make an inspector recuse from a target within the recusal window: every check not cancelled
 * (planned ones count: the inspector is already going there).
 */
export const drawRecusalCheckStatuses = ['planned', 'inProgress', 'signed'] as const satisfies readonly CheckStatus[];

export const drawCreateBody = z.object({
  unitId: bodyId,
  title: z.string().trim().min(2, '请填写抽查名称（至少 2 字）').max(100, '抽查名称不超过 100 字'),
  targetCount: z.number().int('抽取数量应为整数').min(1, '抽取数量至少为 1').max(10_000, '一次抽取不超过 10000 个对象'),
  inspectorsPerCheck: z
    .number()
    .int()
    .min(drawMinInspectorsPerCheck, `每组执法人员不少于 ${drawMinInspectorsPerCheck} 名`)
    .max(10, '每组执法人员不超过 10 名'),
  /** The day the drawn checks are for; certificates must be valid on it, and recusal counts back from it. */
  scheduledOn: isoDay,
  planId: bodyId.nullable().default(null),
});
export type DrawCreateBody = z.infer<typeof drawCreateBody>;

export const drawListQuery = pageQuery.extend({
  unitId: z.coerce.number().int().min(1).max(maxRecordId).optional(),
  status: z.enum(['committed', 'drawn']).optional(),
});
export type DrawListQuery = z.infer<typeof drawListQuery>;

export const drawListItem = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  title: z.string(),
  status: z.enum(['committed', 'drawn']),
  seedHash: z.string(),
  algorithm: z.string(),
  scheduledOn: z.string(),
  targetCount: z.number().int(),
  inspectorsPerCheck: z.number().int(),
  /** Sizes of the frozen 名录库 snapshot. */
  targetPool: z.number().int(),
  inspectorPool: z.number().int(),
  /** Checks created by the draw (0 until drawn). */
  drawnChecks: z.number().int(),
  planId: z.number().int().nullable(),
  committedAt: z.string(),
  drawnAt: z.string().nullable(),
});
export type DrawListItem = z.infer<typeof drawListItem>;
export const drawPage = z.object({ items: z.array(drawListItem), total: z.number().int() });

export const drawDetail = drawListItem.extend({
  /** Revealed only once drawn (ADR 0022): null before. */
  seed: z.string().nullable(),
  recusalDays: z.number().int(),
  validInspectors: z.number().int(),
  recentChecks: z.number().int(),
  committedByName: z.string().nullable(),
  drawnByName: z.string().nullable(),
  result: z
    .object({
      checks: z.array(
        z.object({
          checkId: z.number().int().nullable(),
          checkCode: z.string().nullable(),
          targetId: z.number().int(),
          name: z.string(),
          regionCode: z.string(),
          regionName: z.string().nullable(),
          inspectors: z.array(z.object({ id: z.number().int(), name: z.string() })),
        }),
      ),
      skipped: z.array(z.object({ targetId: z.number().int(), name: z.string(), reason: z.string() })),
    })
    .nullable(),
});
export type DrawDetail = z.infer<typeof drawDetail>;

/** `GET /public/draws/{id}`: the core draw record as it was, with what a reader needs to recognise it. */
export const publicDraw = drawRecord.extend({
  id: z.number().int(),
  title: z.string(),
  unitName: z.string(),
  committedAt: z.string(),
  drawnAt: z.string(),
  /** Names of the villages the targets are in, for reading (the record itself keeps codes). */
  regionNames: z.record(z.string(), z.string()),
});
export type PublicDraw = z.infer<typeof publicDraw>;
