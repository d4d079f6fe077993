import { enforcementOrders, enforcementPenalties } from '../src/modules/enforcement/enforcement.table.ts';
import { makeInspector, makeSignedCheck } from './enforcement-kit.ts';
import type { MatrixContext, MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, shared, write } from './role-matrix-kit.ts';

/** 执法三部曲: orders and 复查, penalty cases, and the documents under their records. */
export const triadMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/enforcement-orders': list('enforcement.read'),
    'POST /api/v1/enforcement-orders': shared('enforcement.inspect'),
    'GET /api/v1/enforcement-orders/{id}': read('enforcement.read'),
    'POST /api/v1/enforcement-orders/{id}/recheck': write('enforcement.inspect', {
      version: 1,
      on: '2026-03-02',
      results: [{ itemId: 1, result: 'fixed' }],
      earlyReason: '越权复查',
    }),
    'GET /api/v1/enforcement-orders/{id}/order.docx': read('enforcement.read'),
    'GET /api/v1/enforcement-orders/{id}/recheck.docx': read('enforcement.read'),
    'GET /api/v1/enforcement-checks/{id}/record.docx': read('enforcement.read'),
    'GET /api/v1/penalties': list('enforcement.read'),
    'POST /api/v1/penalties': shared('enforcement.penalize'),
    'GET /api/v1/penalties/{id}': read('enforcement.read'),
    'PATCH /api/v1/penalties/{id}': write('enforcement.penalize', { version: 1, to: 'noticed' }),
    'GET /api/v1/penalties/{id}/decision.docx': read('enforcement.read'),
  },
  async setup(ctx: MatrixContext) {
    const { database, org, now } = ctx;
    const make = async (unitId: number, enterprise: MatrixContext['outside'], mark: string) => {
      const inspectorIds = [
        (await makeInspector(database, unitId, { name: `${mark}执法员甲` })).id,
        (await makeInspector(database, unitId, { name: `${mark}执法员乙` })).id,
      ];
      const { check, items } = await makeSignedCheck(database, {
        unitId,
        enterprise,
        inspectorIds,
        items: [{ result: 'fail', text: `${mark}问题` }],
      });
      const [order] = await database.db
        .insert(enforcementOrders)
        .values({
          checkId: check.id,
          unitId,
          enterpriseId: enterprise.id,
          regionCode: enterprise.regionCode,
          status: 'open',
          itemIds: items.map((i) => i.id),
          issuedOn: '2026-03-01',
          deadline: '2026-03-20',
          recheckDueOn: '2026-03-30',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const [penalty] = await database.db
        .insert(enforcementPenalties)
        .values({
          unitId,
          enterpriseId: enterprise.id,
          regionCode: enterprise.regionCode,
          checkId: check.id,
          status: 'decided',
          legalBasis: ['aqsf-2021:102'],
          facts: `${mark}未消除事故隐患`,
          amount: 1000,
          decisionNo: `${mark}罚〔2026〕1号`,
          filedOn: '2026-03-01',
          decidedOn: '2026-03-01',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return {
        'enforcement-orders': String(order?.id),
        penalties: String(penalty?.id),
        'enforcement-checks': String(check.id),
      };
    };
    return {
      outsideIds: await make(org.units.otherEmergency.id, ctx.outside, ctx.marks.OUTSIDE),
      siblingIds: await make(org.units.emergency.id, ctx.sibling, ctx.marks.SIBLING),
    };
  },
};
