import { randomBytes } from 'node:crypto';
import { type CheckDetail, type CheckTeamBody, drawInputs, drawMinInspectorsPerCheck, runDraw } from '@anzhi/core';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { checkRepo } from './check.repo.ts';
import type { CheckService } from './check.service.ts';
import { enforcementChecks } from './enforcement.table.ts';
import { drawSnapshot } from './enforcement-draw.service.ts';

/**
 * A check team: two or more of the unit's active inspectors whose 执法证 is valid on the day (国办发〔2015〕58号;
 * 安全生产法 第六十八条 — 执法检查不少于两人). Throws a Chinese 400 naming each inspector that may not go.
 */
export async function validateTeam(ex: Executor, unitId: number, inspectorIds: readonly number[], day: string): Promise<number[]> {
  const ids = [...new Set(inspectorIds)];
  const found = new Map((await checkRepo.inspectors(ex, ids)).map((i) => [i.id, i]));
  const problems = ids.flatMap((iid, k) => {
    const i = found.get(iid);
    if (!i || i.unitId !== unitId) return [{ path: `inspectorIds.${k}`, message: `执法人员（编号 ${iid}）不在本单位执法人员名录库中` }];
    if (!i.active) return [{ path: `inspectorIds.${k}`, message: `${i.name}已停用` }];
    if (i.certificateValidUntil < day)
      return [{ path: `inspectorIds.${k}`, message: `${i.name}的执法证（${i.certificateNo}）于 ${i.certificateValidUntil} 到期` }];
    return [];
  });
  if (problems.length || ids.length < 2)
    throw errors.badRequest(
      'enforcement_check.too_few_inspectors',
      `执法检查须有两名以上持有效执法证的本单位执法人员${problems.length ? `：${problems.map((p) => p.message).join('；')}` : ''}`,
      problems.length ? problems : [{ path: 'inspectorIds', message: '不少于两名' }],
    );
  return ids.sort((a, b) => a - b);
}

/** 指派执法人员: a planned check's team is set or changed before it starts (a check from the plan has none yet). */
export function createCheckTeamService(deps: { db: Db; audit: AuditService; checks: CheckService }) {
  async function assign(actor: Actor, id: number, body: CheckTeamBody): Promise<CheckDetail> {
    await auditedTransaction(deps.db, async (tx) => {
      const check = await deps.checks.load(tx, actor, id, { forUpdate: true });
      if (actor.scope.kind === 'unit' && actor.scope.unitId !== check.unitId)
        throw errors.forbidden('只能为本单位的检查指派执法人员', 'enforcement_check.not_own_unit');
      deps.checks.requireStatus(check, 'planned', '指派执法人员（已开始的检查不能更换执法人员）');
      deps.checks.requireVersion(check, body.version);
      const inspectorIds = await validateTeam(tx, check.unitId, body.inspectorIds, check.scheduledOn);
      await tx
        .update(enforcementChecks)
        .set({ inspectorIds, version: check.version + 1, updatedAt: new Date() })
        .where(eq(enforcementChecks.id, check.id));
      await deps.audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementCheck',
        entityId: check.id,
        action: 'assignTeam',
        before: { inspectorIds: check.inspectorIds },
        after: { inspectorIds },
      });
    });
    return deps.checks.get(actor, id);
  }
  return { assign };
}

/**
 * Teams for checks the unit schedules itself (the yearly plan's 重点检查 of a month): the draw's rule (core `runDraw`:
 * certificates valid on the day, recusal by home village and recent pairs, the least loaded first, two per check) over
 * exactly these targets, with a fresh seed. A target no team may inspect gets none and is named, for the unit to
 * assign by hand (`PUT /enforcement-checks/{id}/inspectors`).
 */
export async function drawTeams(
  ex: Executor,
  unit: { id: number; regionCode: string },
  day: string,
  targets: Array<{ id: number; name: string; regionCode: string }>,
): Promise<{ teams: Map<number, number[]>; unassigned: Array<{ enterpriseId: number; reason: string }> }> {
  const teams = new Map<number, number[]>();
  if (!targets.length) return { teams, unassigned: [] };
  const snapshot = await drawSnapshot(ex, unit, {
    scheduledOn: day,
    targetCount: targets.length,
    inspectorsPerCheck: drawMinInspectorsPerCheck,
  });
  const parsed = drawInputs.safeParse({ ...snapshot, targets });
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? '无法指派执法人员';
    return { teams, unassigned: targets.map((t) => ({ enterpriseId: t.id, reason })) };
  }
  const result = runDraw(parsed.data, randomBytes(32).toString('hex'));
  for (const c of result.checks) teams.set(c.targetId, c.inspectorIds);
  return { teams, unassigned: result.skipped.map((s) => ({ enterpriseId: s.targetId, reason: s.reason })) };
}
