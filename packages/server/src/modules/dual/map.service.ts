import { highestRiskLevel, type RiskMapBody, type RiskMapView } from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { fileRepo } from '../files/file.repo.ts';
import type { FileService } from '../files/file.service.ts';
import { cardRepo } from './card.repo.ts';
import { mapRepo } from './map.repo.ts';

/** Files of a site plan are attached to this owner (the enterprise's id): seen by whoever sees the enterprise's map. */
export const RISK_MAP_FILE_OWNER = 'riskMap';

export const mapErrors = {
  notFound: () => errors.notFound('企业', 'dual.map_enterprise_not_found'),
  notImage: () =>
    errors.badRequest('dual.map_not_image', '平面图应为图片（JPEG、PNG 等），不能是 PDF', [{ path: 'fileId', message: '应为图片' }]),
  badPoint: (i: number) =>
    errors.badRequest('dual.map_bad_point', `第 ${i + 1} 个区域关联的风险点不属于本企业`, [
      { path: `zones.${i}.pointId`, message: '风险点不存在或不属于本企业' },
    ]),
};

/** 四色分布图: a site plan with zones, each coloured by its risk point's highest event level (core highestRiskLevel). */
export function createMapService(deps: { db: Db; clock: Clock; audit: AuditService; files: FileService }) {
  const { db, clock, audit, files } = deps;

  async function view(ex: Executor, actor: Actor, enterpriseId: number): Promise<RiskMapView> {
    const e = await mapRepo.enterprise(ex, scopeOn.enterprises(actor.scope), enterpriseId);
    if (!e) throw mapErrors.notFound();
    const map = await mapRepo.find(ex, scopeOn.risk_maps(actor.scope), enterpriseId);
    const points = (await cardRepo.pointLevels(ex, scopeOn.risk_points(actor.scope), enterpriseId)).map((p) => ({
      id: p.id,
      name: p.name,
      level: highestRiskLevel(p.levels),
    }));
    const byId = new Map(points.map((p) => [p.id, p]));
    return {
      enterpriseId: e.id,
      enterpriseName: e.name,
      fileId: map?.fileId ?? null,
      imageUrl: map ? `/api/v1/files/${map.fileId}` : null,
      zones: (map?.zones ?? []).map((z) => ({
        pointId: z.pointId,
        pointName: byId.get(z.pointId)?.name ?? '（已删除的风险点）',
        level: byId.get(z.pointId)?.level ?? null,
        polygon: z.polygon,
      })),
      points,
      version: map?.version ?? 0,
    };
  }

  return {
    /** Whether `actor` may see the site plan file of this enterprise's map (the files module asks). */
    async canViewFile(ex: Executor, actor: Actor, enterpriseId: number) {
      return (await mapRepo.find(ex, scopeOn.risk_maps(actor.scope), enterpriseId)) !== undefined;
    },

    get: (actor: Actor, enterpriseId: number) => view(db, actor, enterpriseId),

    async put(actor: Actor, enterpriseId: number, body: RiskMapBody): Promise<RiskMapView> {
      await auditedTransaction(db, async (tx) => {
        const e = await mapRepo.enterprise(tx, scopeOn.enterprises(actor.scope), enterpriseId);
        if (!e) throw mapErrors.notFound();
        const own = new Set((await cardRepo.pointLevels(tx, scopeOn.risk_points(actor.scope), enterpriseId)).map((p) => p.id));
        body.zones.forEach((z, i) => {
          if (!own.has(z.pointId)) throw mapErrors.badPoint(i);
        });
        const file = await fileRepo.findById(tx, body.fileId);
        if (file && !file.mime.startsWith('image/')) throw mapErrors.notImage();
        await files.attachFiles(tx, actor, [body.fileId], RISK_MAP_FILE_OWNER, enterpriseId);
        const before = await mapRepo.find(tx, scopeOn.risk_maps(actor.scope), enterpriseId);
        const after = await mapRepo.upsert(tx, {
          enterpriseId,
          fileId: body.fileId,
          zones: body.zones,
          updatedBy: actor.userId,
          updatedAt: clock.now(),
        });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'riskMap',
          entityId: enterpriseId,
          action: before ? 'update' : 'create',
          before: before && { fileId: before.fileId, zones: before.zones },
          after: { fileId: after.fileId, zones: after.zones },
        });
      });
      return view(db, actor, enterpriseId);
    },
  };
}

export type MapService = ReturnType<typeof createMapService>;
