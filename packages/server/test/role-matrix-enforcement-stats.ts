import { makeCheck, makeInspector, makePenalty } from './enforcement-stats-kit.ts';
import type { MatrixPart } from './role-matrix-enforcement.ts';
import { list } from './role-matrix-kit.ts';

const statsExcept = {
  roles: ['enterprise' as const],
  why: 'statistics are for supervisors: the enterprise account holds enforcement.read (its own checks) but is refused here (403 enforcement.stats_forbidden)',
};

/**
 * 执法统计: lists in the matrix's sense (2xx, nothing of 邻镇 or of another unit). The out-of-scope records are
 * enterprises flagged under 第一百一十三条 (their names carry the mark, and show in the closure list when they leak)
 * and a signed check of each of their units.
 */
export const statsMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/enforcement-stats': { ...list('enforcement.read'), except: statsExcept },
    'GET /api/v1/enforcement-stats/closure-flags': { ...list('enforcement.read'), except: statsExcept },
    'GET /api/v1/enforcement-stats/export': { ...list('enforcement.read'), except: statsExcept },
  },
  async setup({ database, org, outside, sibling }) {
    const ex = database.db;
    for (const [enterprise, unitId] of [
      [outside, org.units.otherEmergency.id],
      [sibling, org.units.emergency.id],
    ] as const) {
      await makeInspector(ex, unitId);
      await makeCheck(ex, { unitId, enterprise, scheduledOn: '2026-02-10', items: [{ result: 'fail', major: true }] });
      for (const decidedOn of ['2026-01-05', '2026-02-05', '2026-02-25'])
        await makePenalty(ex, { unitId, enterprise, majorHazard: true, decidedOn });
    }
    return { outsideIds: {}, siblingIds: {} };
  },
};
