import { z } from 'zod';
import { idParam } from '../common/common.contract.ts';
import {
  fiveInPlace,
  type HazardAction,
  hazardActions,
  hazardEvaluators,
  hazardVerdicts,
  planContents,
  stoppageKinds,
  supervisionLevels,
} from './hazard.dict.ts';

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const fileIds = z.array(z.number().int().positive()).max(9, '照片最多 9 张');
const opinion = text(1000);
const criteriaCodes = z.array(z.string().max(60)).max(10);
const plan = z.object(
  Object.fromEntries(planContents.map((k) => [k, text(2000).min(2, '请填写')])) as Record<(typeof planContents)[number], z.ZodString>,
);

/**
 * The body of each action (POST /api/v1/hazards/{id}/actions/{action}), one schema per action: the server parses the
 * body with the schema its path names and hands each step its own typed body. Every body also carries `version`.
 */
export const hazardActionBodies = {
  confirm: z.object({
    criteriaCodes: criteriaCodes.min(1, '认定重大隐患须引用判定标准条款'),
    /** By when the plan must be approved; left out, the configured default days from today. */
    deadline: date.optional(),
    opinion: opinion.optional(),
    /** 16号令 第十四条第二款: given here, or already on the report. */
    cause: text(1000).optional(),
    harm: text(1000).optional(),
    difficulty: text(1000).optional(),
  }),
  submitPlan: z.object({
    plan,
    interimMeasures: text(2000).min(2, '请填写治理期间的临时安全防范措施'),
    stoppage: z.enum(stoppageKinds),
    deadline: date,
    files: fileIds.default([]),
  }),
  approvePlan: z.object({
    checks: z.object(Object.fromEntries(fiveInPlace.map((k) => [k, z.boolean()])) as Record<(typeof fiveInPlace)[number], z.ZodBoolean>),
    deadline: date.optional(),
    opinion: opinion.optional(),
  }),
  returnPlan: z.object({ opinion: opinion.min(2, '请写明退回理由') }),
  supervise: z.object({ level: z.enum(supervisionLevels), opinion: opinion.optional() }),
  /** 摘牌: after 销号, or earlier by decision; the reason is kept on the timeline. */
  unsupervise: z.object({ reason: opinion.min(2, '请写明摘牌理由（如：已销号，予以摘牌）') }),
  rectify: z.object({ note: opinion.min(2, '请说明整改情况'), photos: fileIds.min(1, '请上传整改后照片') }),
  accept: z.object({ opinion: opinion.min(2, '请填写验收意见'), photos: fileIds.default([]) }),
  reject: z.object({ opinion: opinion.min(2, '请写明不通过的理由'), photos: fileIds.default([]) }),
  requestExtension: z.object({ deadline: date, reason: opinion.min(2, '请写明延期理由') }),
  approveExtension: z.object({ opinion: opinion.optional() }),
  denyExtension: z.object({ opinion: opinion.min(2, '请写明不同意的理由') }),
  decline: z.object({ reason: opinion.min(2, '请写明不予认定的理由') }),
  dismiss: z.object({ reason: opinion.min(2, '请写明撤销理由') }),
  upgrade: z.object({
    reason: opinion.min(2, '请写明升级理由'),
    criteriaCodes: criteriaCodes.default([]),
    /** By when it must be confirmed and planned; left out, the configured default days from today. */
    deadline: date.optional(),
  }),
  /** 16号令 第十八条: the evaluation of the 治理, by the enterprise's own experts or an engaged institution. */
  evaluate: z
    .object({
      evaluator: z.enum(hazardEvaluators, { error: '请选择评估方式' }),
      institution: text(100).optional(),
      reportFiles: fileIds.min(1, '请上传评估报告'),
      verdict: z.enum(hazardVerdicts, { error: '请选择评估结论' }),
      conclusion: opinion.min(2, '请填写评估结论'),
    })
    .superRefine((v, ctx) => {
      if (v.evaluator === 'institution' && !v.institution?.trim()) {
        ctx.addIssue({ code: 'custom', path: ['institution'], message: '请填写安全评价机构名称' });
      }
    }),
  /** 16号令 第十八条: the written application to resume production, after an evaluation found it safe. */
  applyResume: z.object({
    applicant: text(40).min(2, '请填写申请人（主要负责人）'),
    content: opinion.min(2, '请填写申请内容'),
    files: fileIds.default([]),
  }),
  /** 16号令 第十八条: the supervising unit's on-site review; passed, the hazard is struck off (销号). */
  review: z.object({
    verdict: z.enum(hazardVerdicts, { error: '请选择审查结论' }),
    reviewedOn: date,
    opinion: opinion.min(2, '请填写审查意见'),
    photos: fileIds.default([]),
  }),
} satisfies Record<HazardAction, z.ZodType>;

/** The body each action takes, by action. */
export type HazardActionBody<A extends HazardAction> = z.output<(typeof hazardActionBodies)[A]>;

export const hazardActionParams = idParam.extend({ action: z.enum(hazardActions) });
export const hazardVersion = z.object({ version: z.number().int().positive() });
/** Every action carries the version it was taken on; each action's own fields are checked by the action. */
export const hazardActionBody = hazardVersion.passthrough();
