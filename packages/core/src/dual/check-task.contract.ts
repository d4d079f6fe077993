import { z } from 'zod';
import { maxRecordId } from '../common/common.contract.ts';
import { checkCycles, checkTemplates } from './dual.dict.ts';

/**
 * 排查任务 as entered (the task page, the Excel import, the standard templates): a checklist with a cycle and an owner —
 * a post or a named person; a task with neither is refused (nobody would do it).
 */
const id = z.number().int('应为正整数编号').positive('应为正整数编号').max(maxRecordId, '编号超出范围');
export const checkTaskInput = z
  .object({
    title: z.string().trim().min(1, '请填写任务名称').max(100, '任务名称不超过 100 字'),
    cycle: z.enum(checkCycles, { error: '排查周期应为 每班、每日、每周、每月 或 每季' }),
    measureId: id.nullable().optional(),
    template: z.enum(checkTemplates).nullable().optional(),
    postId: id.nullable().optional(),
    ownerName: z
      .string()
      .trim()
      .max(50, '责任人不超过 50 字')
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .optional(),
    items: z
      .array(z.string().trim().min(1, '检查内容不能为空').max(500, '每项检查内容不超过 500 字'))
      .min(1, '至少一项检查内容')
      .max(100, '检查内容不超过 100 项'),
    startsOn: z.iso.date({ error: '应为日期，如 2026-06-30' }).optional(),
    active: z.boolean().default(true),
  })
  .superRefine((t, ctx) => {
    if (t.postId == null && !t.ownerName)
      ctx.addIssue({ code: 'custom', path: ['postId'], message: '请指定责任岗位或责任人（排查任务不能没有责任人）' });
  });
export type CheckTaskInput = z.infer<typeof checkTaskInput>;
