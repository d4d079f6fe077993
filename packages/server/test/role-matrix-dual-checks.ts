import { makeCheckRecord, makeCheckTask, makeTaskPeriods } from './dual-kit.ts';
import type { MatrixContext, MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, shared, write } from './role-matrix-kit.ts';

/**
 * 双重预防 — check tasks and records: today's due checks and the calendar (an enterprise named in the query: one
 * outside the scope is not found), the phone's record sync (multipart; a JSON body is refused before anything), and
 * the record list and detail. The out-of-scope ids are a record of 邻镇's enterprise and of the sibling enterprise.
 */
export const dualChecksMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/check-tasks': list('dual.read'),
    'POST /api/v1/check-tasks': shared('dual.manage'),
    'PUT /api/v1/check-tasks/{id}': write('dual.manage', { version: 1, title: '越权修改', cycle: 'day', items: ['x'], ownerName: '某人' }),
    'POST /api/v1/check-tasks/{id}/deactivate': write('dual.manage'),
    'POST /api/v1/check-tasks/from-measure': shared('dual.manage'),
    'POST /api/v1/check-tasks/templates': shared('dual.manage'),
    'GET /api/v1/check-tasks/today': { ...read('dual.read'), query: 'enterpriseId={enterprises}' },
    'GET /api/v1/check-tasks/calendar': { ...read('dual.read'), query: 'enterpriseId={enterprises}' },
    'POST /api/v1/check-records': shared('dual.check'),
    'GET /api/v1/check-records': list('dual.read'),
    'GET /api/v1/check-records/{id}': read('dual.read'),
    // the due checks behind the oversight figures (part G): the periods of the records below
    'GET /api/v1/check-periods': list('dual.read'),
  },
  async setup(ctx: MatrixContext) {
    const { database, org } = ctx;
    const make = async (enterprise: MatrixContext['outside'], mark: string) => {
      const task = await makeCheckTask(database.db, enterprise, { title: `${mark}班组日排查` });
      const [period] = await makeTaskPeriods(database.db, task, '2026-03-01', '2026-03-01');
      const record = await makeCheckRecord(database.db, enterprise, { checkedBy: org.users.admin.id, taskPeriodId: period?.id ?? null });
      return { 'check-records': String(record.id), 'check-tasks': String(task.id) };
    };
    return { outsideIds: await make(ctx.outside, ctx.marks.OUTSIDE), siblingIds: await make(ctx.sibling, ctx.marks.SIBLING) };
  },
};
