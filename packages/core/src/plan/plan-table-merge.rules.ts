// A responsibility table's rows joined to the body's tasks: people, leaders, and what only the table says.
import type { PlanTask } from './plan.contract.ts';
import { extractDeadlines, extractRecurrence, extractTimeLimit } from './plan-dates.rules.ts';
import type { Outline } from './plan-outline.rules.ts';
import { walk } from './plan-outline.rules.ts';
import { type TableRecord, tableRecords } from './plan-table.rules.ts';
import { extractTargets } from './plan-targets.rules.ts';
import { looseKey, stripSpace, uniqueBy } from './plan-text.rules.ts';
import { parseAnnotation } from './plan-units.rules.ts';

export interface TaskSlot {
  task: PlanTask;
  part: number;
  scopeYear: number | null;
}

/** Tables of the document with the part they sit in. */
export function tablesOf(outline: Outline): Array<{ rows: string[][]; part: number }> {
  const out: Array<{ rows: string[][]; part: number }> = [];
  for (const p of outline.preamble) if (p.table) out.push({ rows: p.table, part: -1 });
  outline.parts.forEach((part, index) => {
    for (const node of walk(part.roots)) for (const p of node.body) if (p.table) out.push({ rows: p.table, part: index });
  });
  return out;
}

const withoutOrdinal = (s: string) =>
  s.trim().replace(/^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、．.]|\d+(?:[.．、]+|(?=\D)))/u, '');

interface SlotKeys {
  slot: TaskSlot;
  title: string;
  text: string;
  headings: string[];
}

const slotKeys = (slot: TaskSlot): SlotKeys => ({
  slot,
  title: looseKey(slot.task.title),
  text: looseKey(slot.task.text),
  headings: slot.task.path.slice(0, -1).map((p) => looseKey(withoutOrdinal(p))),
});

function findSlot(record: TableRecord, slots: SlotKeys[]): TaskSlot | null {
  const item = looseKey(withoutOrdinal(record.item));
  const group = looseKey(withoutOrdinal(record.group));
  const scored = slots.map(({ slot, title, text, headings }) => {
    const itemHit =
      item.length >= 2 && (title === item || text.startsWith(item) || (item.length >= 4 && (text.includes(item) || item.includes(title))));
    const groupHit = group.length >= 2 && headings.some((k) => k.includes(group) || (k.length >= 2 && group.includes(k)));
    return { slot, itemHit, groupHit };
  });
  const both = scored.filter((s) => s.itemHit && s.groupHit);
  if (both.length) return (both[0] as (typeof scored)[number]).slot;
  const items = scored.filter((s) => s.itemHit);
  if (items.length === 1) return (items[0] as (typeof scored)[number]).slot;
  const groups = scored.filter((s) => s.groupHit);
  return groups.length === 1 ? (groups[0] as (typeof scored)[number]).slot : null;
}

function mergeRecord(slot: TaskSlot, record: TableRecord): void {
  const task = slot.task;
  if (record.people.length) task.people = uniqueBy([...(task.people ?? []), ...record.people], (x) => x);
  if (record.leaders.length) task.leaders = uniqueBy([...(task.leaders ?? []), ...record.leaders], (x) => x);
  const body = looseKey(task.text);
  const dates = new Set(task.deadlines.map((d) => d.date));
  const addDeadline = (d: { raw: string; date: string }) => {
    if (dates.has(d.date)) return;
    dates.add(d.date);
    task.deadlines.push({ raw: d.raw, date: d.date, src: 'table' });
  };
  for (const line of record.measures.split(/\n/u).map(withoutOrdinal)) {
    if (line.trim() === '') continue;
    extractDeadlines(line, slot.scopeYear).forEach(addDeadline);
    for (const t of extractTargets(line, slot.scopeYear)) {
      if (body.includes(looseKey(t.raw)) || task.targets.some((x) => x.raw === t.raw && x.metric === t.metric)) continue;
      task.targets.push({ ...t, src: 'table' });
    }
    task.recurrence = uniqueBy([...task.recurrence, ...extractRecurrence(line)], (x) => x);
  }
  extractTimeLimit(record.deadline, slot.scopeYear).forEach(addDeadline);
  if (!task.leadUnits.length && !task.coUnits.length && (record.lead || record.co)) {
    const lead = parseAnnotation(`牵头单位：${record.lead.replace(/\n/gu, '、')}`);
    const co = parseAnnotation(`配合单位：${record.co.replace(/\n/gu, '、')}`);
    task.leadUnits = lead.leadUnits;
    task.coUnits = uniqueBy([...lead.coUnits, ...co.coUnits, ...co.leadUnits], (x) => x);
  }
}

/** Joins every row of every responsibility table to a task of the same part; rows matching no task are skipped. */
export function mergeTables(slots: TaskSlot[], outline: Outline, multiPart: boolean): void {
  const tables = tablesOf(outline);
  if (!tables.length) return;
  const keyed = slots.map(slotKeys);
  for (const table of tables) {
    const candidates = multiPart ? keyed.filter((k) => k.slot.part === table.part) : keyed;
    for (const record of tableRecords(table.rows)) {
      const slot = findSlot(record, candidates.length ? candidates : keyed);
      if (slot) mergeRecord(slot, record);
    }
  }
}

/** A plan that lists its tasks only in a table: one task per row. */
export function tasksFromTables(outline: Outline, docYear: number | null): PlanTask[] {
  const tasks: PlanTask[] = [];
  for (const table of tablesOf(outline)) {
    tableRecords(table.rows).forEach((record, i) => {
      if (!record.item) return;
      const task: PlanTask = {
        path: [...(record.group ? [record.group] : []), String(i + 1)],
        ordinal: String(i + 1),
        title: withoutOrdinal(record.item),
        text: stripSpace(withoutOrdinal(record.item) + record.measures),
        leadUnits: [],
        coUnits: [],
        deadlines: [],
        recurrence: [],
        milestones: [],
        targets: [],
      };
      mergeRecord({ task, part: table.part, scopeYear: docYear }, record);
      for (const d of task.deadlines) delete d.src;
      for (const t of task.targets) delete t.src;
      tasks.push(task);
    });
  }
  return tasks;
}
