import { createIdentityCipher, newIdentityKey } from '../src/lib/identity-cipher.ts';
import { makeReport } from './report-kit.ts';
import type { MatrixContext, MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, shared, write } from './role-matrix-kit.ts';

/** 举报办理: the list, detail and identity, and every step of handling. */
export const handlingMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/reports': list('report.read'),
    'POST /api/v1/reports': shared('report.triage', { source: 'hotline', description: '矩阵测试的热线举报', regionCode: '330110101201' }),
    'GET /api/v1/reports/{id}': read('report.read'),
    'GET /api/v1/reports/{id}/identity': read('report.identity'),
    'POST /api/v1/reports/{id}/accept': write('report.triage', { version: 1, assignedUnitId: 1, matter: 'hazard' }),
    'POST /api/v1/reports/{id}/reject': write('report.triage', { version: 1, reason: '越权不予受理' }),
    'POST /api/v1/reports/{id}/assign': write('report.triage', { version: 1, unitId: 1 }),
    'POST /api/v1/reports/{id}/extend': write('report.verify', { version: 1, days: 5, reason: '越权延期' }),
    'POST /api/v1/reports/{id}/messages': write('report.verify', { kind: 'question', body: '越权询问' }),
    'POST /api/v1/reports/{id}/outcome': write('report.verify', { version: 1, outcome: 'unfounded', feedback: '越权办结' }),
    'POST /api/v1/reports/{id}/merge': write('report.triage', { version: 1, intoId: 1 }),
    'POST /api/v1/reports/{id}/unmerge': write('report.triage', { version: 1 }),
  },
  async setup(ctx: MatrixContext) {
    const { database, org } = ctx;
    // The matrix never reads identities back through the app's key (the route answers with null for a foreign key).
    const identity = createIdentityCipher(newIdentityKey());
    const make = async (enterprise: MatrixContext['outside'], unitId: number, mark: string) =>
      makeReport(database.db, identity, {
        enterprise,
        assignedUnitId: unitId,
        status: 'verifying',
        acceptedOn: '2026-02-20',
        dueOn: '2026-04-21',
        description: `${mark}举报：消防通道堵塞`,
        reporterName: `${mark}举报人`,
      });
    const outside = await make(ctx.outside, org.units.otherEmergency.id, ctx.marks.OUTSIDE);
    const sibling = await make(ctx.sibling, org.units.emergency.id, ctx.marks.SIBLING);
    return { outsideIds: { reports: String(outside.id) }, siblingIds: { reports: String(sibling.id) } };
  },
};
