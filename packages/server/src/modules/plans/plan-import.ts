// From a parsed plan to rows: the tree of headings and tasks, and the unit-name mappings with their first guesses.
// Shared by the import, the re-import and the demo seeding.
import {
  isAllVillages,
  matchUnitName,
  type ParsedPlan,
  type PlanTask,
  type PlanTreeNode,
  pathKey,
  placeNamesOf,
  planFileBaseName,
  suggestUnits,
} from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { offThread } from '../../lib/off-thread.ts';
import type { PlanMappingRow, PlanTaskRow } from './plan.repo.ts';
import { planRepo } from './plan.repo.ts';
import type { planTasks } from './plan.table.ts';
import type { readPlanInput } from './plan-input.reader.ts';

export type { PlanInput } from './plan-input.reader.ts';

/** The shared reader in the parse pool: the .docx reader builds the whole document tree in memory. */
export const readPlanInputOffThread = offThread<typeof readPlanInput>(new URL('./plan-input.reader.ts', import.meta.url), 'readPlanInput');

export function planTitleOf(parsed: ParsedPlan): string {
  return parsed.title ?? planFileBaseName(parsed.file);
}

export type MappingDecision = Pick<PlanMappingRow, 'name' | 'unitId' | 'villages' | 'ignored' | 'decided'>;

export interface PlanUnitsContext {
  units: Array<{ id: number; name: string; shortName: string | null; aliases: string[] }>;
  placeNames: string[];
}

export async function unitsContext(ex: Executor, regionCode: string): Promise<PlanUnitsContext> {
  const [units, places] = await Promise.all([planRepo.unitsOf(ex, regionCode), planRepo.placeNames(ex, regionCode)]);
  return { units, placeNames: placeNamesOf(places) };
}

/** The first guess for a printed name: sure matches are decided; the clerk confirms the rest. */
export function guessMapping(name: string, ctx: PlanUnitsContext): MappingDecision {
  const match = matchUnitName(name, suggestUnits(name, ctx.units, { placeNames: ctx.placeNames }));
  switch (match.kind) {
    case 'villages':
      return { name, unitId: null, villages: true, ignored: false, decided: true };
    case 'collective':
      return { name, unitId: null, villages: false, ignored: true, decided: true };
    case 'unit':
      return { name, unitId: match.unitId, villages: false, ignored: false, decided: match.sure };
    default:
      return { name, unitId: null, villages: false, ignored: false, decided: false };
  }
}

export function namesOf(tasks: readonly PlanTask[]): string[] {
  return [...new Set(tasks.flatMap((t) => [...t.leadUnits, ...t.coUnits]))];
}

/** Printed names → unit ids and the villages flag, through the plan's mappings. */
export function resolveUnits(names: readonly string[], mappings: ReadonlyMap<string, MappingDecision>) {
  const ids: number[] = [];
  let villages = false;
  for (const name of names) {
    const m = mappings.get(name);
    if (!m || m.ignored) {
      if (!m && isAllVillages(name)) villages = true;
      continue;
    }
    if (m.villages) villages = true;
    else if (m.unitId != null && !ids.includes(m.unitId)) ids.push(m.unitId);
  }
  return { ids, villages };
}

/** The columns of a task node that come from the document (and from the mappings, for the unit ids). */
export function taskColumns(task: PlanTask, mappings: ReadonlyMap<string, MappingDecision>) {
  const lead = resolveUnits(task.leadUnits, mappings);
  const co = resolveUnits(task.coUnits, mappings);
  return {
    path: task.path,
    ordinal: task.ordinal,
    title: task.title,
    text: task.text,
    leadUnitNames: task.leadUnits,
    coUnitNames: task.coUnits,
    leadUnitIds: lead.ids,
    coUnitIds: co.ids.filter((id) => !lead.ids.includes(id)),
    leadVillages: lead.villages,
    coVillages: co.villages && !lead.villages,
    people: task.people ?? [],
    leaders: task.leaders ?? [],
    deadlines: task.deadlines,
    deadlineDates: [...new Set(task.deadlines.map((d) => d.date))].sort(),
    recurrence: task.recurrence,
    milestones: task.milestones,
    targets: task.targets,
    source: task.source ?? null,
  } satisfies Partial<typeof planTasks.$inferInsert>;
}

export const SORT_STEP = 10;

/**
 * Inserts tree nodes in order. Groups that already exist (by path) are reused, so a re-import adds only what is
 * new; returns the id of every node by its key.
 */
export async function insertNodes(
  ex: Executor,
  planId: number,
  nodes: readonly PlanTreeNode[],
  tasks: readonly PlanTask[],
  mappings: ReadonlyMap<string, MappingDecision>,
  now: Date,
  existingGroups: Map<string, number> = new Map(),
): Promise<Map<string, number>> {
  const ids = new Map<string, number>(existingGroups);
  for (const [i, node] of nodes.entries()) {
    if (node.kind === 'group' && ids.has(node.key)) continue;
    const parentId = node.parentKey ? (ids.get(node.parentKey) ?? null) : null;
    const base = { planId, parentId, kind: node.kind, depth: node.depth, sortOrder: i * SORT_STEP, createdAt: now, updatedAt: now };
    const row =
      node.kind === 'group'
        ? await planRepo.insertTask(ex, { ...base, path: node.path, ordinal: node.ordinal, title: node.title })
        : await planRepo.insertTask(ex, { ...base, ...taskColumns(tasks[node.taskIndex as number] as PlanTask, mappings) });
    ids.set(node.key, row.id);
  }
  return ids;
}

/** Existing group nodes by path key. */
export function groupsByKey(rows: readonly PlanTaskRow[]): Map<string, number> {
  return new Map(rows.filter((r) => r.kind === 'group').map((r) => [pathKey(r.path), r.id]));
}

export function mappingMap(rows: readonly MappingDecision[]): Map<string, MappingDecision> {
  return new Map(rows.map((m) => [m.name, m]));
}
