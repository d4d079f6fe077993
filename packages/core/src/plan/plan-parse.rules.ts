// Plan document → task ledger (FORMAT: plan-gold/FORMAT.md). Pure: no I/O, never throws.
import type { ParsedPlan, PlanInheritableField, PlanParseInput, PlanTask } from './plan.contract.ts';
import { splitRunOn } from './plan-breaks.rules.ts';
import { extractDeadlines, extractMilestones, extractRecurrence, extractStarts, extractTimeLimit } from './plan-dates.rules.ts';
import { collectGoals } from './plan-goals.rules.ts';
import { PLAN_LIMITS } from './plan-limits.rules.ts';
import { extractMeta } from './plan-meta.rules.ts';
import type { OutlineNode } from './plan-outline.rules.ts';
import { buildOutline } from './plan-outline.rules.ts';
import { normaliseParagraphs, textToParagraphs } from './plan-paragraphs.rules.ts';
import type { TableRecord } from './plan-table.rules.ts';
import { mergeTables, type TaskSlot, tablesOf } from './plan-table-merge.rules.ts';
import { placeTableTasks, tasksFromTables } from './plan-table-tasks.rules.ts';
import { extractTargets } from './plan-targets.rules.ts';
import { collectTasks, type DraftTask, inTaskSection } from './plan-tasks.rules.ts';
import { stripSpace, uniqueBy } from './plan-text.rules.ts';
import { annotationsOf, timeLimitClauses, unitsOf } from './plan-units.rules.ts';

/** The file's base name, whichever separator the path uses. */
export function planFileBaseName(fileName: string): string {
  return (
    String(fileName ?? '')
      .split(/[\\/]/u)
      .pop() ?? ''
  );
}

function buildTask(d: DraftTask): PlanTask {
  const annotations = annotationsOf(d.paragraphs);
  const inherited: PlanInheritableField[] = [];
  let { leadUnits, coUnits } = unitsOf(annotations);
  const deadlines = extractDeadlines(d.readText, d.scopeYear);
  const addDeadlines = (clauses: string[]) => {
    let added = false;
    for (const x of clauses.flatMap((c) => extractTimeLimit(c, d.scopeYear).slice(0, 1))) {
      if (deadlines.some((y) => y.date === x.date)) continue;
      deadlines.push(x);
      added = true;
    }
    return added;
  };
  addDeadlines(timeLimitClauses(annotations));
  if (d.sectionNotes.length) {
    const notes = annotationsOf(d.sectionNotes);
    const note = unitsOf(notes);
    if (!leadUnits.length && !coUnits.length && (note.leadUnits.length || note.coUnits.length)) {
      leadUnits = note.leadUnits;
      coUnits = note.coUnits;
      if (leadUnits.length) inherited.push('leadUnits');
      if (coUnits.length) inherited.push('coUnits');
    }
    if (addDeadlines(timeLimitClauses(notes))) inherited.push('deadlines');
  }
  const starts = extractStarts(d.readText, d.scopeYear);
  return {
    path: d.path,
    ordinal: d.ordinal,
    title: d.title,
    text: d.text,
    leadUnits,
    coUnits,
    deadlines,
    ...(starts.length ? { starts } : {}),
    recurrence: extractRecurrence(d.readText),
    milestones: extractMilestones(d.readText),
    targets: extractTargets(d.readText, d.scopeYear),
    ...(inherited.length ? { inherited } : {}),
  };
}

/** Output key order of FORMAT.md, optional fields only when they carry something. */
function ordered(t: PlanTask): PlanTask {
  return {
    path: t.path,
    ordinal: t.ordinal,
    title: t.title,
    text: t.text,
    leadUnits: t.leadUnits,
    coUnits: t.coUnits,
    ...(t.people?.length ? { people: t.people } : {}),
    ...(t.leaders?.length ? { leaders: t.leaders } : {}),
    deadlines: t.deadlines,
    ...(t.starts?.length ? { starts: t.starts } : {}),
    recurrence: t.recurrence,
    milestones: t.milestones,
    targets: t.targets,
    ...(t.inherited?.length ? { inherited: t.inherited } : {}),
    ...(t.source ? { source: t.source } : {}),
  };
}

/** Rows of a 分工表 that name no task of the body: the clerk should know their units and dates were not taken. */
function unmatchedNotes(rows: Array<{ table: { no: number }; record: TableRecord }>): string[] {
  const named = rows.filter(({ record }) => (record.item || record.measures).trim() !== '');
  if (!named.length) return [];
  const list = named
    .slice(0, 5)
    .map(({ table, record }) => `表${table.no}第${record.row}行“${stripSpace(record.item || record.measures).slice(0, 20)}”`)
    .join('、');
  return [`${named.length} 行表格未能对应到正文中的任务（${list}${named.length > 5 ? ' 等' : ''}），这些行的责任单位和时限未导入，请核对`];
}

function emptyPlan(file: string, notes: string[]): ParsedPlan {
  return { file, title: null, issuer: null, issueDate: null, docNumber: null, period: null, tasks: [], notes };
}

/**
 * Parses a plan (实施方案/工作方案/工作要点) into its tasks with units, deadlines, milestones and targets. Paragraphs
 * from a structured reader (.docx) win over `text`. Unknown shapes degrade to plain text; a document without
 * numbered tasks gives `tasks: []` and a note.
 */
export function parsePlan(input: PlanParseInput): ParsedPlan {
  const file = planFileBaseName(input?.fileName);
  try {
    const readNotes: string[] = [];
    let text = String(input.text ?? '');
    if (text.length > PLAN_LIMITS.textChars) {
      readNotes.push(`文档超过 ${PLAN_LIMITS.textChars} 字，其后的内容未解析`);
      text = text.slice(0, PLAN_LIMITS.textChars);
    }
    const raw = Array.isArray(input.paragraphs) && input.paragraphs.length ? input.paragraphs : textToParagraphs(text);
    const paras = splitRunOn(normaliseParagraphs(raw, readNotes), readNotes);
    if (!paras.length) return emptyPlan(file, [...readNotes, '文档没有文字内容']);
    const outline = buildOutline(paras);
    const meta = extractMeta(paras, outline);
    const docYear = meta.period && meta.period.start === meta.period.end ? meta.period.start : null;
    const drafts = collectTasks(outline, { multiPart: meta.multiPart, docYear });
    const draftSlots: TaskSlot[] = drafts.map((d) => ({
      task: buildTask(d),
      part: d.node.part,
      scopeYear: d.scopeYear,
      node: d.node,
      at: d.node.paraIndex,
    }));
    const tables = tablesOf(outline);
    const { linked, unmatched } = mergeTables(draftSlots, tables, meta.multiPart);
    const taskNodes = new Set<OutlineNode>();
    for (const d of drafts) for (let n: OutlineNode | null = d.node; n; n = n.parent) taskNodes.add(n);
    const paraIndex = (t: { para: unknown }) => paras.indexOf(t.para as (typeof paras)[number]);
    const partTitle = (part: number) => (meta.multiPart ? (outline.parts[part]?.title ?? null) : null);
    const inTasks = (n: OutlineNode) => taskNodes.has(n) || inTaskSection(n, outline);
    let slots = placeTableTasks(draftSlots, { tables, linked, inTasks, paraIndex, partTitle, docYear });
    const notes: string[] = [...readNotes, ...unmatchedNotes(unmatched)];
    if (!slots.length) {
      slots = tasksFromTables(tables, docYear, paraIndex);
      notes.push(slots.length ? '正文未找到编号任务，任务取自表格' : '未找到编号的任务（如“一、”“（一）”“1.”）');
    }
    const tasks = slots.map((s) => s.task);
    const goals = collectGoals(outline, { multiPart: meta.multiPart, docYear, taskNodes });
    return {
      file,
      title: meta.title,
      issuer: meta.issuer,
      issueDate: meta.issueDate,
      docNumber: meta.docNumber,
      period: meta.period,
      tasks: tasks.map((t) => ({ ...ordered(t), recurrence: uniqueBy(t.recurrence, (x) => x) })),
      ...(goals.length ? { goals } : {}),
      ...(notes.length ? { notes } : {}),
    };
  } catch (e) {
    return emptyPlan(file, [`解析失败：${e instanceof Error ? e.message : String(e)}`]);
  }
}
