import { z } from 'zod';
import { maxRecordId, pageOf, pageQuery } from '../common/common.contract.ts';
import { fileIdList, uploadedFile } from '../file/file.contract.ts';
import { checkItemResults, checkItemSources, checkKinds, checkStatuses, signerRoles } from './enforcement.dict.ts';

/** 现场检查 (the on-site check, 五现场): request and response schemas. */

const recordId = z.number().int().min(1).max(maxRecordId);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const version = z.number().int().min(1, '版本号无效');

export const checkListQuery = pageQuery.extend({
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(checkStatuses).optional(),
  kind: z.enum(checkKinds).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  /** 2026-03: checks scheduled in that month. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional(),
  /** 我的检查: checks where the caller is one of the inspectors. */
  mine: bool.optional(),
  /** Checks scheduled in that year. */
  year: z.coerce.number().int().min(2000).max(2999).optional(),
  /** Checks with a failed item; `failedMajor` a failed major-hazard criterion (the statistics' lists). */
  failed: bool.optional(),
  failedMajor: bool.optional(),
});
export type CheckListQuery = z.infer<typeof checkListQuery>;

export const checkSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  kind: z.enum(checkKinds),
  status: z.enum(checkStatuses),
  scheduledOn: z.string(),
  inspectorNames: z.array(z.string()),
  signedAt: z.string().nullable(),
});
export type CheckSummary = z.infer<typeof checkSummary>;
export const checkPage = pageOf(checkSummary);

export const checkInspector = z.object({
  id: z.number().int(),
  name: z.string(),
  certificateNo: z.string(),
  certificateValidUntil: z.string(),
  userId: z.number().int().nullable(),
});

export const checkItem = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  source: z.enum(checkItemSources),
  criterionCode: z.string().nullable(),
  /** How the item's basis is cited (《…》第十一条第（三）项), null for the unit's own items. */
  citation: z.string().nullable(),
  text: z.string(),
  major: z.boolean(),
  result: z.enum(checkItemResults).nullable(),
  note: z.string().nullable(),
  photos: z.array(uploadedFile),
  deadline: z.string().nullable(),
  fixedOnSpot: z.boolean(),
  fixPhotos: z.array(uploadedFile),
  hazardId: z.number().int().nullable(),
  hazardCode: z.string().nullable(),
});
export type CheckItem = z.infer<typeof checkItem>;

export const checkSignatureView = z.object({
  role: z.enum(signerRoles),
  name: z.string(),
  inspectorId: z.number().int().nullable(),
  image: uploadedFile,
  recordHash: z.string(),
  at: z.string(),
});

export const checkQuizView = z.object({
  id: z.number().int(),
  workerName: z.string(),
  workerPost: z.string().nullable(),
  score: z.number().int(),
  maxScore: z.number().int(),
  at: z.string(),
});

export const checkAmendmentView = z.object({
  id: z.number().int(),
  reason: z.string(),
  changes: z.record(z.string(), z.unknown()),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const checkDetail = checkSummary.extend({
  enterprise: z.object({ id: z.number().int(), name: z.string(), address: z.string().nullable() }),
  inspectors: z.array(checkInspector),
  place: z.string().nullable(),
  startedAt: z.string().nullable(),
  explained: z.string().nullable(),
  representativeName: z.string().nullable(),
  refusedToSign: z.string().nullable(),
  items: z.array(checkItem),
  signatures: z.array(checkSignatureView),
  recordHash: z.string().nullable(),
  quizzes: z.array(checkQuizView),
  amendments: z.array(checkAmendmentView),
  version: z.number().int(),
  /** The caller may start, record and sign this check (one of its inspectors, the office or the unit's staff). */
  canRecord: z.boolean(),
});
export type CheckDetail = z.infer<typeof checkDetail>;

/** An ad-hoc check (专项/临时检查) by hand: the enterprise, the day and two or more of the unit's inspectors. */
export const checkCreateBody = z.object({
  enterpriseId: recordId,
  /** The enforcing unit; a unit account's own unit when absent. */
  unitId: recordId.optional(),
  scheduledOn: isoDay,
  inspectorIds: z.array(recordId).min(2, '执法检查不少于两名执法人员').max(10, '执法人员最多 10 名'),
});
export type CheckCreateBody = z.infer<typeof checkCreateBody>;

/** 指派执法人员 for a planned check (a check from the yearly plan has none until the unit assigns them). */
export const checkTeamBody = z.object({
  version: z.number().int().min(1),
  inspectorIds: z.array(recordId).min(2, '执法检查不少于两名执法人员').max(10, '执法人员最多 10 名'),
});
export type CheckTeamBody = z.infer<typeof checkTeamBody>;

export const checkItemInput = z.object({
  id: recordId,
  result: z.enum(checkItemResults).nullable(),
  note: text(1000).nullable().optional(),
  photoIds: fileIdList().default([]),
  /** 现场交办: fix by this day. */
  deadline: isoDay.nullable().optional(),
  /** 现场验收: fixed on the spot and accepted with a photo. */
  fixedOnSpot: z.boolean().default(false),
  fixPhotoIds: fileIdList().default([]),
});
export type CheckItemInput = z.infer<typeof checkItemInput>;

/** 现场查 / 现场讲 / 现场交办 / 现场验收: the record so far (several saves; the version guards against lost updates). */
export const checkRecordBody = z.object({
  version,
  place: text(200).nullable().optional(),
  /** 现场讲: what was explained on site and to whom. */
  explained: text(2000).nullable().optional(),
  representativeName: text(50).nullable().optional(),
  items: z.array(checkItemInput).max(500).default([]),
});
export type CheckRecordBody = z.infer<typeof checkRecordBody>;

/** A PNG (or JPEG) data URL of a signature drawn on the screen, at most about 1.5 MB. */
const dataUrl = z
  .string()
  .max(2_000_000, '签名图片过大')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, '签名图片应为 PNG 或 JPEG（data URL）');

export const checkSignatureInput = z
  .object({
    role: z.enum(signerRoles),
    name: text(50).min(1, '请填写签名人姓名'),
    inspectorId: recordId.nullable().optional(),
    image: dataUrl.optional(),
    fileId: recordId.optional(),
  })
  .refine((s) => Boolean(s.image) !== Boolean(s.fileId), { message: '请提供签名图片（image 或 fileId 其一）', path: ['image'] });

/** 现场签字 (安全生产法 第六十八条): both inspectors and the enterprise's representative, or the recorded refusal. */
export const checkSignBody = z.object({
  version,
  signatures: z.array(checkSignatureInput).max(12),
  /** Why the representative did not sign (拒绝签字的情况，记录在案). */
  refusedToSign: text(500).nullable().optional(),
});
export type CheckSignBody = z.infer<typeof checkSignBody>;

export const checkAmendmentBody = z.object({
  reason: text(500).min(2, '请填写更正原因'),
  changes: z
    .object({
      place: text(200).nullable().optional(),
      explained: text(2000).nullable().optional(),
      representativeName: text(50).nullable().optional(),
      notes: z
        .array(z.object({ itemId: recordId, note: text(1000).nullable() }))
        .max(500)
        .optional(),
    })
    .strict()
    .refine((c) => Object.keys(c).length > 0, '请填写要更正的内容'),
});
export type CheckAmendmentBody = z.infer<typeof checkAmendmentBody>;

/** A unit's own checklist items (the mandatory criteria come from the library). */
export const checklistBody = z.object({
  version: z.number().int().min(0),
  items: z.array(text(300).min(2, '检查项不能少于 2 个字')).max(100, '自定检查项最多 100 条'),
});
export const checklistView = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  items: z.array(z.string()),
  version: z.number().int(),
});

export const quizQuestionQuery = z.object({ count: z.coerce.number().int().min(1).max(20).default(5) });
export const quizQuestion = z.object({ id: z.string(), question: z.string(), options: z.array(z.string()) });
export type QuizQuestion = z.infer<typeof quizQuestion>;
export const quizQuestionList = z.object({ items: z.array(quizQuestion) });

export const quizBody = z.object({
  workerName: text(50).min(1, '请填写受考人员姓名'),
  workerPost: text(50).nullable().optional(),
  answers: z
    .array(z.object({ questionId: z.string().max(80), given: z.string().max(300) }))
    .min(1, '请至少回答一道题')
    .max(20),
});
export type QuizBody = z.infer<typeof quizBody>;

export const quizStatsQuery = z.object({ enterpriseId: z.coerce.number().int().positive() });
export const quizStats = z.object({
  enterpriseId: z.number().int(),
  quizzes: z.number().int(),
  averageRate: z.number().nullable(),
  passed: z.number().int(),
});
