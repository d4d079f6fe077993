import { z } from 'zod';
import { maxRecordId } from '../common/common.contract.ts';
import { campaignChecklistItem } from './campaign.contract.ts';
import { campaignItemResults } from './campaign.dict.ts';

/**
 * The field work of a campaign, on a phone and offline (the dual-prevention PWA's outbox, ADR 0025):
 * - `GET /campaign-tasks` → campaignFieldList [campaign.check]: every open round the caller works on, with its
 *   checklist and the objects of its scope in the caller's area (cached on the device);
 * - `GET /campaign-tasks/by-label/{code}` → campaignLabelList: campaignFieldList narrowed to the object a QR label
 *   names, with the object (404 when the object is not in the caller's scope; no rounds when no open round covers it);
 * - `POST /campaign-checks` (multipart: a `check` field holding `campaignCheckInput` as JSON, photo parts named
 *   `photo.<seq>`) → campaignCheckSynced. `clientId` is made once per check on the device: a retry answers
 *   `duplicate` with the first result. Refused in Chinese (400/409): a round not open, an object outside the
 *   campaign's scope, an object already checked in the round (naming who and when), a clientId used by someone else.
 *   Each 不符合 item becomes exactly one hazard (channel 专项检查) through the hazard module in the same transaction.
 * - `GET /campaign-checks/{id}` → campaignCheckDetail [campaign.read].
 */
const id = z.number().int().positive('应为正整数编号').max(maxRecordId, '编号超出范围');
const date = z.iso.date({ error: '应为日期，如 2026-06-30' });

export const campaignFieldTarget = z.object({
  objectId: z.number().int().nullable(),
  enterpriseId: z.number().int().nullable(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  labelCode: z.string().nullable(),
  /** Checked in this round already (by anyone). */
  checkId: z.number().int().nullable(),
});
export type CampaignFieldTarget = z.infer<typeof campaignFieldTarget>;

export const campaignFieldRound = z.object({
  campaignId: z.number().int(),
  campaignTitle: z.string(),
  roundId: z.number().int(),
  ordinal: z.number().int(),
  dueOn: z.string(),
  subject: z.string(),
  counter: z.string(),
  checklist: z.array(campaignChecklistItem),
  targets: z.array(campaignFieldTarget),
  /** More targets than `campaignFieldTargetCap` lie in the caller's area: the list holds the first (unchecked first). */
  targetsCapped: z.boolean().default(false),
});
export type CampaignFieldRound = z.infer<typeof campaignFieldRound>;
export const campaignFieldList = z.object({ asOf: z.string(), rounds: z.array(campaignFieldRound) });
export type CampaignFieldList = z.infer<typeof campaignFieldList>;
/** The most targets a round lists on the phone (a township's ledger is far smaller; a county's registry may not be). */
export const campaignFieldTargetCap = 2000;

/** The object a QR label names, as the landing page shows it (type, name, place, the type's fields with values). */
export const campaignLabelObject = z.object({
  id: z.number().int(),
  labelCode: z.string(),
  typeName: z.string(),
  counter: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  removed: z.boolean(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
});
export type CampaignLabelObject = z.infer<typeof campaignLabelObject>;
/** `GET /campaign-tasks/by-label/{code}`: the open rounds covering the object (its one target each), and the object. */
export const campaignLabelList = campaignFieldList.extend({ object: campaignLabelObject });
export type CampaignLabelList = z.infer<typeof campaignLabelList>;

export const campaignItemResultInput = z.object({
  seq: z.number().int().min(1).max(200),
  /** The checklist item's key. */
  key: z.string().regex(/^[a-z0-9]{1,12}$/, '检查项代码不正确'),
  result: z.enum(campaignItemResults, { error: '检查结果应为“符合”“不符合”或“不适用”' }),
  note: z.string().trim().max(500, '情况说明不超过 500 字').optional(),
  /** 不符合 only: fixed on the spot, or the deadline to fix it (a major item is 认定 by the township instead). */
  fixedOnSpot: z.boolean().default(false),
  deadline: date.optional(),
});
export type CampaignItemResultInput = z.infer<typeof campaignItemResultInput>;

export const campaignCheckInput = z
  .object({
    clientId: z.uuid({ error: '记录标识应为设备生成的 UUID' }),
    roundId: id,
    /** A ledger object (scope `ledger`) or an enterprise (scope `registry`): exactly one. */
    objectId: id.optional(),
    enterpriseId: id.optional(),
    checkedAt: z.iso.datetime({ offset: true, error: '检查时间格式不正确' }),
    items: z.array(campaignItemResultInput).min(1, '至少记录一项检查内容').max(80, '一次最多记录 80 项'),
    note: z.string().trim().max(1000, '备注不超过 1000 字').optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.objectId === undefined) === (c.enterpriseId === undefined))
      ctx.addIssue({ code: 'custom', path: ['objectId'], message: '请指明检查的台账对象或企业（只能一个）' });
    const seen = new Set<string>();
    for (const [i, item] of c.items.entries()) {
      if (seen.has(item.key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'key'], message: `检查项“${item.key}”重复` });
      seen.add(item.key);
      if (item.result === 'fail' && !item.note)
        ctx.addIssue({ code: 'custom', path: ['items', i, 'note'], message: `第 ${item.seq} 项不符合，请说明发现的问题` });
    }
  });
export type CampaignCheckInput = z.infer<typeof campaignCheckInput>;

export const campaignCheckSynced = z.object({
  clientId: z.string(),
  checkId: z.number().int(),
  status: z.enum(['created', 'duplicate']),
  /** One hazard per 不符合 item (channel 专项检查), never a copy. */
  hazardIds: z.array(z.number().int()),
});
export type CampaignCheckSynced = z.infer<typeof campaignCheckSynced>;

export const campaignCheckDetail = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  campaignTitle: z.string(),
  roundOrdinal: z.number().int(),
  objectId: z.number().int().nullable(),
  enterpriseId: z.number().int().nullable(),
  targetName: z.string(),
  regionName: z.string(),
  checkedAt: z.string(),
  syncedAt: z.string(),
  checkedByName: z.string(),
  note: z.string().nullable(),
  items: z.array(
    z.object({
      key: z.string(),
      text: z.string(),
      result: z.enum(campaignItemResults),
      note: z.string().nullable(),
      hazardId: z.number().int().nullable(),
      photos: z.array(z.object({ fileId: z.number().int(), url: z.string() })),
    }),
  ),
});
export type CampaignCheckDetail = z.infer<typeof campaignCheckDetail>;
