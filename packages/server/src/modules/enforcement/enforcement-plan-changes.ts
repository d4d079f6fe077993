import { type EnforcementPlanItemChanges, type PlanCapacityInput, planItemProblem, planLoadProblems, planMonths } from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { errors } from '../../lib/errors.ts';
import { type EnforcementPlanItemRow, type EnforcementPlanRow, enforcementPlanRepo as repo } from './enforcement-plan.repo.ts';

type Problem = { path: string; message: string };

const invalid = (problems: Problem[]) =>
  errors.badRequest('enforcement_plan.invalid_items', `计划调整有误：${problems.map((p) => p.message).join('；')}`, problems);

/**
 * Applies item changes to a plan (a draft's edit or an approved plan's amendment): checks every line (months match the
 * frequency, lie in the plan's months; an added target is in the unit's 名录库 and not there twice; a removed one has no
 * checks yet) and the whole against capacity, then writes. Refuses with the numbers and changes nothing when anything
 * is wrong. Returns what changed (for the audit and the amendment row).
 */
export async function applyPlanItemChanges(ex: Executor, plan: EnforcementPlanRow, changes: EnforcementPlanItemChanges, now: Date) {
  const capacity = plan.capacity as unknown as Required<PlanCapacityInput>;
  const months = planMonths(capacity.months);
  const rows = (await repo.items(ex, plan.id)).map((r) => r.item);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: Problem[] = [];
  const final = new Map<number, Pick<EnforcementPlanItemRow, 'enterpriseId' | 'kind' | 'checksPerYear' | 'months'>>(
    rows.map((r) => [r.id, r]),
  );
  const updated: Array<{ id: number; enterpriseId: number; before: unknown; after: unknown }> = [];

  for (const [k, u] of (changes.update ?? []).entries()) {
    const row = byId.get(u.id);
    if (!row) {
      problems.push({ path: `update.${k}.id`, message: `计划中没有编号为 ${u.id} 的检查对象` });
      continue;
    }
    const next = {
      enterpriseId: row.enterpriseId,
      kind: u.kind ?? row.kind,
      checksPerYear: u.checksPerYear ?? row.checksPerYear,
      months: u.months ?? row.months,
    };
    const p = planItemProblem(next, months);
    if (p) problems.push({ path: `update.${k}.months`, message: p });
    final.set(row.id, next);
    updated.push({
      id: row.id,
      enterpriseId: row.enterpriseId,
      before: { kind: row.kind, checksPerYear: row.checksPerYear, months: row.months },
      after: { kind: next.kind, checksPerYear: next.checksPerYear, months: next.months },
    });
  }
  const removed = changes.remove ?? [];
  for (const [k, id] of removed.entries()) {
    if (!byId.has(id)) problems.push({ path: `remove.${k}`, message: `计划中没有编号为 ${id} 的检查对象` });
    final.delete(id);
  }
  const withChecks = await repo.itemsWithChecks(ex, removed);
  for (const id of withChecks)
    problems.push({ path: `remove.${removed.indexOf(id)}`, message: `检查对象（编号 ${id}）已安排检查，不能移除，可减少检查次数` });

  const adds = changes.add ?? [];
  const targets = new Map(
    (
      await repo.targetsOf(
        ex,
        plan.unitId,
        adds.map((a) => a.enterpriseId),
      )
    ).map((t) => [t.enterpriseId, t]),
  );
  for (const [k, a] of adds.entries()) {
    if (!targets.has(a.enterpriseId))
      problems.push({ path: `add.${k}.enterpriseId`, message: `企业（编号 ${a.enterpriseId}）不在本单位检查对象名录库中` });
    const p = planItemProblem(a, months);
    if (p) problems.push({ path: `add.${k}.months`, message: p });
    final.set(-(k + 1), a);
  }
  const seen = new Set<string>();
  for (const item of final.values()) {
    const key = `${item.enterpriseId}|${item.kind}`;
    if (seen.has(key)) problems.push({ path: 'add', message: `企业（编号 ${item.enterpriseId}）在计划中已有同类检查` });
    seen.add(key);
  }
  if (problems.length) throw invalid(problems);
  const over = planLoadProblems([...final.values()], capacity);
  if (over.length)
    throw errors.badRequest(
      'enforcement_plan.over_capacity',
      `调整后超出检查能力：${over.join('；')}`,
      over.map((message) => ({ path: 'items', message })),
    );

  if (removed.length) await repo.deleteItems(ex, plan.id, removed);
  for (const u of changes.update ?? []) {
    const next = final.get(u.id);
    if (next) await repo.updateItem(ex, u.id, { kind: next.kind, checksPerYear: next.checksPerYear, months: next.months });
  }
  await repo.insertItems(
    ex,
    adds.map((a) => ({
      planId: plan.id,
      enterpriseId: a.enterpriseId,
      regionCode: targets.get(a.enterpriseId)?.regionCode as string,
      kind: a.kind,
      reasons: [a.reason ? `人工添加：${a.reason}` : '人工添加'],
      checksPerYear: a.checksPerYear,
      months: a.months,
      createdAt: now,
    })),
  );
  return {
    updated,
    removed: removed.map((id) => ({ id, enterpriseId: byId.get(id)?.enterpriseId ?? null })),
    added: adds.map((a) => ({ enterpriseId: a.enterpriseId, kind: a.kind, checksPerYear: a.checksPerYear, months: a.months })),
  };
}
