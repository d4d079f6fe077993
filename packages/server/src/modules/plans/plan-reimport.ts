// Re-import of a revised document: a preview of what changes, then applying it while keeping the reports of every
// task that is still there (matched by path, then by title).
import {
  type DiffTask,
  diffPlanTasks,
  diffTaskOf,
  type ParsedPlan,
  type PlanDiff,
  type PlanReimportResult,
  type PlanTask,
  planTreeOf,
} from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { auditedPlan, planErrorsOf, toPlanMeta } from './plan.presenter.ts';
import { type PlanRow, type PlanTaskRow, planRepo } from './plan.repo.ts';
import type { PlanDraftService, PlanServiceDeps } from './plan-draft.service.ts';
import {
  groupsByKey,
  guessMapping,
  mappingMap,
  namesOf,
  type PlanInput,
  planTitleOf,
  readPlanInputOffThread,
  SORT_STEP,
  taskColumns,
  unitsContext,
} from './plan-import.ts';
import { planSettingsFor } from './plan-settings.ts';

function diffTaskOfRow(r: PlanTaskRow): DiffTask {
  return {
    path: r.path,
    ordinal: r.ordinal,
    title: r.title,
    text: r.text,
    leadUnits: r.leadUnitNames,
    coUnits: r.coUnitNames,
    deadlines: r.deadlines.map((d) => d.date),
    targets: r.targets.map((t) => t.raw),
  };
}

function diffOf(rows: readonly PlanTaskRow[], parsed: ParsedPlan) {
  const old = rows.filter((r) => r.kind === 'task');
  const raw = diffPlanTasks(old.map(diffTaskOfRow), parsed.tasks.map(diffTaskOf));
  const change = (t: PlanTask | PlanTaskRow, taskId: number | null, oldTitle: string | null, fields: string[]) => ({
    taskId,
    path: t.path,
    ordinal: t.ordinal,
    title: t.title,
    oldTitle,
    fields,
  });
  const view: PlanDiff = {
    added: raw.added.map((j) => change(parsed.tasks[j] as PlanTask, null, null, [])),
    removed: raw.removed.map((i) => change(old[i] as PlanTaskRow, (old[i] as PlanTaskRow).id, null, [])),
    changed: raw.changed.map((c) =>
      change(parsed.tasks[c.next] as PlanTask, (old[c.old] as PlanTaskRow).id, (old[c.old] as PlanTaskRow).title, c.fields),
    ),
    unchanged: raw.unchanged.length,
  };
  // new task index → the row it continues
  const continues = new Map([...raw.changed, ...raw.unchanged].map((p) => [p.next, old[p.old] as PlanTaskRow]));
  return { view, continues, removedIds: raw.removed.map((i) => (old[i] as PlanTaskRow).id) };
}

/** Rewrites the tree after the new document, reusing the rows of matched tasks and of headings still present. */
async function applyTree(
  ex: Executor,
  plan: PlanRow,
  rows: PlanTaskRow[],
  parsed: ParsedPlan,
  continues: Map<number, PlanTaskRow>,
  now: Date,
) {
  const ctx = await unitsContext(ex, plan.regionCode);
  const known = new Set((await planRepo.mappings(ex, plan.id)).map((m) => m.name));
  const fresh = namesOf(parsed.tasks).filter((n) => !known.has(n));
  await planRepo.insertMappings(
    ex,
    fresh.map((name) => ({ ...guessMapping(name, ctx), planId: plan.id })),
  );
  const mappings = mappingMap(await planRepo.mappings(ex, plan.id));
  const groups = groupsByKey(rows);
  const ids = new Map<string, number>();
  const kept = new Set<number>();
  for (const [i, node] of planTreeOf(parsed.tasks).entries()) {
    const parentId = node.parentKey ? (ids.get(node.parentKey) ?? null) : null;
    const place = { parentId, depth: node.depth, sortOrder: i * SORT_STEP, removedAt: null, updatedAt: now };
    if (node.kind === 'group') {
      const existing = groups.get(node.key);
      if (existing !== undefined) await planRepo.updateTask(ex, existing, { ...place, ordinal: node.ordinal, title: node.title });
      const id =
        existing ??
        (
          await planRepo.insertTask(ex, {
            planId: plan.id,
            kind: 'group',
            path: node.path,
            ordinal: node.ordinal,
            title: node.title,
            ...place,
            createdAt: now,
          })
        ).id;
      ids.set(node.key, id);
      kept.add(id);
      continue;
    }
    const taskIndex = node.taskIndex as number;
    const columns = taskColumns(parsed.tasks[taskIndex] as PlanTask, mappings);
    const row = continues.get(taskIndex);
    if (row) {
      const { leadUnitIds, coUnitIds, leadVillages, coVillages, ...document } = columns;
      const units = row.unitsEdited ? {} : { leadUnitIds, coUnitIds, leadVillages, coVillages };
      await planRepo.updateTask(ex, row.id, { ...document, ...units, ...place });
      ids.set(node.key, row.id);
      kept.add(row.id);
    } else {
      const inserted = await planRepo.insertTask(ex, { planId: plan.id, kind: 'task', ...columns, ...place, createdAt: now });
      ids.set(node.key, inserted.id);
    }
  }
  const gone = rows.filter((r) => !kept.has(r.id)).map((r) => r.id);
  await planRepo.removeTasks(ex, plan.id, gone, now, plan.status === 'draft');
}

export function createPlanReimport(deps: PlanServiceDeps & { drafts: PlanDraftService }) {
  const { db, clock, audit, drafts } = deps;

  async function reimport(
    actor: Actor,
    id: number,
    input: PlanInput,
    opts: { apply: boolean; version?: number },
  ): Promise<PlanReimportResult> {
    const { parsed, rawText } = await readPlanInputOffThread(input);
    if (!opts.apply) {
      const plan = await drafts.internals.load(db, actor, id);
      return {
        applied: false,
        diff: diffOf(await planRepo.tasks(db, id), parsed).view,
        plan: toPlanMeta(plan, await planSettingsFor(db, plan)),
      };
    }
    if (opts.version === undefined) throw planErrorsOf.invalid('version', '应用重新导入时请带上版本号（version）');
    const version = opts.version;
    const diff = await auditedTransaction(db, async (tx) => {
      const plan = await drafts.internals.load(tx, actor, id, true);
      drafts.internals.checkVersion(plan, version);
      const rows = await planRepo.tasks(tx, id);
      const { view, continues } = diffOf(rows, parsed);
      const now = clock.now();
      await applyTree(tx, plan, rows, parsed, continues, now);
      const updated = await planRepo.update(tx, id, plan.version, {
        title: planTitleOf(parsed),
        issuer: parsed.issuer ?? plan.issuer,
        issueDate: parsed.issueDate ?? plan.issueDate,
        docNumber: parsed.docNumber ?? plan.docNumber,
        periodStart: parsed.period?.start ?? plan.periodStart,
        periodEnd: parsed.period?.end ?? plan.periodEnd,
        sourceFileName: input.fileName,
        rawText,
        updatedAt: now,
      });
      if (!updated) throw planErrorsOf.stale();
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'plan',
        entityId: id,
        action: 'reimport',
        before: auditedPlan(plan),
        after: {
          ...auditedPlan(updated),
          fileName: input.fileName,
          added: view.added.length,
          removed: view.removed.length,
          changed: view.changed.length,
        },
      });
      return view;
    });
    const after = (await planRepo.findById(db, id)) as PlanRow;
    return { applied: true, diff, plan: toPlanMeta(after, await planSettingsFor(db, after)) };
  }

  return { reimport };
}
