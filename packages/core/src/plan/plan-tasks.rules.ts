// Which numbered items are tasks, and each task's path, ordinal, title, text and annual scope.
import type { Outline, OutlineNode } from './plan-outline.rules.ts';
import { headingLabel, isPlanTitle, walk } from './plan-outline.rules.ts';
import type { Para } from './plan-paragraphs.rules.ts';
import { indexOutside, trimPunct, yearsOf } from './plan-text.rules.ts';
import { annotationsOf, findAnnotations, isAnnotation, startsWithLabel } from './plan-units.rules.ts';

export interface DraftTask {
  node: OutlineNode;
  path: string[];
  ordinal: string;
  title: string;
  /** Heading, body and the task's own annotation, whitespace-free. */
  text: string;
  /** The text with a 。 after each paragraph that lacks a closing mark: rules read clause and sentence starts. */
  readText: string;
  paragraphs: string[];
  scopeYear: number | null;
  /**
   * Section-level annotations: a 责任单位/完成时限 line closing the task's section (seed 004), or the annotation of an
   * enclosing heading; they apply to every task of that section that names no units of its own.
   */
  sectionNotes: string[];
}

const TASK_SECTION = /任务|行动|重点工作|主要工作|工作重点|措施|内容|整治重点|排查重点|检查重点|治理重点|监管重点|重点领域|攻坚|提升|专项/u;
const NOT_TASK_SECTION =
  /^(任务分工|职责分工|责任分工|工作分工|分工|任务分解|保障措施|工作要求|组织保障|工作保障|目标任务|总体要求|指导思想|工作目标|基本原则|实施步骤|步骤安排|时间安排|进度安排|方法步骤)/u;
const NOT_TASKS = /保障|组织领导|目标|要求|指导思想|思路|原则|依据|背景|分工|步骤|安排|说明|意义/u;

const words = (node: OutlineNode) => trimPunct(headingLabel(node).slice(node.marker.ordinal.length));

/** 主要任务, 重点工作, 八大行动, 2024年重点工作任务 … (not 任务分工, 保障措施, 总体要求). */
export function isTaskSection(label: string): boolean {
  const w = label.replace(/[“”"《》]/gu, '');
  return TASK_SECTION.test(w) && !NOT_TASK_SECTION.test(w) && !/分工(表|安排|方案)?$/u.test(w);
}

/** A whole bracketed annotation paragraph, or a 责任单位：… line. */
export function isAnnotationLine(text: string): boolean {
  const t = text.replace(/。$/u, '');
  if (/^[（(〔【].*[）)〕】]$/u.test(t)) return isAnnotation(t.slice(1, -1));
  return startsWithLabel(t);
}

const endsWithAnnotation = (text: string) => findAnnotations(text).some((a) => a.end >= text.replace(/。$/u, '').length);

/**
 * The task's title: a heading on its own line whole; else the sentence up to the first 。/： when short (≤ 40, no
 * comma); else the first clause. Brackets and quotes keep their commas.
 */
export function taskTitle(head: string, headingOnOwnLine: boolean): string {
  if (headingOnOwnLine) return trimPunct(head);
  const stop = indexOutside(head, '。：:！？');
  const first = stop >= 0 ? head.slice(0, stop) : head;
  if (first.length <= 40 && indexOutside(first, '，,；;') < 0) return trimPunct(first);
  const clause = indexOutside(head, '，；。,;！？');
  return trimPunct(clause >= 0 ? head.slice(0, clause) : head);
}

/** Paragraphs joined so that a heading without a closing mark still ends its sentence. */
export function joinForReading(paragraphs: string[]): string {
  return paragraphs.map((p) => (/[。！？!?；;：:）)”」』】]$/u.test(p) ? p : `${p}。`)).join('');
}

const isOwnLineHeading = (head: string) => head.length <= 50 && !/[。；;！？]/u.test(head.replace(/[。；;]$/u, ''));

/** The task's own paragraphs: unnumbered text after it, up to a paragraph that follows its closing annotation. */
function ownParagraphs(node: OutlineNode): string[] {
  const texts: string[] = [];
  let head = node.marker.rest;
  let body = node.body.filter((p) => !p.table);
  if (head === '' && body[0]) {
    head = (body[0] as Para).text;
    body = body.slice(1);
  }
  texts.push(head);
  let closed = endsWithAnnotation(head);
  for (const p of body) {
    if (isPlanTitle(p) || /^附件/u.test(p.text)) break;
    if (closed && !isAnnotationLine(p.text)) break;
    texts.push(p.text);
    closed = endsWithAnnotation(p.text);
  }
  return texts;
}

/** The annotated paragraphs of the nearest enclosing heading that has an annotation (before its sub-items). */
function headingNotes(node: OutlineNode): string[] {
  for (let a = node.parent; a; a = a.parent) {
    const texts = [a.marker.rest, ...a.body.filter((p) => !p.table).map((p) => p.text)];
    const annotated = texts.filter((t) => findAnnotations(t).length > 0);
    if (annotated.length) return annotated;
  }
  return [];
}

function scopeYearOf(labels: string[], docYear: number | null): number | null {
  for (let i = labels.length - 1; i >= 0; i--) {
    const years = yearsOf(labels[i] as string);
    if (years) return years.start === years.end ? years.start : null;
  }
  return docYear;
}

/**
 * The top-level sections whose leaves are tasks: the 任务/行动 sections; failing those (a plan numbering only its
 * tasks), every section that is not 目标/要求/保障, a section without sub-items being itself the task.
 */
function taskSections(outline: Outline): { sections: OutlineNode[]; selfTasks: boolean } {
  const roots = outline.parts.filter((p) => !p.annex).flatMap((p) => p.roots);
  const chosen = roots.filter((n) => isTaskSection(words(n)) && n.children.length > 0);
  if (chosen.length) return { sections: chosen, selfTasks: false };
  const rest = roots.filter((n) => !NOT_TASKS.test(words(n)));
  return { sections: rest.length ? rest : roots, selfTasks: true };
}

/** Requirements, safeguards and principles state how to work, not work to do (issue 13). */
const REQUIREMENTS = /^(工作要求|原则要求|有关要求|相关要求|具体要求|保障措施|组织保障|工作保障|基本原则|工作原则)/u;

/** A numbered item under a 工作要求/保障措施/原则要求 heading inside a task section (（五）工作要求 1. 2. …). */
function underRequirements(node: OutlineNode, section: OutlineNode): boolean {
  for (let n = node.parent; n && n !== section; n = n.parent) if (REQUIREMENTS.test(words(n))) return true;
  return false;
}

/** A node inside a 任务/行动 section (not under its 工作要求), in the plan rather than an annex: a task table there lists tasks. */
export function inTaskSection(node: OutlineNode, outline: Outline): boolean {
  let root = node;
  while (root.parent) root = root.parent;
  if (outline.parts[root.part]?.annex) return false;
  return isTaskSection(words(root)) && !REQUIREMENTS.test(words(node)) && !underRequirements(node, root);
}

export function collectTasks(outline: Outline, opts: { multiPart: boolean; docYear: number | null }): DraftTask[] {
  const drafts: DraftTask[] = [];
  const { sections, selfTasks } = taskSections(outline);
  for (const section of sections) {
    const partTitle = opts.multiPart ? (outline.parts[section.part]?.title ?? null) : null;
    for (const node of walk([section])) {
      if ((node === section && !selfTasks) || node.children.length > 0 || underRequirements(node, section)) continue;
      const labels: string[] = [];
      for (let a = node.parent; a; a = a.parent) labels.unshift(headingLabel(a));
      if (partTitle) labels.unshift(partTitle);
      const paragraphs = ownParagraphs(node);
      drafts.push({
        node,
        path: [...labels, node.marker.ordinal],
        ordinal: node.marker.ordinal,
        title: '',
        text: '',
        readText: '',
        paragraphs,
        scopeYear: scopeYearOf(labels, opts.docYear),
        sectionNotes: headingNotes(node),
      });
    }
  }
  liftSectionNotes(drafts);
  for (const d of drafts) {
    const head = d.paragraphs[0] as string;
    d.title = taskTitle(head, d.paragraphs.length > 1 && isOwnLineHeading(head));
    d.text = d.paragraphs.join('');
    d.readText = joinForReading(d.paragraphs);
  }
  return drafts;
}

/**
 * A 责任单位 line after the last task of a section whose other tasks name no units closes the whole section: it is
 * taken out of the last task and applies to every task of that section (not to earlier sections).
 */
function liftSectionNotes(drafts: DraftTask[]): void {
  const bySection = new Map<OutlineNode, DraftTask[]>();
  for (const d of drafts) {
    const parent = d.node.parent;
    if (!parent) continue;
    bySection.set(parent, [...(bySection.get(parent) ?? []), d]);
  }
  for (const tasks of bySection.values()) {
    const last = tasks[tasks.length - 1] as DraftTask;
    const note = last.paragraphs[last.paragraphs.length - 1] as string;
    if (tasks.length < 2 || last.paragraphs.length < 2 || !isAnnotationLine(note)) continue;
    if (tasks.slice(0, -1).some((t) => annotationsOf(t.paragraphs).length > 0)) continue;
    last.paragraphs = last.paragraphs.slice(0, -1);
    for (const t of tasks) t.sectionNotes = [note];
  }
}
