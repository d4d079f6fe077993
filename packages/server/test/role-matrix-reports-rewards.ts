import { createIdentityCipher, newIdentityKey } from '../src/lib/identity-cipher.ts';
import { reportRewards } from '../src/modules/reports/report.table.ts';
import { makeReport } from './report-kit.ts';
import type { MatrixContext, MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, write } from './role-matrix-kit.ts';

/** 举报奖励: a report's reward and its steps, and the 奖励台账. The out-of-scope ids are founded reports with a proposed reward. */
export const rewardsMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/reports/{id}/reward': read('report.read'),
    'POST /api/v1/reports/{id}/reward': write('report.reward', { fineAmount: 40_000 }),
    'POST /api/v1/reports/{id}/reward/approve': write('report.reward', { version: 1 }),
    'POST /api/v1/reports/{id}/reward/decline': write('report.reward', { version: 1, reason: '越权操作' }),
    'POST /api/v1/reports/{id}/reward/pay': write('report.reward', { version: 1, paidOn: '2026-03-01', paymentRef: '越权' }),
    'GET /api/v1/report-rewards': list('report.reward'),
  },
  async setup(ctx: MatrixContext) {
    const { database, now } = ctx;
    // The matrix never reads an identity back: a cipher of its own is enough to write the rows as the intake would.
    const identity = createIdentityCipher(newIdentityKey());
    const make = async (enterprise: MatrixContext['outside'], mark: string, unitId: number) => {
      const report = await makeReport(database.db, identity, {
        enterprise,
        assignedUnitId: unitId,
        status: 'founded',
        matter: 'violation',
        description: `${mark}举报：违法生产`,
        reporterName: '举报人',
      });
      await database.db.insert(reportRewards).values({
        reportId: report.id,
        regionCode: report.regionCode,
        status: 'proposed',
        rule: `${mark}罚款 40,000 元 × 15% = 6,000 元`,
        figures: {},
        computedAmount: 6000,
        proposedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      return { reports: String(report.id) };
    };
    return {
      outsideIds: await make(ctx.outside, ctx.marks.OUTSIDE, ctx.org.units.otherEmergency.id),
      siblingIds: await make(ctx.sibling, ctx.marks.SIBLING, ctx.org.units.emergency.id),
    };
  },
};
