// Task tables (序号/任务/措施/牵头单位/配合单位/完成时限 in any order): each row a task, placed where the table sits.
import type { PlanTask } from './plan.contract.ts';
import type { OutlineNode } from './plan-outline.rules.ts';
import { headingLabel } from './plan-outline.rules.ts';
import { isTaskTable, tableRecords } from './plan-table.rules.ts';
import type { DocTable, TaskSlot } from './plan-table-merge.rules.ts';
import { mergeRecord, withoutOrdinal } from './plan-table-merge.rules.ts';
import { taskTitle } from './plan-tasks.rules.ts';
import { stripSpace, trimPunct, yearsOf } from './plan-text.rules.ts';

/** One task per row of a task table: title from the 任务 cell (else the 措施's first clause), units and dates its own. */
export function tableRowTasks(table: DocTable, labels: string[], scopeYear: number | null, at: number): TaskSlot[] {
  const slots: TaskSlot[] = [];
  tableRecords(table.rows, table.mergedDown).forEach((record, i) => {
    const item = stripSpace(withoutOrdinal(record.item));
    const measures = stripSpace(record.measures);
    const ordinal = stripSpace(record.index) || String(i + 1);
    const group = stripSpace(record.group);
    const task: PlanTask = {
      path: [...labels, ...(group && group !== item ? [group] : []), ordinal],
      ordinal,
      title: item ? trimPunct(item) : taskTitle(measures, false),
      text: item + measures,
      leadUnits: [],
      coUnits: [],
      deadlines: [],
      recurrence: [],
      milestones: [],
      targets: [],
    };
    mergeRecord({ task, scopeYear }, record, table.no);
    // Every item of the task is the table's own: no `src` marks (those tell table items from body items).
    for (const d of task.deadlines) delete d.src;
    for (const t of task.targets) delete t.src;
    slots.push({ task, part: table.part, scopeYear, node: table.node, at });
  });
  return slots;
}

/** The headings above and of `node`, as a task path starts. */
function labelsOf(node: OutlineNode | null): string[] {
  const labels: string[] = [];
  for (let n = node; n; n = n.parent) labels.unshift(headingLabel(n));
  return labels;
}

function scopeYear(labels: string[], docYear: number | null): number | null {
  for (let i = labels.length - 1; i >= 0; i--) {
    const years = yearsOf(labels[i] as string);
    if (years) return years.start === years.end ? years.start : null;
  }
  return docYear;
}

export interface TablePlacement {
  tables: DocTable[];
  /** Tables with rows joined to body tasks (responsibility tables, annex 分工表): not task lists of their own. */
  linked: ReadonlySet<DocTable>;
  /** Whether a node lies in the plan's task sections (the tasks, their ancestors, a 主要任务 section of tables). */
  inTasks: (node: OutlineNode) => boolean;
  paraIndex: (table: DocTable) => number;
  partTitle: (part: number) => string | null;
  docYear: number | null;
}

/**
 * Task tables inside the task sections become tasks where they sit: a numbered item whose body is the table (二、重点任务
 * followed by the table) gives way to the rows; a table under a section with numbered tasks joins them in order.
 * Tables under 工作要求/保障措施 or in an annex that names no body task are left alone.
 */
export function placeTableTasks(slots: TaskSlot[], p: TablePlacement): TaskSlot[] {
  let out = slots;
  for (const table of p.tables) {
    if (p.linked.has(table) || !table.node || !p.inTasks(table.node) || !isTaskTable(table.rows)) continue;
    const title = p.partTitle(table.part);
    const labels = [...(title ? [title] : []), ...labelsOf(table.node)];
    const at = p.paraIndex(table);
    const rows = tableRowTasks(table, labels, scopeYear(labels, p.docYear), at);
    if (!rows.length) continue;
    const own = out.findIndex((s) => s.node === table.node && !s.task.source);
    if (own >= 0) {
      out = [...out.slice(0, own), ...rows, ...out.slice(own + 1)];
      continue;
    }
    const after = out.findIndex((s) => s.at > at);
    out = after < 0 ? [...out, ...rows] : [...out.slice(0, after), ...rows, ...out.slice(after)];
  }
  return out;
}

/** A plan that lists its tasks only in tables (no numbered tasks in the body): every task table's rows. */
export function tasksFromTables(tables: DocTable[], docYear: number | null, paraIndex: (t: DocTable) => number): TaskSlot[] {
  return tables
    .filter((t) => isTaskTable(t.rows) || tableRecords(t.rows).some((r) => r.item))
    .flatMap((t) => tableRowTasks(t, labelsOf(t.node), docYear, paraIndex(t)));
}
