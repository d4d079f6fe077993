import { insertPlannedChecks } from '../src/modules/enforcement/enforcement-check.repo.ts';
import type { MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, shared, write } from './role-matrix-kit.ts';

/** The on-site check: its routes, and a planned check of 邻镇 (outside) and one of 应急办 (sibling). */
export const checksMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/enforcement-checks': list('enforcement.read'),
    'POST /api/v1/enforcement-checks': shared('enforcement.manage'),
    'GET /api/v1/enforcement-checks/quiz-stats': { ...read('enforcement.read'), query: 'enterpriseId={enterprises}' },
    'GET /api/v1/enforcement-checks/{id}': read('enforcement.read'),
    'POST /api/v1/enforcement-checks/{id}/start': write('enforcement.inspect'),
    'PUT /api/v1/enforcement-checks/{id}/items': write('enforcement.inspect', { version: 1, items: [] }),
    'PUT /api/v1/enforcement-checks/{id}/inspectors': write('enforcement.manage', { version: 1, inspectorIds: [1, 2] }),
    'POST /api/v1/enforcement-checks/{id}/sign': write('enforcement.inspect', { version: 1, signatures: [] }),
    'POST /api/v1/enforcement-checks/{id}/amendments': write('enforcement.inspect', { reason: '越权更正', changes: { place: '越权地点' } }),
    'GET /api/v1/enforcement-checks/{id}/quiz-questions': read('enforcement.inspect'),
    'POST /api/v1/enforcement-checks/{id}/quizzes': write('enforcement.inspect', {
      workerName: '越权',
      answers: [{ questionId: 'huagong-2017/1', given: '越权' }],
    }),
    'GET /api/v1/enforcement-checklists/{id}': read('enforcement.read'),
    'PUT /api/v1/enforcement-checklists/{id}': write('enforcement.manage', { version: 0, items: ['越权检查项'] }),
  },
  async setup(ctx) {
    const [outside, sibling] = await insertPlannedChecks(
      ctx.database.db,
      [
        {
          unitId: ctx.org.units.otherEmergency.id,
          enterpriseId: ctx.outside.id,
          kind: 'adhoc',
          scheduledOn: '2026-03-02',
          inspectorIds: [],
          createdBy: null,
        },
        {
          unitId: ctx.org.units.emergency.id,
          enterpriseId: ctx.sibling.id,
          kind: 'adhoc',
          scheduledOn: '2026-03-02',
          inspectorIds: [],
          createdBy: null,
        },
      ],
      ctx.now,
    );
    return {
      outsideIds: { 'enforcement-checks': String(outside?.id), 'enforcement-checklists': String(ctx.org.units.otherEmergency.id) },
      siblingIds: { 'enforcement-checks': String(sibling?.id), 'enforcement-checklists': String(ctx.org.units.emergency.id) },
    };
  },
};
