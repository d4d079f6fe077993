import { z } from 'zod';
import { maxRecordId, pageOf, pageQuery } from '../common/common.contract.ts';
import { phoneNumber } from '../enterprise/enterprise.contract.ts';
import { uploadedFile } from '../file/file.contract.ts';
import { hazardCategories, hazardGrades, hazardStatuses } from '../hazard/hazard.dict.ts';
import {
  accidentGrades,
  reportChannels,
  reportEventKinds,
  reportMatters,
  reportMessageKinds,
  reportSources,
  reportStatuses,
} from './report.dict.ts';
import { reportHandlingActions } from './report-handling.rules.ts';

/**
 * The office's and the units' handling of reports (issue 15, part B): the list the statistics link to (keep the query
 * keys), the detail, and the steps 受理并交办 → (延期) → 核查办结, 不予受理, 合并. The reporter's name and phone appear only
 * in `GET /reports/{id}/identity`.
 */

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const queryId = z.coerce.number().int('应为整数编号').positive('应为正整数编号').max(maxRecordId, '编号超出范围');
const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');
const id = z.number().int().positive().max(maxRecordId, '编号超出范围');
const version = z.number().int().min(1, '版本号不正确');

export const reportListQuery = pageQuery.extend({
  status: z.enum(reportStatuses, { error: '状态不正确' }).optional(),
  channel: z.enum(reportChannels, { error: '举报渠道不正确' }).optional(),
  source: z.enum(reportSources, { error: '来源不正确' }).optional(),
  matter: z.enum(reportMatters, { error: '问题类别不正确' }).optional(),
  /** A region and everything under it (a township's first 9 digits, a village's 12). */
  regionCode: z
    .string()
    .regex(/^\d{12}$/, '区划编码应为 12 位数字')
    .optional(),
  unitId: queryId.optional(),
  enterpriseId: queryId.optional(),
  named: flag.optional(),
  /** Still open and past its verification deadline (core `reportIsOverdue`). */
  overdue: flag.optional(),
  /** Linked to a hazard (true) or not (false). */
  linked: flag.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM')
    .optional(),
  from: date.optional(),
  to: date.optional(),
  q: z.string().trim().max(50, '不超过 50 字').optional(),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportListItem = z.object({
  id,
  trackingCode: z.string(),
  channel: z.enum(reportChannels),
  source: z.enum(reportSources),
  matter: z.enum(reportMatters).nullable(),
  status: z.enum(reportStatuses),
  /** The first 80 characters of the description. */
  excerpt: z.string(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  assignedUnitId: z.number().int().nullable(),
  assignedUnitName: z.string().nullable(),
  receivedAt: z.string(),
  acceptedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  duplicateOfId: z.number().int().nullable(),
  /** Reports merged into this one. */
  duplicateCount: z.number().int(),
  hazardId: z.number().int().nullable(),
  /** 实名 (a name or phone was given) — never the name or phone. */
  named: z.boolean(),
  version: z.number().int(),
});
export type ReportListItem = z.infer<typeof reportListItem>;
export const reportPage = pageOf(reportListItem);

const handlingAction = z.enum(reportHandlingActions);

export const reportDetail = reportListItem.extend({
  description: z.string(),
  place: z.string().nullable(),
  /** The enterprise's supervising unit (三管三必须): the default unit to assign. */
  supervisingUnitId: z.number().int().nullable(),
  extendedDays: z.number().int(),
  extensionReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  concealedDeaths: z.number().int().nullable(),
  accidentGrade: z.enum(accidentGrades).nullable(),
  messages: z.array(
    z.object({
      id,
      kind: z.enum(reportMessageKinds),
      body: z.string(),
      fromReporter: z.boolean(),
      authorName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  events: z.array(
    z.object({
      id,
      kind: z.enum(reportEventKinds),
      note: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
      actorName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  duplicateOf: z.object({ id, trackingCode: z.string(), status: z.enum(reportStatuses) }).nullable(),
  duplicates: z.array(z.object({ id, trackingCode: z.string(), status: z.enum(reportStatuses), receivedAt: z.string() })),
  hazard: z.object({ id, code: z.string(), title: z.string(), status: z.enum(hazardStatuses) }).nullable(),
  enforcementCheck: z.object({ id, code: z.string(), status: z.string() }).nullable(),
  enforcementPenalty: z.object({ id, decisionNo: z.string().nullable(), status: z.string(), amount: z.number().nullable() }).nullable(),
  photos: z.array(uploadedFile),
  identity: z.object({ named: z.boolean(), canView: z.boolean() }),
  /** What the caller may do now (core `reportActions`). */
  actions: z.array(handlingAction),
});
export type ReportDetail = z.infer<typeof reportDetail>;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 字`)
    .transform((s) => (s === '' ? undefined : s))
    .optional();

/** The office registers a report received by 12350, letter, visit or email (the online form is the public route). */
export const reportRegisterBody = z.object({
  source: z.enum(['hotline', 'letter', 'visit', 'email'], { error: '来源应为 12350 热线、来信、来访或电子邮件' }),
  channel: z.enum(reportChannels, { error: '举报渠道不正确' }).default('public'),
  description: z.string().trim().min(5, '请描述反映的问题（至少 5 个字）').max(2000, '问题描述不超过 2000 字'),
  place: optionalText(200, '地点'),
  regionCode: z
    .string()
    .regex(/^\d{12}$/, '所在村（社区）编码应为 12 位数字')
    .optional(),
  enterpriseId: id.optional(),
  enterpriseName: optionalText(100, '企业名称'),
  matter: z.enum(reportMatters, { error: '问题类别不正确' }).optional(),
  reporterName: optionalText(50, '举报人姓名'),
  reporterPhone: phoneNumber.optional(),
  /** When it was received (the call or the letter's day); default now. */
  receivedAt: z.iso.datetime({ offset: true, error: '收到时间格式不正确' }).optional(),
});
export type ReportRegisterBody = z.infer<typeof reportRegisterBody>;

/** The tracking code and secret to read out to the reporter: the secret is shown this once. */
export const reportRegistered = z.object({ trackingCode: z.string(), secret: z.string(), report: reportDetail });
export type ReportRegistered = z.infer<typeof reportRegistered>;

export const reportAcceptBody = z.object({
  version,
  assignedUnitId: id,
  matter: z.enum(reportMatters, { error: '请选择问题类别' }),
});
export type ReportAcceptBody = z.infer<typeof reportAcceptBody>;

export const reportRejectBody = z.object({
  version,
  reason: z.string().trim().min(2, '请填写不予受理的理由').max(500, '理由不超过 500 字'),
});
export type ReportRejectBody = z.infer<typeof reportRejectBody>;

export const reportAssignBody = z.object({ version, unitId: id });
export type ReportAssignBody = z.infer<typeof reportAssignBody>;

export const reportExtendBody = z.object({
  version,
  days: z.number().int('延期天数应为整数').min(1, '延期天数至少为 1 天').max(365, '延期天数过大'),
  reason: z.string().trim().min(2, '请填写延期理由（将告知举报人）').max(500, '理由不超过 500 字'),
});
export type ReportExtendBody = z.infer<typeof reportExtendBody>;

export const reportMessageBody = z.object({
  kind: z.enum(['question', 'notice'], { error: '消息类型应为补充询问或通知' }),
  body: z.string().trim().min(2, '请填写内容').max(2000, '内容不超过 2000 字'),
});
export type ReportMessageBody = z.infer<typeof reportMessageBody>;

/** A hazard made from a founded report (channel 群众举报查实, the enterprise the report's). */
export const reportHazardDraft = z
  .object({
    title: z.string().trim().min(2, '请用一句话概括隐患').max(60, '不超过 60 个字'),
    description: z.string().trim().min(2, '请描述隐患情况').max(2000, '不超过 2000 个字'),
    grade: z.enum(hazardGrades, { error: '隐患等级不正确' }),
    category: z.enum(hazardCategories, { error: '隐患类别不正确' }),
    deadline: date.nullable().optional(),
    location: z.string().trim().max(100, '不超过 100 个字').nullable().optional(),
    criteriaCodes: z.array(z.string().max(60)).max(10).default([]),
    cause: z.string().trim().max(1000).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.grade === 'general' && !v.deadline) ctx.addIssue({ code: 'custom', path: ['deadline'], message: '一般隐患请填写整改期限' });
  });
export type ReportHazardDraft = z.infer<typeof reportHazardDraft>;

export const reportOutcomeBody = z.object({
  version,
  outcome: z.enum(['founded', 'unfounded'], { error: '核查结果应为属实或不属实' }),
  /** The handler's findings: internal, never shown to the reporter. */
  note: optionalText(2000, '核查情况'),
  /** What the reporter is told. */
  feedback: z.string().trim().min(2, '请填写给举报人的反馈').max(2000, '反馈不超过 2000 字'),
  matter: z.enum(reportMatters, { error: '问题类别不正确' }).optional(),
  createHazard: reportHazardDraft.optional(),
  linkHazardId: id.optional(),
  enforcementCheckId: id.optional(),
  enforcementPenaltyId: id.optional(),
  concealedDeaths: z.number().int('应为整数').min(0, '不能为负').max(1000, '人数过大').optional(),
  accidentGrade: z.enum(accidentGrades, { error: '事故等级不正确' }).optional(),
});
export type ReportOutcomeBody = z.infer<typeof reportOutcomeBody>;

export const reportMergeBody = z.object({ version, intoId: id });
export type ReportMergeBody = z.infer<typeof reportMergeBody>;
export const reportUnmergeBody = z.object({ version });
export type ReportUnmergeBody = z.infer<typeof reportUnmergeBody>;

/** GET /reports/{id}/identity: audited, never cached. */
export const reportIdentity = z.object({ name: z.string().nullable(), phone: z.string().nullable() });
export type ReportIdentity = z.infer<typeof reportIdentity>;
