import { dualSignals } from '../src/modules/dual/dual.table.ts';
import { makeRiskChain } from './dual-kit.ts';
import type { MatrixContext, MatrixPart } from './role-matrix-enforcement.ts';
import { list, write } from './role-matrix-kit.ts';

/**
 * What the township sees: the 形式主义 signals (list, dismiss) and the statistics with their export. Out of scope: a
 * signal and a risk point of the OUTSIDE and SIBLING enterprises (the summaries and enterprise names carry the marks).
 */
export const dualOversightMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/dual-signals': list('dual.oversee'),
    'POST /api/v1/dual-signals/{id}/dismiss': write('dual.dismiss', { reason: '越权排除这条提示' }),
    'GET /api/v1/dual-oversight': list('dual.oversee'),
    'GET /api/v1/dual-oversight/export': list('dual.oversee'),
  },
  async setup(ctx: MatrixContext) {
    const ids: Record<string, string> = {};
    for (const [enterprise, mark] of [
      [ctx.outside, ctx.marks.OUTSIDE],
      [ctx.sibling, ctx.marks.SIBLING],
    ] as const) {
      await makeRiskChain(ctx.database.db, enterprise, { name: `${mark}风险点` });
      const [s] = await ctx.database.db
        .insert(dualSignals)
        .values({
          kind: 'bulkRecorded',
          enterpriseId: enterprise.id,
          regionCode: enterprise.regionCode,
          subjectKey: `matrix:${mark}`,
          evidence: { summary: `${mark}短时批量补录`, recordIds: [] },
          detectedOn: '2026-03-01',
        })
        .returning();
      ids[mark] = String(s?.id);
    }
    return {
      outsideIds: { 'dual-signals': ids[ctx.marks.OUTSIDE] as string },
      siblingIds: { 'dual-signals': ids[ctx.marks.SIBLING] as string },
    };
  },
};
