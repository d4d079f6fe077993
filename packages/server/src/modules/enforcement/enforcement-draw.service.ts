import crypto from 'node:crypto';
import {
  type CheckKind,
  type DrawCreateBody,
  type DrawDetail,
  type DrawInputs,
  type DrawListItem,
  type DrawListQuery,
  drawAlgorithm,
  drawInputs,
  drawRecusalCheckStatuses,
  drawSeedHash,
  type PublicDraw,
  runDraw,
} from '@anzhi/core';
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn, systemScope } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { resolveSettings } from '../settings/settings.resolver.ts';
import { users } from '../users/user.table.ts';
import { enforcementDraws, enforcementPlanItems, enforcementPlans } from './enforcement.table.ts';
import { managedUnit } from './enforcement-access.ts';
import { insertPlannedChecks } from './enforcement-check.repo.ts';
import { type DrawRow, type DrawSummaryRow, drawRepo } from './enforcement-draw.repo.ts';
import { inspectorRepo } from './enforcement-inspector.repo.ts';
import { targetListRepo } from './enforcement-target-list.repo.ts';

const KEY: CheckKind = 'key';

export const drawErrors = {
  notFound: () => errors.notFound('抽查', 'draw.not_found'),
  alreadyDrawn: () => errors.conflict('draw.already_drawn', '该抽查已经抽取过，不能重复抽取（结果已公开）'),
};

const DAY_MS = 86_400_000;
const minusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);

function listItem(r: DrawSummaryRow): DrawListItem {
  return {
    id: r.id,
    unitId: r.unitId,
    unitName: r.unitName,
    title: r.title,
    status: r.status,
    seedHash: r.seedHash,
    algorithm: r.algorithm,
    scheduledOn: r.scheduledOn,
    targetCount: Number(r.targetCount),
    inspectorsPerCheck: Number(r.inspectorsPerCheck),
    targetPool: Number(r.targetPool),
    inspectorPool: Number(r.inspectorPool),
    drawnChecks: Number(r.drawnChecks),
    planId: r.planId,
    committedAt: r.committedAt.toISOString(),
    drawnAt: r.drawnAt?.toISOString() ?? null,
  };
}

/**
 * The frozen snapshot a draw commits to: the unit's drawable targets (a target's id is its enterprise's id), its active
 * inspectors, the recent pairs within the recusal window counted back from the day of the checks, the recusal days.
 */
export async function drawSnapshot(
  ex: Executor,
  unit: { id: number; regionCode: string },
  body: Pick<DrawCreateBody, 'scheduledOn' | 'targetCount' | 'inspectorsPerCheck'>,
): Promise<DrawInputs> {
  const { recusalDays } = (await resolveSettings(ex, unit.regionCode)).enforcement;
  const targets = await targetListRepo.drawable(ex, unit.id);
  const inspectors = (await inspectorRepo.activeOfUnit(ex, unit.id)).map((i) => ({
    id: i.id,
    name: i.name,
    certificateNo: i.certificateNo,
    certificateValidUntil: i.certificateValidUntil,
    homeRegionCode: i.homeRegionCode,
  }));
  const recentChecks: DrawInputs['recentChecks'] = [];
  if (recusalDays > 0) {
    const targetIds = new Set(targets.map((t) => t.id));
    const inspectorIds = new Set(inspectors.map((i) => i.id));
    const from = minusDays(body.scheduledOn, recusalDays - 1);
    for (const c of await drawRepo.recentChecks(ex, unit.id, from, drawRecusalCheckStatuses)) {
      if (!targetIds.has(c.enterpriseId)) continue;
      for (const inspectorId of c.inspectorIds)
        if (inspectorIds.has(inspectorId)) recentChecks.push({ inspectorId, targetId: c.enterpriseId, on: c.on });
    }
    recentChecks.sort((a, b) => a.on.localeCompare(b.on) || a.targetId - b.targetId || a.inspectorId - b.inspectorId);
  }
  return {
    drawnOn: body.scheduledOn,
    targetCount: body.targetCount,
    inspectorsPerCheck: body.inspectorsPerCheck,
    recusalDays,
    targets,
    inspectors,
    recentChecks,
  };
}

/**
 * 双随机 draws by commit–reveal (ADR 0022). Committing freezes the inputs — the unit's 检查对象名录库 (not excluded,
 * not closed; a target's id is its enterprise's id), its active inspectors, the recent check pairs within the recusal
 * window, the recusal days — and records a fresh seed whose hash is shown at once; the seed itself is returned
 * only after the run. Running is `runDraw(inputs, seed)` from core and creates the planned checks, once.
 * `inputs.drawnOn` is the day the checks are for: certificates must be valid on it and recusal counts back from it.
 */
export function createDrawService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;
  const today = () => chinaToday(clock.now());

  async function detailOf(ex: Executor, row: DrawRow, unitName: string): Promise<DrawDetail> {
    const inputs = row.inputs as DrawInputs;
    const userIds = [row.committedBy, row.drawnBy].filter((x): x is number => x !== null);
    const names = new Map<number, string>();
    for (const id of new Set(userIds)) {
      const [u] = await ex.select({ name: users.displayName }).from(users).where(eq(users.id, id));
      if (u) names.set(id, u.name);
    }
    let result: DrawDetail['result'] = null;
    if (row.status === 'drawn' && row.result) {
      const targets = new Map(inputs.targets.map((t) => [t.id, t]));
      const inspectors = new Map(inputs.inspectors.map((i) => [i.id, i]));
      const checks = new Map((await drawRepo.checksOf(ex, row.id)).map((c) => [c.enterpriseId, c]));
      const regionNames = await drawRepo.regionNames(
        ex,
        row.result.checks.map((c) => targets.get(c.targetId)?.regionCode ?? ''),
      );
      result = {
        checks: row.result.checks.map((c) => {
          const t = targets.get(c.targetId);
          const check = checks.get(c.targetId);
          return {
            checkId: check?.id ?? null,
            checkCode: check?.code ?? null,
            targetId: c.targetId,
            name: t?.name ?? String(c.targetId),
            regionCode: t?.regionCode ?? '',
            regionName: regionNames.get(t?.regionCode ?? '') ?? null,
            inspectors: c.inspectorIds.map((id) => ({ id, name: inspectors.get(id)?.name ?? String(id) })),
          };
        }),
        skipped: row.result.skipped.map((s) => ({
          targetId: s.targetId,
          name: targets.get(s.targetId)?.name ?? String(s.targetId),
          reason: s.reason,
        })),
      };
    }
    return {
      id: row.id,
      unitId: row.unitId,
      unitName,
      title: row.title,
      status: row.status,
      seedHash: row.seedHash,
      algorithm: row.algorithm,
      scheduledOn: inputs.drawnOn,
      targetCount: inputs.targetCount,
      inspectorsPerCheck: inputs.inspectorsPerCheck,
      targetPool: inputs.targets.length,
      inspectorPool: inputs.inspectors.length,
      drawnChecks: row.result?.checks.length ?? 0,
      planId: row.planId,
      committedAt: row.committedAt.toISOString(),
      drawnAt: row.drawnAt?.toISOString() ?? null,
      // ADR 0022: the seed never leaves the server before the draw is run.
      seed: row.status === 'drawn' ? row.seed : null,
      recusalDays: inputs.recusalDays,
      validInspectors: inputs.inspectors.filter((i) => i.certificateValidUntil >= inputs.drawnOn).length,
      recentChecks: inputs.recentChecks.length,
      committedByName: row.committedBy ? (names.get(row.committedBy) ?? null) : null,
      drawnByName: row.drawnBy ? (names.get(row.drawnBy) ?? null) : null,
      result,
    };
  }

  async function get(actor: Actor, id: number): Promise<DrawDetail> {
    const found = await drawRepo.find(db, scopeOn.enforcement_draws(actor.scope), id);
    if (!found) throw drawErrors.notFound();
    return detailOf(db, found.row, found.unitName);
  }

  return {
    get,

    async list(actor: Actor, q: DrawListQuery) {
      const { rows, total } = await drawRepo.page(
        db,
        scopeOn.enforcement_draws(actor.scope),
        { unitId: q.unitId, status: q.status },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      return { items: rows.map(listItem), total };
    },

    async commit(actor: Actor, body: DrawCreateBody): Promise<DrawDetail> {
      return auditedTransaction(db, async (tx) => {
        const unit = await managedUnit(tx, actor, body.unitId);
        if (body.scheduledOn < today())
          throw errors.badRequest('draw.past_day', '检查日期不能早于今天', [{ path: 'scheduledOn', message: '检查日期已过' }]);
        if (body.planId !== null) {
          const [plan] = await tx
            .select({ id: enforcementPlans.id })
            .from(enforcementPlans)
            .where(and(eq(enforcementPlans.id, body.planId), eq(enforcementPlans.unitId, unit.id), scopeOn.enforcement_plans(actor.scope)));
          if (!plan) throw errors.badRequest('draw.bad_plan', '年度计划不存在或不属于该单位', [{ path: 'planId', message: '计划不存在' }]);
        }
        const snapshot = await drawSnapshot(tx, unit, body);
        if (body.planId !== null) {
          // 重点检查单位 are covered by the plan in full; 双随机 draws from the 一般 units (regulations.md §9.1).
          const key = new Set(
            (
              await tx
                .select({ enterpriseId: enforcementPlanItems.enterpriseId })
                .from(enforcementPlanItems)
                .where(and(eq(enforcementPlanItems.planId, body.planId), eq(enforcementPlanItems.kind, KEY)))
            ).map((r) => r.enterpriseId),
          );
          snapshot.targets = snapshot.targets.filter((t) => !key.has(t.id));
          snapshot.recentChecks = snapshot.recentChecks.filter((c) => !key.has(c.targetId));
        }
        const parsed = drawInputs.safeParse(snapshot);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
          throw errors.badRequest('draw.bad_inputs', `无法抽取：${issues.map((i) => i.message).join('；')}`, issues);
        }
        const seed = crypto.randomBytes(32).toString('hex');
        const now = clock.now();
        const row = await drawRepo.insert(tx, {
          unitId: unit.id,
          regionCode: unit.regionCode,
          title: body.title,
          status: 'committed',
          seed,
          seedHash: drawSeedHash(seed),
          algorithm: drawAlgorithm,
          inputs: parsed.data,
          planId: body.planId,
          committedBy: actor.userId,
          committedAt: now,
          createdAt: now,
        });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementDraw',
          entityId: row.id,
          action: 'commit',
          // The hash, never the seed (ADR 0022): the audit trail is readable before the draw runs.
          after: {
            title: row.title,
            unitId: unit.id,
            seedHash: row.seedHash,
            algorithm: row.algorithm,
            drawnOn: parsed.data.drawnOn,
            targetCount: parsed.data.targetCount,
            inspectorsPerCheck: parsed.data.inspectorsPerCheck,
            recusalDays: parsed.data.recusalDays,
            targets: parsed.data.targets.length,
            inspectors: parsed.data.inspectors.length,
            recentChecks: parsed.data.recentChecks.length,
          },
        });
        return detailOf(tx, row, unit.name);
      });
    },

    async run(actor: Actor, id: number): Promise<DrawDetail> {
      return auditedTransaction(db, async (tx) => {
        const found = await drawRepo.find(tx, scopeOn.enforcement_draws(actor.scope), id, { lock: true });
        if (!found) throw drawErrors.notFound();
        const draw = found.row;
        await managedUnit(tx, actor, draw.unitId);
        if (draw.status !== 'committed') throw drawErrors.alreadyDrawn();
        const inputs = draw.inputs as DrawInputs;
        const result = runDraw(inputs, draw.seed);
        const now = clock.now();
        const checks = await insertPlannedChecks(
          tx,
          result.checks.map((c) => ({
            unitId: draw.unitId,
            enterpriseId: c.targetId,
            kind: 'general' as const,
            scheduledOn: inputs.drawnOn,
            inspectorIds: c.inspectorIds,
            drawId: draw.id,
            planItemId: null,
            createdBy: actor.userId,
          })),
          now,
        );
        if (!(await drawRepo.markDrawn(tx, draw.id, { result, drawnBy: actor.userId, drawnAt: now }))) throw drawErrors.alreadyDrawn();
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementDraw',
          entityId: draw.id,
          action: 'draw',
          before: { status: 'committed', seedHash: draw.seedHash },
          after: {
            status: 'drawn',
            seed: draw.seed,
            algorithm: result.algorithm,
            checks: result.checks.length,
            skipped: result.skipped.length,
            checkIds: checks.map((c) => c.id),
          },
        });
        return detailOf(tx, { ...draw, status: 'drawn', result, drawnBy: actor.userId, drawnAt: now }, found.unitName);
      });
    },

    /** The published record, for anyone: only a drawn draw (a committed one is not public yet: 404). */
    async publicRecord(id: number): Promise<PublicDraw> {
      // No caller, so no scope (systemScope): what is public is decided by the status alone.
      const found = await drawRepo.find(db, and(scopeOn.enforcement_draws(systemScope), eq(enforcementDraws.status, 'drawn')), id);
      const r = found?.row;
      if (!found || !r?.result || !r.drawnAt) throw errors.notFound('已公开的抽查', 'draw.not_found');
      return {
        id: r.id,
        title: r.title,
        unitName: found.unitName,
        committedAt: r.committedAt.toISOString(),
        drawnAt: r.drawnAt.toISOString(),
        regionNames: Object.fromEntries(
          await drawRepo.regionNames(
            db,
            (r.inputs as DrawInputs).targets.map((t) => t.regionCode),
          ),
        ),
        inputs: r.inputs as DrawInputs,
        seedHash: r.seedHash,
        seed: r.seed,
        algorithm: r.algorithm,
        result: r.result,
      };
    },
  };
}

export type DrawService = ReturnType<typeof createDrawService>;
