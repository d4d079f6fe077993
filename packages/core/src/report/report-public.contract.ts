import { z } from 'zod';
import { maxRecordId } from '../common/common.contract.ts';
import { phoneNumber } from '../enterprise/enterprise.contract.ts';
import { reportMatters, reportMessageKinds, reportStatuses, rewardStatuses } from './report.dict.ts';

/**
 * The public reporting API (no login; public clients rely on it, both routes are in the OpenAPI document):
 * `POST /api/v1/public/reports` (multipart) → receipt; `GET /api/v1/public/reports/{trackingCode}` with header
 * `x-report-secret` → what the reporter may see; `POST …/{trackingCode}/messages` → the reporter answers.
 */

/** 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), printed as JB-XXXX-XXXX-XX. */
export const trackingCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const trackingCodePattern = /^JB[2-9A-HJKMNP-Z]{10}$/;
export const reportSecretHeader = 'x-report-secret';
/** A device's own random id (kept by the browser), for per-device limits; hashed before it is stored. */
export const reportDeviceHeader = 'x-report-device';
export const reportPhotoMax = 6;
export const reportPhotoMaxBytes = 8 * 1024 * 1024;

/** A tracking code as typed: spaces, dashes and lower case are forgiven. */
export const trackingCodeParam = z.object({
  trackingCode: z
    .string()
    .max(40, '查询码格式不正确')
    .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
    .refine((s) => trackingCodePattern.test(s), '查询码格式不正确（应为 JB 开头的 12 位字母数字）'),
});

const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off'], { error: '应为 true 或 false' })
  .transform((v) => v === 'true' || v === '1' || v === 'on');
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 字`)
    .transform((s) => (s === '' ? undefined : s))
    .optional();

/** The text fields of the multipart form (photos come as parts named `photos`). */
export const publicReportFields = z.object({
  description: z.string().trim().min(5, '请描述您要反映的问题（至少 5 个字）').max(2000, '问题描述不超过 2000 字'),
  place: optionalText(200, '地点'),
  /** The village or community when no enterprise is named. */
  regionCode: z
    .string()
    .regex(/^\d{12}$/, '所在村（社区）编码应为 12 位数字')
    .optional(),
  enterprisePublicCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{4,64}$/, '企业公示码格式不正确')
    .optional(),
  enterpriseId: z.coerce.number().int('企业编号应为整数').min(1).max(maxRecordId).optional(),
  /** The enterprise's name as the reporter knows it, when it was not found in the registry. */
  enterpriseName: optionalText(100, '企业名称'),
  matter: z.enum(reportMatters, { error: '问题类别不正确' }).optional(),
  reporterName: optionalText(50, '姓名'),
  reporterPhone: phoneNumber.optional(),
  internal: flag.default(false),
  challengeToken: z.string().max(500).optional(),
  challengeAnswer: z.string().trim().max(20).optional(),
});
export type PublicReportFields = z.infer<typeof publicReportFields>;

/** What the reporter keeps: both are needed to follow the report; the secret is shown once and never stored plain. */
export const publicReportReceipt = z.object({
  trackingCode: z.string(),
  secret: z.string(),
  receivedAt: z.string(),
});
export type PublicReportReceipt = z.infer<typeof publicReportReceipt>;

/** Sent with 429 `report.challenge_required`: answer it and submit again with `challengeToken` and `challengeAnswer`. */
export const reportChallenge = z.object({ token: z.string(), question: z.string() });
export type ReportChallenge = z.infer<typeof reportChallenge>;

export const publicReportMessage = z.object({
  kind: z.enum(reportMessageKinds),
  body: z.string(),
  at: z.string(),
  fromReporter: z.boolean(),
});

/** What the reporter sees: status, dates and the messages meant for them — never internal notes or the handler's name. */
export const publicReportStatus = z.object({
  trackingCode: z.string(),
  status: z.enum(reportStatuses),
  statusLabel: z.string(),
  internal: z.boolean(),
  receivedAt: z.string(),
  acceptedOn: z.string().nullable(),
  /** The verification deadline (60 days from acceptance, plus any extension). */
  dueOn: z.string().nullable(),
  extendedDays: z.number().int(),
  extensionReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  messages: z.array(publicReportMessage),
  /** The office asked something not yet answered. */
  canReply: z.boolean(),
  reward: z
    .object({
      status: z.enum(rewardStatuses),
      statusLabel: z.string(),
      amount: z.number().nullable(),
      claimDueOn: z.string().nullable(),
    })
    .nullable(),
});
export type PublicReportStatus = z.infer<typeof publicReportStatus>;

export const publicReportReplyBody = z.object({
  body: z.string().trim().min(1, '请填写答复内容').max(2000, '答复不超过 2000 字'),
});

/** The enterprise a QR code names (name, region and public code only: ids are not shown to the public), for the form's header. */
export const publicReportEnterprise = z.object({
  name: z.string(),
  regionName: z.string().nullable(),
  publicCode: z.string(),
});
export type PublicReportEnterprise = z.infer<typeof publicReportEnterprise>;
export const publicReportEnterpriseQuery = z.object({
  q: z.string().trim().min(2, '请至少输入 2 个字').max(50, '不超过 50 字'),
});
export const publicReportEnterpriseList = z.array(publicReportEnterprise);
export const publicReportEnterpriseParam = z.object({
  publicCode: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, '企业公示码格式不正确'),
});

/** A village or community a report without an enterprise may name. */
export const publicReportRegion = z.object({ code: z.string(), name: z.string(), townshipName: z.string().nullable() });
export const publicReportRegionList = z.array(publicReportRegion);

/** The headers of the public routes (documented; both optional: a missing secret is answered like a wrong one). */
export const publicReportSecretHeaders = z.looseObject({ [reportSecretHeader]: z.string().max(200, '查询密码过长').optional() });
export const publicReportDeviceHeaders = z.looseObject({ [reportDeviceHeader]: z.string().max(200, '设备标识过长').optional() });

/** The form's field names in the reporter's words (shared labels such as 隐患描述 say something else here). */
export const publicReportFieldLabels: Record<string, string> = {
  description: '问题描述',
  place: '地点',
  regionCode: '所在村（社区）',
  enterprisePublicCode: '企业公示码',
  enterpriseId: '企业',
  enterpriseName: '企业名称',
  matter: '问题类别',
  reporterName: '姓名',
  reporterPhone: '联系电话',
  internal: '内部举报',
  challengeToken: '验证题',
  challengeAnswer: '验证答案',
  photos: '照片',
};
