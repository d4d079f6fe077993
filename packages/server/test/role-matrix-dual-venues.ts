import { makeCheckRecord } from './dual-kit.ts';
import { makeEnterprise } from './factories.ts';
import type { MatrixPart } from './role-matrix-enforcement.ts';
import { list, shared } from './role-matrix-kit.ts';

/**
 * 九小场所 patrols: the grid's patrol list and the coverage are lists in the matrix's sense (2xx, nothing of 邻镇 or of
 * a venue another unit supervises); the quick registration is a create (its region is checked against the scope by
 * the enterprise service, venue.test.ts). The out-of-scope venues carry the marks and were patrolled this month.
 */
export const venuesMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/venue-patrols': list('dual.read'),
    'GET /api/v1/venue-patrols/coverage': list('dual.read'),
    'POST /api/v1/venues': shared('enterprise.write'),
  },
  async setup({ database, org, outside, sibling, marks, now }) {
    for (const [of, mark] of [
      [outside, marks.OUTSIDE],
      [sibling, marks.SIBLING],
    ] as const) {
      const venue = await makeEnterprise(database, {
        name: `${mark}小旅馆`,
        regionCode: of.regionCode,
        supervisingUnitId: of.supervisingUnitId,
        smallVenueType: 'hotel',
        domains: ['smallVenue'],
      });
      await makeCheckRecord(database.db, venue, { checkedBy: org.users.admin.id, checkedAt: now, kind: 'patrol' });
    }
    return { outsideIds: {}, siblingIds: {} };
  },
};
