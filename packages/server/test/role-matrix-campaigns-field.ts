import { randomUUID } from 'node:crypto';
import { campaignChecks } from '../src/modules/campaigns/campaign.table.ts';
import { codes } from './app.ts';
import { ensureObjectType, makeCampaign, makeLedgerObject } from './campaign-kit.ts';
import type { MatrixContext, MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, shared } from './role-matrix-kit.ts';

/**
 * 专项整治 — field checks: the phone's work list (a list: nothing of 邻镇's campaign), a QR label's landing (邻镇's
 * object is not found), the check sync (multipart; a JSON body is refused before anything) and a check's detail.
 * The out-of-scope ids are 邻镇's 经营性自建房 (its label code) and a check of it in 邻镇's campaign.
 */
export const campaignFieldMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/campaign-tasks': list('campaign.check'),
    'GET /api/v1/campaign-tasks/by-label/{code}': read('campaign.check'),
    'POST /api/v1/campaign-checks': shared('campaign.check'),
    'GET /api/v1/campaign-checks/{id}': read('campaign.read'),
  },
  async setup(ctx: MatrixContext) {
    const db = ctx.database.db;
    const type = await ensureObjectType(db);
    const object = await makeLedgerObject(db, { typeId: type.id, regionCode: codes.otherVillage, name: `${ctx.marks.OUTSIDE}临街自建房` });
    const { campaign, rounds } = await makeCampaign(db, {
      regionCode: codes.otherTown,
      title: `${ctx.marks.OUTSIDE}自建房专项整治`,
      scope: { kind: 'ledger', typeId: type.id, villageCodes: [] },
    });
    const [check] = await db
      .insert(campaignChecks)
      .values({
        campaignId: campaign.id,
        roundId: rounds[0]?.id as number,
        objectId: object.id,
        regionCode: object.regionCode,
        clientId: randomUUID(),
        checkedBy: ctx.org.users.otherOffice.id,
        checkedAt: ctx.now,
        items: [{ key: 'c1', text: `${ctx.marks.OUTSIDE}检查项`, result: 'pass', note: null, hazardId: null, fileIds: [] }],
      })
      .returning();
    return { outsideIds: { 'campaign-tasks': object.labelCode, 'campaign-checks': String(check?.id) }, siblingIds: {} };
  },
};
