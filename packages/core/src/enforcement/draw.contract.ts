import { z } from 'zod';
import { maxRecordId } from '../common/common.contract.ts';

/** A record id inside a JSON body (a number). */
const recordId = z.number().int().min(1).max(maxRecordId);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** The least number of inspectors per check (国办发〔2015〕58号: 执法检查不少于两人). */
export const drawMinInspectorsPerCheck = 2;
/** A hostile or mistaken input cannot make a draw run away: 名录库 sizes a county reaches, with room. */
export const drawMaxTargets = 100_000;
export const drawMaxInspectors = 5_000;

export const drawTarget = z.object({
  id: recordId,
  name: z.string().min(1).max(200),
  /** Where the target is: an inspector whose home village contains it recuses. */
  regionCode: z.string().min(1).max(20),
});

export const drawInspector = z.object({
  id: recordId,
  name: z.string().min(1).max(50),
  certificateNo: z.string().min(1).max(50),
  certificateValidUntil: isoDay,
  /** The inspector's home village (or township), for recusal; null when not recorded. */
  homeRegionCode: z.string().max(20).nullable(),
});

/** Everything a draw depends on, recorded as it was at the draw and published with it. */
export const drawInputs = z
  .object({
    drawnOn: isoDay,
    targetCount: z.number().int().min(1, { message: '抽取数量至少为 1' }),
    inspectorsPerCheck: z
      .number()
      .int()
      .min(drawMinInspectorsPerCheck, { message: `每组执法人员不少于 ${drawMinInspectorsPerCheck} 名` })
      .max(10),
    recusalDays: z.number().int().min(0).max(3660),
    targets: z.array(drawTarget).min(1, { message: '检查对象名录库为空' }).max(drawMaxTargets),
    inspectors: z.array(drawInspector).max(drawMaxInspectors),
    /** Earlier checks within the recusal window: the same inspector does not return to the same target. */
    recentChecks: z.array(z.object({ inspectorId: recordId, targetId: recordId, on: isoDay })).max(500_000),
  })
  .superRefine((d, ctx) => {
    const unique = (ids: number[]) => new Set(ids).size === ids.length;
    if (!unique(d.targets.map((t) => t.id))) ctx.addIssue({ code: 'custom', path: ['targets'], message: '检查对象重复' });
    if (!unique(d.inspectors.map((i) => i.id))) ctx.addIssue({ code: 'custom', path: ['inspectors'], message: '执法人员重复' });
    if (d.targetCount > d.targets.length)
      ctx.addIssue({
        code: 'custom',
        path: ['targetCount'],
        message: `抽取数量 ${d.targetCount} 超过名录库中的 ${d.targets.length} 个对象`,
      });
    const valid = d.inspectors.filter((i) => i.certificateValidUntil >= d.drawnOn).length;
    if (valid < d.inspectorsPerCheck)
      ctx.addIssue({
        code: 'custom',
        path: ['inspectors'],
        message: `执法证在有效期内的执法人员只有 ${valid} 名，少于每组 ${d.inspectorsPerCheck} 名`,
      });
  });
export type DrawInputs = z.infer<typeof drawInputs>;

export const drawSkip = z.object({ targetId: recordId, reason: z.string() });
export type DrawSkip = z.infer<typeof drawSkip>;

export const drawResult = z.object({
  algorithm: z.string(),
  /** In drawn order; each team's inspector ids ascending. */
  checks: z.array(z.object({ targetId: recordId, inspectorIds: z.array(recordId) })),
  /** Targets drawn but passed over because too few inspectors may inspect them (回避后顺延). */
  skipped: z.array(drawSkip),
});
export type DrawResult = z.infer<typeof drawResult>;

/** The published record `npx anzhi draw verify FILE` and the public page check. */
export const drawRecord = z.object({
  inputs: drawInputs,
  seedHash: z.string().regex(/^[0-9a-f]{64}$/i, '种子哈希应为 64 位十六进制'),
  seed: z.string().regex(/^[0-9a-f]{64}$/i, '随机种子应为 64 位十六进制'),
  algorithm: z.string(),
  result: drawResult,
});
