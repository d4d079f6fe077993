import { createIdentityCipher, newIdentityKey } from '../src/lib/identity-cipher.ts';
import { makeReport } from './report-kit.ts';
import type { MatrixPart } from './role-matrix-enforcement.ts';
import { list } from './role-matrix-kit.ts';

/**
 * 举报统计 and the exports: lists in the matrix's sense (2xx with nothing of 邻镇 or of another unit). The out-of-scope
 * records are reports about the OUTSIDE and SIBLING enterprises whose descriptions carry the marks (they show in the
 * list export when they leak; the statistics hold numbers and unit names only).
 */
export const reportStatsMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/report-stats': list('report.read'),
    'GET /api/v1/report-stats/export': list('report.read'),
    'GET /api/v1/reports/export': list('report.read'),
  },
  async setup({ database, outside, sibling, marks }) {
    // Any key will do: the matrix never reads the identity back.
    const identity = createIdentityCipher(newIdentityKey());
    for (const [enterprise, mark] of [
      [outside, marks.OUTSIDE],
      [sibling, marks.SIBLING],
    ] as const)
      await makeReport(database.db, identity, {
        enterprise,
        status: 'verifying',
        description: `${mark}举报`,
        acceptedOn: '2026-02-21',
        dueOn: '2026-02-22',
      });
    return { outsideIds: {}, siblingIds: {} };
  },
};
