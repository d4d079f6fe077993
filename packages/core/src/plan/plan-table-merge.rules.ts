// A responsibility table's rows joined to the body's tasks: people, leaders, and what only the table says.
import type { PlanTask } from './plan.contract.ts';
import { extractDeadlines, extractRecurrence, extractTimeLimit } from './plan-dates.rules.ts';
import type { Outline, OutlineNode } from './plan-outline.rules.ts';
import { walk } from './plan-outline.rules.ts';
import type { Para } from './plan-paragraphs.rules.ts';
import { type TableRecord, tableRecords } from './plan-table.rules.ts';
import { extractTargets } from './plan-targets.rules.ts';
import { looseKey, uniqueBy } from './plan-text.rules.ts';
import { parseAnnotation } from './plan-units.rules.ts';

export interface TaskSlot {
  task: PlanTask;
  part: number;
  scopeYear: number | null;
  /** The outline node the task comes from (a table row: the node whose body holds the table). */
  node: OutlineNode | null;
  /** Index of the task's (or its table's) paragraph: document order. */
  at: number;
}

export interface DocTable {
  rows: string[][];
  mergedDown?: boolean[][];
  part: number;
  /** 1-based, in document order: 表1, 表2 … */
  no: number;
  para: Para;
  /** The numbered item whose body holds the table; null in the preamble. */
  node: OutlineNode | null;
}

/** Tables of the document with the part and the node they sit in. */
export function tablesOf(outline: Outline): DocTable[] {
  const out: DocTable[] = [];
  const add = (para: Para, part: number, node: OutlineNode | null) => {
    if (para.table) out.push({ rows: para.table, mergedDown: para.mergedDown, part, no: out.length + 1, para, node });
  };
  for (const p of outline.preamble) add(p, -1, null);
  outline.parts.forEach((part, index) => {
    for (const node of walk(part.roots)) for (const p of node.body) add(p, index, node);
  });
  return out;
}

export const withoutOrdinal = (s: string) =>
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

export function mergeRecord(slot: Pick<TaskSlot, 'task' | 'scopeYear'>, record: TableRecord, tableNo: number): void {
  const task = slot.task;
  if (record.people.length) task.people = uniqueBy([...(task.people ?? []), ...record.people], (x) => x);
  if (record.leaders.length) task.leaders = uniqueBy([...(task.leaders ?? []), ...record.leaders], (x) => x);
  let body: string | null = null;
  const dates = new Set(task.deadlines.map((d) => d.date));
  const addDeadline = (d: { raw: string; date: string }) => {
    if (dates.has(d.date)) return;
    dates.add(d.date);
    task.deadlines.push({ raw: d.raw, date: d.date, src: 'table' });
  };
  for (const line of record.measures.split(/\n/u).map(withoutOrdinal)) {
    if (line.trim() === '') continue;
    // Dates need 年/月/季; targets an Arabic number; frequencies 每: most cells have none of them.
    if (/[年月季]/u.test(line)) extractDeadlines(line, slot.scopeYear).forEach(addDeadline);
    if (/\d/u.test(line)) {
      for (const t of extractTargets(line, slot.scopeYear)) {
        body ??= looseKey(task.text);
        if (body.includes(looseKey(t.raw)) || task.targets.some((x) => x.raw === t.raw && x.metric === t.metric)) continue;
        task.targets.push({ ...t, src: 'table' });
      }
    }
    if (line.includes('每')) task.recurrence = uniqueBy([...task.recurrence, ...extractRecurrence(line)], (x) => x);
  }
  extractTimeLimit(record.deadline, slot.scopeYear).forEach(addDeadline);
  task.recurrence = uniqueBy([...task.recurrence, ...extractRecurrence(record.deadline)], (x) => x);
  task.source ??= { table: tableNo, row: record.row };
  if (!task.leadUnits.length && !task.coUnits.length && (record.lead || record.co)) {
    const lead = parseAnnotation(`牵头单位：${record.lead.replace(/\n/gu, '、')}`);
    const co = parseAnnotation(`配合单位：${record.co.replace(/\n/gu, '、')}`);
    task.leadUnits = lead.leadUnits;
    task.coUnits = uniqueBy([...lead.coUnits, ...co.coUnits, ...co.leadUnits], (x) => x);
  }
}

/**
 * Joins every row of every responsibility table to a task of the same part; rows matching no task are skipped.
 * Returns the tables that had at least one row joined (the others may list tasks of their own).
 */
export function mergeTables(
  slots: TaskSlot[],
  tables: DocTable[],
  multiPart: boolean,
): { linked: Set<DocTable>; unmatched: Array<{ table: DocTable; record: TableRecord }> } {
  const linked = new Set<DocTable>();
  const unmatched: Array<{ table: DocTable; record: TableRecord }> = [];
  if (!tables.length || !slots.length) return { linked, unmatched };
  const keyed = slots.map(slotKeys);
  for (const table of tables) {
    const candidates = multiPart ? keyed.filter((k) => k.slot.part === table.part) : keyed;
    const missed: TableRecord[] = [];
    for (const record of tableRecords(table.rows, table.mergedDown)) {
      const slot = findSlot(record, candidates.length ? candidates : keyed);
      if (!slot) {
        missed.push(record);
        continue;
      }
      mergeRecord(slot, record, table.no);
      linked.add(table);
    }
    if (linked.has(table)) unmatched.push(...missed.map((record) => ({ table, record })));
  }
  return { linked, unmatched };
}
