// The review screen's edits: plan fields, unit-name decisions (which re-derive the tasks' unit ids), task edits, removals.
import { hasLead, officeUnitOf, type PlanDraftPatch, type PlanTaskEdit, planRecurrenceWords } from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { chinaToday } from '../../lib/clock.ts';
import { planErrorsOf } from './plan.presenter.ts';
import { type PlanRow, type PlanTaskRow, planRepo } from './plan.repo.ts';
import type { plans, planTasks } from './plan.table.ts';
import { type MappingDecision, mappingMap, resolveUnits, unitsContext } from './plan-import.ts';

/** The mapping a decision sets; a decision without unit, villages or ignore makes the name undecided again. */
function decisionOf(edit: NonNullable<PlanDraftPatch['mappings']>[number]): Omit<MappingDecision, 'name'> {
  if (edit.ignored) return { unitId: null, villages: false, ignored: true, decided: true };
  if (edit.villages) return { unitId: null, villages: true, ignored: false, decided: true };
  if (edit.unitId != null) return { unitId: edit.unitId, villages: false, ignored: false, decided: true };
  return { unitId: null, villages: false, ignored: false, decided: false };
}

/** Unit ids of a task from its printed names, unless someone set them by hand. */
export async function rederiveUnits(
  ex: Executor,
  tasks: readonly PlanTaskRow[],
  mappings: ReadonlyMap<string, MappingDecision>,
  now: Date,
) {
  for (const t of tasks) {
    if (t.kind !== 'task' || t.unitsEdited) continue;
    const lead = resolveUnits(t.leadUnitNames, mappings);
    const co = resolveUnits(t.coUnitNames, mappings);
    const next = {
      leadUnitIds: lead.ids,
      coUnitIds: co.ids.filter((id) => !lead.ids.includes(id)),
      leadVillages: lead.villages,
      coVillages: co.villages && !lead.villages,
    };
    const same =
      next.leadUnitIds.join() === t.leadUnitIds.join() &&
      next.coUnitIds.join() === t.coUnitIds.join() &&
      next.leadVillages === t.leadVillages &&
      next.coVillages === t.coVillages;
    if (!same) await planRepo.updateTask(ex, t.id, { ...next, updatedAt: now });
  }
}

function taskValues(edit: PlanTaskEdit, now: Date): Partial<typeof planTasks.$inferInsert> {
  const v: Partial<typeof planTasks.$inferInsert> = { updatedAt: now };
  if (edit.title !== undefined) v.title = edit.title;
  if (edit.text !== undefined) v.text = edit.text;
  if (edit.people !== undefined) v.people = edit.people;
  if (edit.leaders !== undefined) v.leaders = edit.leaders;
  if (edit.deadlines !== undefined) {
    v.deadlines = edit.deadlines;
    v.deadlineDates = [...new Set(edit.deadlines.map((d) => d.date))].sort();
  }
  // 频次 in the usual order, each once; targets and milestones replace the parsed ones as a whole.
  if (edit.recurrence !== undefined) v.recurrence = planRecurrenceWords.filter((w) => edit.recurrence?.includes(w));
  if (edit.targets !== undefined) v.targets = edit.targets.map((t) => ({ ...t, raw: t.raw || `${t.metric}${t.value}${t.unit}` }));
  if (edit.milestones !== undefined) v.milestones = edit.milestones;
  if (edit.completedOn !== undefined) v.completedOn = edit.completedOn;
  if (edit.completedNote !== undefined) v.completedNote = edit.completedNote;
  const units = ['leadUnitIds', 'coUnitIds', 'leadVillages', 'coVillages'] as const;
  if (units.some((k) => edit[k] !== undefined)) {
    v.unitsEdited = true;
    if (edit.leadUnitIds !== undefined) v.leadUnitIds = [...new Set(edit.leadUnitIds)];
    if (edit.coUnitIds !== undefined) v.coUnitIds = [...new Set(edit.coUnitIds)];
    if (edit.leadVillages !== undefined) v.leadVillages = edit.leadVillages;
    if (edit.coVillages !== undefined) v.coVillages = edit.coVillages;
  }
  return v;
}

/** A node and everything under it. */
function withDescendants(rows: readonly PlanTaskRow[], ids: readonly number[]): number[] {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) {
      if (r.parentId != null && out.has(r.parentId) && !out.has(r.id)) {
        out.add(r.id);
        grew = true;
      }
    }
  }
  return [...out];
}

/** Applies the edits inside the caller's transaction; returns the plan's new fields and what changed, for the audit. */
export async function applyDraftPatch(ex: Executor, plan: PlanRow, body: PlanDraftPatch, now: Date) {
  const planValues: Partial<typeof plans.$inferInsert> = { updatedAt: now };
  for (const k of ['title', 'issuer', 'issueDate', 'docNumber', 'periodStart', 'periodEnd', 'baselineDate'] as const) {
    if (body[k] !== undefined) Object.assign(planValues, { [k]: body[k] });
  }
  const start = body.periodStart !== undefined ? body.periodStart : plan.periodStart;
  const end = body.periodEnd !== undefined ? body.periodEnd : plan.periodEnd;
  if (start != null && end != null && start > end) throw planErrorsOf.invalid('periodEnd', '结束年份不能早于起始年份');

  const rows = await planRepo.tasks(ex, plan.id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ctx = await unitsContext(ex, plan.regionCode);
  const unitIds = new Set(ctx.units.map((u) => u.id));
  const checkUnits = (path: string, ids: readonly number[] | undefined) => {
    const bad = ids?.find((id) => !unitIds.has(id));
    if (bad !== undefined) throw planErrorsOf.invalid(path, `单位（编号 ${bad}）不是本镇的成员单位`);
  };

  const mappingRows = await planRepo.mappings(ex, plan.id);
  for (const edit of body.mappings ?? []) {
    const row = mappingRows.find((m) => m.name === edit.name);
    if (!row) throw planErrorsOf.invalid('mappings', `方案中没有单位“${edit.name}”`);
    if (edit.unitId != null) checkUnits('mappings', [edit.unitId]);
    const decision = decisionOf(edit);
    await planRepo.updateMapping(ex, row.id, decision);
    Object.assign(row, decision);
  }
  if (body.mappings?.length) await rederiveUnits(ex, rows, mappingMap(mappingRows), now);

  for (const edit of body.tasks ?? []) {
    if (!byId.has(edit.id)) throw planErrorsOf.invalid('tasks', `任务（编号 ${edit.id}）不属于本方案`);
    checkUnits('leadUnitIds', edit.leadUnitIds);
    checkUnits('coUnitIds', edit.coUnitIds);
    if (edit.completedOn && edit.completedOn > chinaToday(now)) throw planErrorsOf.invalid('completedOn', '完成日期不能晚于今天');
    await planRepo.updateTask(ex, edit.id, taskValues(edit, now));
  }

  let toOffice = 0;
  if (body.assignUnledToOffice) {
    const office = officeUnitOf(ctx.units);
    if (!office) {
      throw planErrorsOf.invalid(
        'assignUnledToOffice',
        '本镇成员单位中没有安委办所在的单位：请在“成员单位”中为其添加别名“安委办”，或逐项指定牵头单位',
      );
    }
    // Read again: the mapping and task edits above may have given some tasks a lead already.
    for (const t of await planRepo.tasks(ex, plan.id)) {
      if (t.kind !== 'task' || t.removedAt || hasLead(t)) continue;
      await planRepo.updateTask(ex, t.id, {
        leadUnitIds: [office.id],
        coUnitIds: t.coUnitIds.filter((id) => id !== office.id),
        unitsEdited: true,
        updatedAt: now,
      });
      toOffice++;
    }
  }

  const remove = body.removeTaskIds ?? [];
  const missing = remove.find((id) => !byId.has(id));
  if (missing !== undefined) throw planErrorsOf.invalid('removeTaskIds', `任务（编号 ${missing}）不属于本方案`);
  // A draft has no reports to keep; a published plan keeps the history of a removed task.
  await planRepo.removeTasks(ex, plan.id, withDescendants(rows, remove), now, plan.status === 'draft');

  return {
    planValues,
    changes: { mappings: body.mappings?.length ?? 0, tasks: body.tasks?.length ?? 0, removed: remove.length, toOffice },
  };
}
