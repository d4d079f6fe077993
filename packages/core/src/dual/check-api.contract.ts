import { z } from 'zod';
import { maxRecordId, pageOf } from '../common/common.contract.ts';
import { checkTaskInput } from './check-task.contract.ts';
import { checkCycles, checkRecordKinds, checkResults, checkTemplates, taskPeriodStatuses } from './dual.dict.ts';

/** The desktop's check API (issue 16, part B): tasks, the due-check calendar, and the records the phones synced. */
const id = z.number().int('应为正整数编号').positive('应为正整数编号').max(maxRecordId, '编号超出范围');
const queryId = z.coerce.number().int('应为正整数编号').positive('应为正整数编号').max(maxRecordId, '编号超出范围');
const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const checkTaskListQuery = z.object({
  enterpriseId: queryId.optional(),
  cycle: z.enum(checkCycles).optional(),
  active: flag.optional(),
  measureId: queryId.optional(),
});

export const checkTaskView = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  measureId: z.number().int().nullable(),
  template: z.enum(checkTemplates).nullable(),
  title: z.string(),
  cycle: z.enum(checkCycles),
  postId: z.number().int().nullable(),
  postName: z.string().nullable(),
  ownerName: z.string().nullable(),
  items: z.array(z.string()),
  active: z.boolean(),
  startsOn: z.string(),
  version: z.number().int(),
});
export type CheckTaskView = z.infer<typeof checkTaskView>;
export const checkTaskList = z.object({ items: z.array(checkTaskView) });

/** A task for an enterprise: an enterprise account's own, others name it. */
export const checkTaskCreateBody = z.intersection(z.object({ enterpriseId: id.optional() }), checkTaskInput);
export type CheckTaskCreateBody = z.infer<typeof checkTaskCreateBody>;
export const checkTaskUpdateBody = z.intersection(z.object({ version: z.number().int().min(1) }), checkTaskInput);
export type CheckTaskUpdateBody = z.infer<typeof checkTaskUpdateBody>;

/** A control measure becomes a task: its content is the checklist. */
export const checkTaskFromMeasureBody = z
  .object({
    measureId: id,
    cycle: z.enum(checkCycles, { error: '排查周期应为 每班、每日、每周、每月 或 每季' }),
    postId: id.nullable().optional(),
    ownerName: z
      .string()
      .trim()
      .max(50, '责任人不超过 50 字')
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .optional(),
    startsOn: date.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.postId == null && !t.ownerName)
      ctx.addIssue({ code: 'custom', path: ['postId'], message: '请指定责任岗位或责任人（排查任务不能没有责任人）' });
  });
export type CheckTaskFromMeasureBody = z.infer<typeof checkTaskFromMeasureBody>;

export const checkTemplatesBody = z.object({ enterpriseId: id.optional(), startsOn: date.optional() });
export const checkTemplatesResult = z.object({ created: z.number().int(), items: z.array(checkTaskView) });

/** The due-check calendar of one enterprise and month: each task's periods with their state. */
export const checkCalendarQuery = z.object({
  enterpriseId: queryId.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-06')
    .optional(),
});
export const checkCalendarPeriod = z.object({
  taskPeriodId: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  slot: z.number().int(),
  status: z.enum(taskPeriodStatuses),
  /** Done after its last day. */
  late: z.boolean(),
  doneOn: z.string().nullable(),
  recordId: z.number().int().nullable(),
});
export const checkCalendar = z.object({
  month: z.string(),
  asOf: z.string(),
  tasks: z.array(
    z.object({ taskId: z.number().int(), title: z.string(), cycle: z.enum(checkCycles), periods: z.array(checkCalendarPeriod) }),
  ),
});
export type CheckCalendar = z.infer<typeof checkCalendar>;

export const checkRecordListQuery = z.object({
  enterpriseId: queryId.optional(),
  kind: z.enum(checkRecordKinds).optional(),
  from: date.optional(),
  to: date.optional(),
  abnormal: flag.optional(),
  checkedBy: queryId.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CheckRecordListQuery = z.infer<typeof checkRecordListQuery>;

export const checkRecordSummary = z.object({
  id: z.number().int(),
  clientId: z.string(),
  kind: z.enum(checkRecordKinds),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  taskPeriodId: z.number().int().nullable(),
  taskTitle: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  /** Done after the period's last day (task records only). */
  late: z.boolean(),
  checkedBy: z.number().int(),
  checkedByName: z.string(),
  checkedAt: z.string(),
  receivedAt: z.string(),
  itemCount: z.number().int(),
  abnormalCount: z.number().int(),
});
export type CheckRecordSummary = z.infer<typeof checkRecordSummary>;
export const checkRecordPage = pageOf(checkRecordSummary);

export const checkRecordDetail = checkRecordSummary.extend({
  note: z.string().nullable(),
  items: z.array(
    z.object({
      seq: z.number().int(),
      text: z.string(),
      result: z.enum(checkResults),
      note: z.string().nullable(),
      hazardId: z.number().int().nullable(),
      hazardCode: z.string().nullable(),
      photos: z.array(z.object({ fileId: z.number().int(), phash: z.string().nullable() })),
    }),
  ),
});
export type CheckRecordDetail = z.infer<typeof checkRecordDetail>;

/** At most this many photos in one record (all items together): the phone's upload budget. */
export const checkPhotoTotalMax = 24;
