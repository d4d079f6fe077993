import { makeRiskChain } from './dual-kit.ts';
import type { MatrixContext, MatrixPart } from './role-matrix-enforcement.ts';
import { read, shared, write } from './role-matrix-kit.ts';

/**
 * 风险分级管控: the chain of an enterprise (points, units, events, measures), its tree, the assessment preview, 复评 and
 * the Excel import and exports. The out-of-scope ids are a full chain of the 邻镇 and the sibling enterprise.
 */
export const riskMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/risk-points': {
      ...read('dual.read'),
      query: 'enterpriseId={enterprises}',
      except: { roles: ['enterprise'], why: 'an enterprise account always gets its own points; the id asked for is ignored' },
    },
    'GET /api/v1/enterprises/{id}/risk-tree': read('dual.read'),
    'POST /api/v1/risk-assessments/preview': shared('dual.read', { assessment: { method: 'ls', l: 1, s: 1 } }),
    'POST /api/v1/risk-points': shared('dual.manage', { kind: 'place', name: '越权风险点' }),
    'PATCH /api/v1/risk-points/{id}': write('dual.manage', { version: 1, name: '越权修改' }),
    'DELETE /api/v1/risk-points/{id}': write('dual.manage'),
    'POST /api/v1/risk-points/{id}/review': write('dual.manage', {}),
    'POST /api/v1/risk-units': shared('dual.manage', { pointId: 2_000_000_000, name: '越权单元' }),
    'PATCH /api/v1/risk-units/{id}': write('dual.manage', { name: '越权修改' }),
    'DELETE /api/v1/risk-units/{id}': write('dual.manage'),
    'POST /api/v1/risk-events': shared('dual.manage', {
      unitId: 2_000_000_000,
      name: '越权事件',
      assessment: { method: 'ls', l: 1, s: 1 },
    }),
    'PATCH /api/v1/risk-events/{id}': write('dual.manage', { version: 1, name: '越权修改' }),
    'DELETE /api/v1/risk-events/{id}': write('dual.manage'),
    'POST /api/v1/control-measures': shared('dual.manage', { eventId: 2_000_000_000, kind: 'management', content: '越权措施' }),
    'PATCH /api/v1/control-measures/{id}': write('dual.manage', { content: '越权修改' }),
    'DELETE /api/v1/control-measures/{id}': write('dual.manage'),
    'POST /api/v1/enterprises/{id}/risk-import': write('dual.manage', {}),
    'GET /api/v1/enterprises/{id}/risk-export': read('dual.read'),
    'GET /api/v1/enterprises/{id}/risk-national': read('dual.read'),
  },
  async setup(ctx: MatrixContext) {
    const make = async (enterprise: MatrixContext['outside'], mark: string) => {
      const c = await makeRiskChain(ctx.database.db, enterprise, { name: `${mark}冲压机`, measure: `${mark}光电保护` });
      return {
        'risk-points': String(c.point.id),
        'risk-units': String(c.unit.id),
        'risk-events': String(c.event.id),
        'control-measures': String(c.measure.id),
      };
    };
    return { outsideIds: await make(ctx.outside, ctx.marks.OUTSIDE), siblingIds: await make(ctx.sibling, ctx.marks.SIBLING) };
  },
};
