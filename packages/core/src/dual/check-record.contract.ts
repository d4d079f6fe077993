import { z } from 'zod';
import { maxRecordId } from '../common/common.contract.ts';
import { checkCycles, checkRecordKinds, checkResults, taskPeriodStatuses } from './dual.dict.ts';

/**
 * The phone's check API, shared by the enterprise's 日周月排查 and the grid worker's 小场所巡查, online and offline:
 * - `GET /api/v1/check-tasks/today?enterpriseId=` → the due checks of today with their checklists (cached on the
 *   device for offline use);
 * - `POST /api/v1/check-records` (multipart: a `record` field holding `checkRecordInput` as JSON, and photo parts
 *   named `photo.<seq>`) → `checkRecordSynced`. The client makes `clientId` (a UUID) once per record and sends it
 *   again on every retry: a second post of the same record answers `duplicate` with the first result and creates no
 *   second record and no second hazard. A `clientId` already used by another account or for another enterprise, a
 *   due check of another enterprise, or a check not due is refused with a Chinese message (HTTP 409 / 400).
 */
export const checkPhotoMax = 6;
export const checkPhotoMaxBytes = 8 * 1024 * 1024;
/** The multipart part name of item `seq`'s photos. */
export const checkPhotoPart = (seq: number) => `photo.${seq}`;

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const id = z.number().int('应为正整数编号').positive('应为正整数编号').max(maxRecordId, '编号超出范围');
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 字`)
    .transform((s) => (s === '' ? undefined : s))
    .optional();

export const checkItemResultInput = z.object({
  seq: z.number().int().min(1, '序号应从 1 开始').max(200, '序号不超过 200'),
  text: z.string().trim().min(1, '请填写检查内容').max(500, '检查内容不超过 500 字'),
  result: z.enum(checkResults, { error: '检查结果应为“正常”或“异常”' }),
  note: optionalText(500, '情况说明'),
  /** 异常 only: a major hazard (重大事故隐患), fixed on the spot, or the deadline to fix it. */
  major: z.boolean().default(false),
  fixedOnSpot: z.boolean().default(false),
  deadline: date.optional(),
});
export type CheckItemResultInput = z.infer<typeof checkItemResultInput>;

export const checkRecordInput = z
  .object({
    clientId: z.uuid({ error: '记录标识应为设备生成的 UUID' }),
    kind: z.enum(checkRecordKinds),
    /** kind `task`: the due check (check_task_periods.id) this record fulfils. */
    taskPeriodId: id.optional(),
    /** The enterprise checked (kind `task`), or the small venue patrolled (kind `patrol`: a registry row). */
    enterpriseId: id,
    /** When the check was done on the device (may be hours before the sync). */
    checkedAt: z.iso.datetime({ offset: true, error: '检查时间格式不正确' }),
    items: z.array(checkItemResultInput).min(1, '至少记录一项检查内容').max(100, '一次最多记录 100 项'),
    note: optionalText(1000, '备注'),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'task' && r.taskPeriodId === undefined)
      ctx.addIssue({ code: 'custom', path: ['taskPeriodId'], message: '企业排查记录应指明对应的排查任务' });
    const seen = new Set<number>();
    for (const [i, item] of r.items.entries()) {
      if (seen.has(item.seq)) ctx.addIssue({ code: 'custom', path: ['items', i, 'seq'], message: `序号 ${item.seq} 重复` });
      seen.add(item.seq);
      if (item.result === 'abnormal' && !item.note)
        ctx.addIssue({ code: 'custom', path: ['items', i, 'note'], message: `第 ${item.seq} 项为异常，请说明发现的问题` });
      // An 异常 becomes a hazard, and a hazard in hand always has a deadline (16号令; hazard contract).
      if (item.result === 'abnormal' && !item.major && !item.fixedOnSpot && !item.deadline)
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'deadline'],
          message: `第 ${item.seq} 项为异常，请填写整改期限或选择“立行立改”`,
        });
      if (item.result === 'abnormal' && item.major && item.fixedOnSpot)
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'fixedOnSpot'],
          message: `第 ${item.seq} 项：重大隐患不能立行立改，须认定后制定治理方案`,
        });
    }
  });
export type CheckRecordInput = z.infer<typeof checkRecordInput>;

export const checkRecordSynced = z.object({
  clientId: z.string(),
  recordId: z.number().int(),
  /** `duplicate`: this clientId was already recorded (a retried sync); the first result is returned unchanged. */
  status: z.enum(['created', 'duplicate']),
  /** The hazards the record's 异常 items became (one per item, never a copy). */
  hazardIds: z.array(z.number().int()),
});
export type CheckRecordSynced = z.infer<typeof checkRecordSynced>;

export const todayChecksQuery = z.object({
  enterpriseId: z.coerce.number().int().positive().max(maxRecordId).optional(),
  /** Only the checks of one post (岗位). */
  postId: z.coerce.number().int().positive().max(maxRecordId).optional(),
});

export const dueCheck = z.object({
  taskPeriodId: z.number().int(),
  taskId: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  title: z.string(),
  cycle: z.enum(checkCycles),
  periodStart: z.string(),
  periodEnd: z.string(),
  slot: z.number().int(),
  postId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(taskPeriodStatuses),
  recordId: z.number().int().nullable(),
  items: z.array(z.object({ seq: z.number().int(), text: z.string() })),
});
export type DueCheck = z.infer<typeof dueCheck>;
export const dueCheckList = z.object({ asOf: z.string(), items: z.array(dueCheck) });
export type DueCheckList = z.infer<typeof dueCheckList>;
