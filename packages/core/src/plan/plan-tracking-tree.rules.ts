import type { PlanTask } from './plan.contract.ts';

/**
 * The plan as a tree: the parser gives tasks with the headings above them (三、主要任务 › （一）…行动 › 1.); the ledger
 * shows those headings as group nodes (行动 / 一级指标) with the tasks under them.
 */
export interface PlanTreeNode {
  key: string;
  parentKey: string | null;
  kind: 'group' | 'task';
  path: string[];
  ordinal: string;
  title: string;
  depth: number;
  /** Index into the parser's task list, for task nodes. */
  taskIndex: number | null;
}

const ORDINAL =
  /^(第[一二三四五六七八九十百零〇\d]+(?:部分|[章节条项])?[、.．\s]*|[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)][、.．]?|\d+[、.．]|[①-⑳])\s*/u;

/** 「（一）开展…行动」 → ordinal 「（一）」, title 「开展…行动」. */
export function splitHeading(heading: string): { ordinal: string; title: string } {
  const m = ORDINAL.exec(heading.trim());
  if (!m) return { ordinal: '', title: heading.trim() };
  const title = heading
    .trim()
    .slice(m[0].length)
    .replace(/[。.]$/u, '');
  return { ordinal: m[1]?.trim() ?? '', title: title || heading.trim() };
}

const SEP = '\u0001';
export const pathKey = (path: readonly string[]) => path.join(SEP);

/** Group nodes for every heading prefix, then the tasks under them, in document order. */
export function planTreeOf(tasks: readonly PlanTask[]): PlanTreeNode[] {
  const nodes: PlanTreeNode[] = [];
  const seen = new Map<string, number>();
  tasks.forEach((task, taskIndex) => {
    const headings = task.path.slice(0, -1);
    for (let depth = 0; depth < headings.length; depth++) {
      const prefix = headings.slice(0, depth + 1);
      const key = pathKey(prefix);
      if (seen.has(key)) continue;
      seen.set(key, 1);
      const { ordinal, title } = splitHeading(prefix[depth] as string);
      nodes.push({
        key,
        parentKey: depth ? pathKey(prefix.slice(0, -1)) : null,
        kind: 'group',
        path: prefix,
        ordinal,
        title,
        depth,
        taskIndex: null,
      });
    }
    let key = pathKey(task.path);
    // The same numbering twice (a parser slip or a document that restarts numbering) must still be two tasks.
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    if (count) key = `${key}${SEP}#${count + 1}`;
    nodes.push({
      key,
      parentKey: headings.length ? pathKey(headings) : null,
      kind: 'task',
      path: [...task.path],
      ordinal: task.ordinal,
      title: task.title,
      depth: headings.length,
      taskIndex,
    });
  });
  return nodes;
}

// ---- re-import diff ---------------------------------------------------------------------------------------------

export interface DiffTask {
  path: readonly string[];
  ordinal: string;
  title: string;
  text: string;
  leadUnits: readonly string[];
  coUnits: readonly string[];
  deadlines: readonly string[];
  targets: readonly string[];
}

export interface PlanTaskDiff {
  /** Indexes into the new list. */
  added: number[];
  /** Indexes into the old list. */
  removed: number[];
  changed: Array<{ old: number; next: number; fields: string[] }>;
  unchanged: Array<{ old: number; next: number }>;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const t = s.replace(/\s/gu, '');
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of character bigrams: 1 for the same title, ~0 for unrelated ones. */
export function titleSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of x) {
    common += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total ? (2 * common) / total : 0;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export function changedFields(a: DiffTask, b: DiffTask): string[] {
  const fields: string[] = [];
  if (!sameList(a.path, b.path)) fields.push('path');
  if (a.title !== b.title) fields.push('title');
  if (a.text !== b.text) fields.push('text');
  if (!sameList(a.leadUnits, b.leadUnits)) fields.push('leadUnits');
  if (!sameList(a.coUnits, b.coUnits)) fields.push('coUnits');
  if (!sameList(a.deadlines, b.deadlines)) fields.push('deadlines');
  if (!sameList(a.targets, b.targets)) fields.push('targets');
  return fields;
}

/** Titles this alike are the same task renumbered or moved. */
export const SAME_TASK_SIMILARITY = 0.6;

/**
 * What a re-import changes: tasks are matched by their path (headings and ordinal) first, then the rest by title
 * similarity (best pairs first), so a renumbered task keeps its reports; what is left is added or removed.
 */
export function diffPlanTasks(old: readonly DiffTask[], next: readonly DiffTask[]): PlanTaskDiff {
  const pairs: Array<{ old: number; next: number }> = [];
  const oldFree = new Set(old.map((_, i) => i));
  const nextFree = new Set(next.map((_, i) => i));
  const byPath = new Map<string, number[]>();
  old.forEach((t, i) => {
    const list = byPath.get(pathKey(t.path)) ?? [];
    list.push(i);
    byPath.set(pathKey(t.path), list);
  });
  next.forEach((t, j) => {
    const i = byPath.get(pathKey(t.path))?.shift();
    if (i === undefined) return;
    pairs.push({ old: i, next: j });
    oldFree.delete(i);
    nextFree.delete(j);
  });
  const candidates: Array<{ old: number; next: number; score: number }> = [];
  for (const i of oldFree) {
    for (const j of nextFree) {
      const score = titleSimilarity((old[i] as DiffTask).title, (next[j] as DiffTask).title);
      if (score >= SAME_TASK_SIMILARITY) candidates.push({ old: i, next: j, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.next - b.next);
  for (const c of candidates) {
    if (!oldFree.has(c.old) || !nextFree.has(c.next)) continue;
    pairs.push({ old: c.old, next: c.next });
    oldFree.delete(c.old);
    nextFree.delete(c.next);
  }
  const diff: PlanTaskDiff = {
    added: [...nextFree].sort((a, b) => a - b),
    removed: [...oldFree].sort((a, b) => a - b),
    changed: [],
    unchanged: [],
  };
  for (const p of pairs.sort((a, b) => a.next - b.next)) {
    const fields = changedFields(old[p.old] as DiffTask, next[p.next] as DiffTask);
    if (fields.length) diff.changed.push({ ...p, fields });
    else diff.unchanged.push(p);
  }
  return diff;
}

/** The comparable shape of a parsed task. */
export function diffTaskOf(t: PlanTask): DiffTask {
  return {
    path: t.path,
    ordinal: t.ordinal,
    title: t.title,
    text: t.text,
    leadUnits: t.leadUnits,
    coUnits: t.coUnits,
    deadlines: t.deadlines.map((d) => d.date),
    targets: t.targets.map((x) => x.raw),
  };
}
