// The role × endpoint matrix part of the 名录库 and 双随机 draws (issue 14, part A).
import { drawAlgorithm, drawSeedHash } from '@anzhi/core';
import { enforcementDraws, enforcementInspectors, enforcementTargets } from '../src/modules/enforcement/enforcement.table.ts';
import type { MatrixContext, MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, shared, write } from './role-matrix-kit.ts';

async function recordsOf(
  ctx: MatrixContext,
  unit: { id: number; regionCode: string },
  enterprise: MatrixContext['outside'],
  mark: string,
  n: number,
) {
  const db = ctx.database.db;
  const now = ctx.now;
  const inspectors = await db
    .insert(enforcementInspectors)
    .values(
      [1, 2].map((k) => ({
        unitId: unit.id,
        name: `${mark}执法员${k}`,
        certificateNo: `${mark}-${n}-${k}`,
        certificateValidUntil: '2030-12-31',
        homeRegionCode: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
  const [target] = await db
    .insert(enforcementTargets)
    .values({
      unitId: unit.id,
      enterpriseId: enterprise.id,
      regionCode: enterprise.regionCode,
      source: 'registry',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const seed = String(n).repeat(64).slice(0, 64);
  const [draw] = await db
    .insert(enforcementDraws)
    .values({
      unitId: unit.id,
      regionCode: unit.regionCode,
      title: `${mark}双随机抽查`,
      status: 'committed',
      seed,
      seedHash: drawSeedHash(seed),
      algorithm: drawAlgorithm,
      inputs: {
        drawnOn: '2026-03-10',
        targetCount: 1,
        inspectorsPerCheck: 2,
        recusalDays: 365,
        targets: [{ id: enterprise.id, name: enterprise.name, regionCode: enterprise.regionCode }],
        inspectors: inspectors.map((i) => ({
          id: i.id,
          name: i.name,
          certificateNo: i.certificateNo,
          certificateValidUntil: i.certificateValidUntil,
          homeRegionCode: null,
        })),
        recentChecks: [],
      },
      committedAt: now,
    })
    .returning();
  return {
    'enforcement-inspectors': String(inspectors[0]?.id),
    'enforcement-targets': String(target?.id),
    draws: String(draw?.id),
  };
}

export const drawsMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/enforcement-inspectors': list('enforcement.read'),
    'POST /api/v1/enforcement-inspectors': shared('enforcement.manage'),
    'GET /api/v1/enforcement-inspectors/{id}': read('enforcement.read'),
    'PATCH /api/v1/enforcement-inspectors/{id}': write('enforcement.manage', { version: 1, name: '越权改名' }),
    'POST /api/v1/enforcement-inspectors/{id}/deactivate': write('enforcement.manage', { version: 1, reason: '越权停用' }),
    'GET /api/v1/enforcement-targets': list('enforcement.read'),
    'POST /api/v1/enforcement-targets': shared('enforcement.manage'),
    'POST /api/v1/enforcement-targets/derive': shared('enforcement.manage'),
    'GET /api/v1/enforcement-targets/{id}': read('enforcement.read'),
    'POST /api/v1/enforcement-targets/{id}/exclusion': write('enforcement.manage', { excluded: true, reason: '越权移出' }),
    'GET /api/v1/draws': list('enforcement.read'),
    'POST /api/v1/draws': shared('enforcement.manage'),
    'GET /api/v1/draws/{id}': read('enforcement.read'),
    'POST /api/v1/draws/{id}/run': write('enforcement.manage'),
    'GET /api/v1/public/draws/{id}': shared('public'),
  },
  async setup(ctx) {
    const otherTown = { id: ctx.org.units.otherEmergency.id, regionCode: ctx.org.units.otherEmergency.regionCode };
    const town = { id: ctx.org.units.emergency.id, regionCode: ctx.org.units.emergency.regionCode };
    return {
      outsideIds: await recordsOf(ctx, otherTown, ctx.outside, ctx.marks.OUTSIDE, 7),
      siblingIds: await recordsOf(ctx, town, ctx.sibling, ctx.marks.SIBLING, 8),
    };
  },
};
