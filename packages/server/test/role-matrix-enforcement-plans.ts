import { enforcementPlans } from '../src/modules/enforcement/enforcement.table.ts';
import { codes } from './factories.ts';
import type { MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, shared, write } from './role-matrix-kit.ts';

/** The yearly plan (part B): 邻镇应急办's plan is outside; 应急办's is outside for the 市场监管所 and an enterprise. */
export const enforcementPlansMatrix: MatrixPart = {
  expected: {
    'GET /api/v1/enforcement-plans': list('enforcement.read'),
    'POST /api/v1/enforcement-plans': shared('enforcement.manage'),
    'GET /api/v1/enforcement-plans/defaults': { ...shared('enforcement.manage'), query: 'unitId=1&year=2026' },
    'GET /api/v1/enforcement-plans/{id}': read('enforcement.read'),
    'PATCH /api/v1/enforcement-plans/{id}': write('enforcement.manage', { version: 1, remove: [1] }),
    'POST /api/v1/enforcement-plans/{id}/approve': write('enforcement.manage', { version: 1 }),
    'POST /api/v1/enforcement-plans/{id}/amendments': write('enforcement.manage', {
      version: 1,
      reason: '越权变更',
      changes: { remove: [1] },
    }),
    'GET /api/v1/enforcement-plans/{id}/month': { ...read('enforcement.read'), query: 'month=3' },
    'POST /api/v1/enforcement-plans/{id}/schedule': write('enforcement.manage', { month: 3 }),
    'GET /api/v1/enforcement-plans/{id}/export': read('enforcement.read'),
  },
  async setup({ database, org, now }) {
    const capacity = { inspectors: 2, inspectionDaysPerMonth: 8, personDaysPerCheck: 2, months: 10 };
    const [outside, sibling] = await database.db
      .insert(enforcementPlans)
      .values([
        {
          unitId: org.units.otherEmergency.id,
          regionCode: codes.otherTown,
          year: 2026,
          status: 'draft',
          capacity,
          createdAt: now,
          updatedAt: now,
        },
        { unitId: org.units.emergency.id, regionCode: codes.town, year: 2026, status: 'draft', capacity, createdAt: now, updatedAt: now },
      ])
      .returning();
    return { outsideIds: { 'enforcement-plans': String(outside?.id) }, siblingIds: { 'enforcement-plans': String(sibling?.id) } };
  },
};
