import { makeCampaign } from './campaign-kit.ts';
import type { MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, shared, write } from './role-matrix-kit.ts';

/**
 * 专项整治 campaigns: a township's campaigns are read by its villages and units and run by its office; the 邻镇
 * campaign (marked) is outside everyone's scope but the administrator's. Its first round is open, the second planned,
 * so the administrator's writes (last in the matrix) find something to do.
 */
export const campaignsMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/campaigns': list('campaign.read'),
    'POST /api/v1/campaigns': shared('campaign.manage'),
    'GET /api/v1/campaigns/{id}': read('campaign.read'),
    'PUT /api/v1/campaigns/{id}': write('campaign.manage', { version: 1, title: '越权修改的专项整治' }),
    'POST /api/v1/campaigns/{id}/rounds/{ordinal}/open': write('campaign.manage', { reason: '越权提前开始' }),
    'POST /api/v1/campaigns/{id}/rounds/{ordinal}/close': write('campaign.manage', { note: '越权结束' }),
    'POST /api/v1/campaigns/{id}/close': write('campaign.manage'),
    'GET /api/v1/campaigns/{id}/progress': read('campaign.read'),
    'GET /api/v1/campaigns/{id}/objects': read('campaign.read'),
    'GET /api/v1/campaigns/{id}/summary.docx': read('campaign.read'),
    'GET /api/v1/campaigns/{id}/table.xlsx': read('campaign.read'),
  },
  async setup({ database, outside, org, marks }) {
    const { campaign } = await makeCampaign(database.db, {
      regionCode: outside.regionCode.slice(0, 9).padEnd(12, '0'),
      title: `${marks.OUTSIDE}企业全覆盖检查`,
      scope: { kind: 'registry', domains: [], flags: [], industrySections: [], villageCodes: [], smallVenues: false },
      createdBy: org.users.otherOffice.id,
      rounds: [
        { startsOn: '2026-02-01', dueOn: '2026-03-31', status: 'open' },
        { startsOn: '2026-04-01', dueOn: '2026-06-30' },
      ],
    });
    return { outsideIds: { campaigns: String(campaign.id) }, siblingIds: {} };
  },
};
