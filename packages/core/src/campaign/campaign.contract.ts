import { z } from 'zod';
import { maxRecordId, pageOf, pageQuery } from '../common/common.contract.ts';
import { enterpriseFlagCodes } from '../enterprise/enterprise.dict.ts';
import { supervisionDomainCodes } from '../org/org.dict.ts';
import { isRegionCode } from '../org/region.rules.ts';
import { planFigure } from '../plan/plan-tracking.contract.ts';
import { campaignItemSources, campaignObjectStates, campaignScopeKinds, campaignStatuses, roundStatuses } from './campaign.dict.ts';

/**
 * 专项整治 API (issue 17):
 * - `GET /campaigns` (campaignListQuery) → campaignPage [campaign.read]; `GET /campaigns/{id}` → campaignDetail;
 *   `POST /campaigns` (campaignInput), `PUT /campaigns/{id}` (campaignUpdate) [campaign.manage];
 * - `POST /campaigns/{id}/rounds/{ordinal}/open` (roundOpenBody) and `…/close` (roundCloseBody) → campaignDetail
 *   [campaign.manage] (core roundOpenError: in order; early only with a reason); `POST /campaigns/{id}/close`;
 * - `GET /campaigns/{id}/progress` → campaignProgress (coverage per round, unit and village; findings; 销号);
 *   `GET /campaigns/{id}/objects` (campaignObjectQuery) → campaignObjectPage: the list behind every figure;
 * - `GET /campaigns/{id}/summary.docx` (情况报告) and `GET /campaigns/{id}/table.xlsx` (统计表) [campaign.read];
 * - the field work: see campaign-check.contract.ts.
 * A campaign belongs to a township (`regionCode`); villages and units of the township read it and do its checks.
 */
const id = z.number().int().positive('应为正整数编号').max(maxRecordId, '编号超出范围');
const queryId = z.coerce.number().int().positive('应为正整数编号').max(maxRecordId, '编号超出范围');
const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const villageCode = z.string().refine(isRegionCode, '应为 12 位统计用区划代码');

export const campaignScope = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('registry'),
      /** 行业领域 (any of), 企业标签 (all of), 门类 (any of), villages (any of; empty: the whole township). */
      domains: z
        .array(z.enum(supervisionDomainCodes as [string, ...string[]]))
        .max(30)
        .default([]),
      flags: z
        .array(z.enum(enterpriseFlagCodes as [string, ...string[]]))
        .max(20)
        .default([]),
      industrySections: z
        .array(z.string().regex(/^[A-T]$/, '应为门类字母 A–T'))
        .max(20)
        .default([]),
      villageCodes: z.array(villageCode).max(200).default([]),
      /** Also the small venues (九小场所) of the registry. */
      smallVenues: z.boolean().default(false),
    }),
    z.object({
      kind: z.literal('ledger'),
      typeId: id,
      villageCodes: z.array(villageCode).max(200).default([]),
    }),
  ],
  { error: '检查范围应为企业名录筛选（registry）或专项台账（ledger）' },
);
export type CampaignScope = z.infer<typeof campaignScope>;

export const campaignChecklistItem = z.object({
  /** Stable within the campaign (c1, c2 …): results refer to it across rounds. */
  key: z.string().regex(/^[a-z0-9]{1,12}$/, '检查项代码应为小写字母或数字'),
  text: z.string().trim().min(2, '检查内容至少 2 个字').max(300, '检查内容不超过 300 字'),
  source: z.enum(campaignItemSources).default('own'),
  /** 判定标准 item code when taken from the criteria library; a failed such item cites it on the hazard. */
  criteriaCode: z.string().max(60).nullable().default(null),
  /** The criteria item grades a failure as a major hazard (重大事故隐患). */
  major: z.boolean().default(false),
});
export type CampaignChecklistItem = z.infer<typeof campaignChecklistItem>;

export const campaignRoundInput = z.object({
  title: z.string().trim().max(40).optional(),
  startsOn: date,
  dueOn: date,
});

export const campaignInput = z
  .object({
    title: z.string().trim().min(4, '请填写专项名称（不少于 4 个字）').max(80, '专项名称不超过 80 字'),
    /** 依据: the document or the plan article behind it. */
    basis: z.string().trim().max(500, '依据不超过 500 字').default(''),
    /** The township (defaults to the caller's). */
    regionCode: villageCode.optional(),
    planTaskId: id.nullable().default(null),
    /** Which of the task's quantitative targets the 销号 count answers (its metric), when linked. */
    planTargetMetric: z.string().max(100).nullable().default(null),
    scope: campaignScope,
    checklist: z.array(campaignChecklistItem).min(1, '请至少列出一项检查内容').max(80, '检查内容不超过 80 项'),
    unitIds: z.array(id).max(30).default([]),
    rounds: z.array(campaignRoundInput).min(1, '请至少安排一轮检查').max(12, '轮次不超过 12 轮'),
  })
  .superRefine((c, ctx) => {
    c.rounds.forEach((r, i) => {
      if (r.dueOn < r.startsOn)
        ctx.addIssue({ code: 'custom', path: ['rounds', i, 'dueOn'], message: `第 ${i + 1} 轮的截止日期早于开始日期` });
      const prev = c.rounds[i - 1];
      if (prev && r.startsOn < prev.startsOn)
        ctx.addIssue({ code: 'custom', path: ['rounds', i, 'startsOn'], message: `第 ${i + 1} 轮的开始日期早于第 ${i} 轮` });
    });
    const keys = new Set<string>();
    c.checklist.forEach((item, i) => {
      if (keys.has(item.key)) ctx.addIssue({ code: 'custom', path: ['checklist', i, 'key'], message: `检查项代码“${item.key}”重复` });
      keys.add(item.key);
    });
  });
export type CampaignInput = z.infer<typeof campaignInput>;

/** Title, basis, link, units, checklist wording and planned rounds' dates; the scope is fixed once a round opened. */
export const campaignUpdate = z.object({
  title: z.string().trim().min(4).max(80).optional(),
  basis: z.string().trim().max(500).optional(),
  planTaskId: id.nullable().optional(),
  planTargetMetric: z.string().max(100).nullable().optional(),
  scope: campaignScope.optional(),
  checklist: z.array(campaignChecklistItem).min(1).max(80).optional(),
  unitIds: z.array(id).max(30).optional(),
  rounds: z.array(campaignRoundInput).min(1).max(12).optional(),
  version: z.number().int().positive(),
});
export type CampaignUpdate = z.infer<typeof campaignUpdate>;

export const roundOpenBody = z.object({ reason: z.string().trim().max(300).optional() });
export const roundCloseBody = z.object({ note: z.string().trim().max(300).optional() });
export const campaignRoundParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number),
  ordinal: z
    .string()
    .regex(/^[1-9]\d?$/, '轮次应为 1–99')
    .transform(Number),
});

export const campaignRound = z.object({
  id: z.number().int(),
  ordinal: z.number().int(),
  title: z.string(),
  startsOn: z.string(),
  dueOn: z.string(),
  status: z.enum(roundStatuses),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Why it opened before the previous round closed. */
  earlyReason: z.string().nullable(),
});
export type CampaignRound = z.infer<typeof campaignRound>;

export const campaignSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  regionCode: z.string(),
  status: z.enum(campaignStatuses),
  scopeKind: z.enum(campaignScopeKinds),
  /** 经营性自建房, 企业 … and its counter (栋, 家). */
  subject: z.string(),
  counter: z.string(),
  planTaskId: z.number().int().nullable(),
  planTaskTitle: z.string().nullable(),
  rounds: z.number().int(),
  currentRound: z.number().int().nullable(),
  targets: z.number().int(),
  covered: z.number().int(),
  hazards: z.number().int(),
  hazardsClosed: z.number().int(),
  createdAt: z.string(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;
export const campaignPage = pageOf(campaignSummary);
export const campaignListQuery = pageQuery.extend({
  status: z.enum(campaignStatuses).optional(),
  q: z.string().trim().max(50).optional(),
  planTaskId: queryId.optional(),
});

export const campaignDetail = z.object({
  id: z.number().int(),
  title: z.string(),
  basis: z.string(),
  regionCode: z.string(),
  status: z.enum(campaignStatuses),
  planTaskId: z.number().int().nullable(),
  planTaskTitle: z.string().nullable(),
  planId: z.number().int().nullable(),
  planTargetMetric: z.string().nullable(),
  scope: campaignScope,
  subject: z.string(),
  counter: z.string(),
  checklist: z.array(campaignChecklistItem),
  units: z.array(z.object({ id: z.number().int(), name: z.string() })),
  rounds: z.array(campaignRound),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  version: z.number().int(),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

const coverage = z.object({ targets: z.number().int(), covered: z.number().int() });
export const campaignProgressRow = coverage.extend({
  key: z.string(),
  name: z.string(),
  findings: z.number().int(),
  hazards: z.number().int(),
  hazardsClosed: z.number().int(),
});
/**
 * Every figure counts the rows the objects list (`GET /campaigns/{id}/objects`) pages, seen through the caller's data
 * scope (a village its own objects); `figures` (the plan's) count the whole township. Hazards are the campaign's
 * hazard links whose hazard was not dismissed (不成立); 销号 is core's cleared set; `findings` the targets whose check
 * failed an item; `objectsCleared` the targets with ≥1 hazard in the round, all cleared.
 */
export const campaignProgress = z.object({
  campaignId: z.number().int(),
  asOf: z.string(),
  rounds: z.array(
    coverage.extend({
      ordinal: z.number().int(),
      status: z.enum(roundStatuses),
      /** Objects found with problems in the round, hazards made, hazards closed (销号), objects cleared. */
      findings: z.number().int(),
      hazards: z.number().int(),
      hazardsClosed: z.number().int(),
      objectsCleared: z.number().int(),
      /** Per village of the township (the scope's villages when it names some; `key` the village code). */
      byVillage: z.array(campaignProgressRow),
      /**
       * Per responsible unit (`key` the unit id): the targets whose enterprise the unit supervises (registry scopes,
       * enterprise-anchored objects) and the targets its staff checked in the round (checks' checker unit). A target
       * may count for two units; the rows do not add up to the round.
       */
      byUnit: z.array(campaignProgressRow),
    }),
  ),
  /** In scope today and not checked in any round begun. */
  neverReached: z.number().int(),
  /** The figures the linked plan task's dispatch is prefilled with (core campaignDispatchFigures). */
  figures: z.array(planFigure),
});
export type CampaignProgress = z.infer<typeof campaignProgress>;

export const campaignObjectQuery = pageQuery.extend({
  round: z.coerce.number().int().min(1).max(99).optional(),
  state: z.enum(campaignObjectStates).default('target'),
  villageCode: villageCode.optional(),
  unitId: queryId.optional(),
  /** Never reached in any round begun (ignores `round`). */
  neverReached: z.enum(['true']).optional(),
});
export type CampaignObjectQuery = z.infer<typeof campaignObjectQuery>;

export const campaignObjectRow = z.object({
  objectId: z.number().int().nullable(),
  enterpriseId: z.number().int().nullable(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseName: z.string().nullable(),
  /** The check in the asked round, when there is one. */
  checkId: z.number().int().nullable(),
  checkedAt: z.string().nullable(),
  checkedByName: z.string().nullable(),
  failed: z.number().int(),
  hazardIds: z.array(z.number().int()),
});
export type CampaignObjectRow = z.infer<typeof campaignObjectRow>;
export const campaignObjectPage = pageOf(campaignObjectRow);
