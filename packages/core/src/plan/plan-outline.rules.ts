// Heading levels: 一、 / （一） / 1. / （1） / 1） / ① / 第一部分, nested by order of first appearance.
import type { Para } from './plan-paragraphs.rules.ts';
import { chineseNumber } from './plan-text.rules.ts';

export type OrdinalKind = 'chapter' | 'cn' | 'cnParen' | 'num' | 'numParen' | 'numHalf' | 'circled';

export interface OrdinalMarker {
  kind: OrdinalKind;
  /** As printed, whitespace and markdown removed: `3.`, `（12）`, `(二)`. */
  ordinal: string;
  value: number;
  /** The paragraph's text after the ordinal. */
  rest: string;
}

const CN = '[一二三四五六七八九十百]+';
const PATTERNS: Array<[OrdinalKind, RegExp]> = [
  ['chapter', new RegExp(`^(第(${CN}|\\d{1,2})(?:部分|章|篇))[、，：:．.]?`, 'u')],
  ['cn', new RegExp(`^((${CN})[、．.])`, 'u')],
  ['cnParen', new RegExp(`^([（(](${CN})[）)])[、．.]?`, 'u')],
  ['numParen', /^([（(](\d{1,3})[）)])[、．.]?/u],
  ['num', /^((\d{1,3})(?:[.．](?![\d.．])|、|[.．](?=[.．])))/u],
  ['numHalf', /^((\d{1,3})[）)])/u],
  ['circled', /^(([①-⑳㉑-㉟]))/u],
];

/** Rank by convention, used only to pick the document's top level (the cover notice may number its own points). */
const RANK: OrdinalKind[] = ['chapter', 'cn', 'cnParen', 'num', 'numParen', 'numHalf', 'circled'];

export function matchOrdinal(text: string): OrdinalMarker | null {
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice((m[0] as string).length);
    // "2.5万元…" or "2024年" are not ordinals; an ordinal is followed by words.
    if (kind === 'num' && /^[\d%％年月日]/u.test(rest)) continue;
    const raw = m[2] as string;
    const value = kind === 'circled' ? raw.charCodeAt(0) - (raw >= '㉑' ? 0x3251 - 21 : 0x2460 - 1) : chineseNumber(raw);
    const ordinal = (m[1] as string).replace(/[.．]{2,}$/u, (d) => d[0] as string);
    return { kind, ordinal, value, rest: rest.replace(/^[.．]+/u, '') };
  }
  return null;
}

export interface OutlineNode {
  marker: OrdinalMarker;
  level: number;
  /** Index of the part (see `Outline.parts`) the node belongs to. */
  part: number;
  paraIndex: number;
  /** Unnumbered paragraphs after the heading paragraph, up to the next numbered one. */
  body: Para[];
  children: OutlineNode[];
  parent: OutlineNode | null;
}

export interface OutlinePart {
  /** The part's own title (the plan's name), or null when none precedes its first top-level heading. */
  title: string | null;
  titleIndex: number | null;
  /** An attachment after the plan (附件: 任务清单, 责任表): not a part of its own. */
  annex: boolean;
  roots: OutlineNode[];
}

export interface Outline {
  parts: OutlinePart[];
  topKind: OrdinalKind | null;
  /** Paragraphs before the first top-level heading: the cover notice and the title. */
  preamble: Para[];
}

const PLAN_NOUN = /(方案|要点|计划|意见|办法|细则|任务|清单|规划|安排|纲要|规定|制度|行动)$/u;

/** A paragraph that names a plan: short, no closing punctuation, ends in 方案/要点/计划 …, not the notice itself. */
export function isPlanTitle(p: Para): boolean {
  if (p.table || p.text.length < 4 || p.text.length > 80) return false;
  if (/[。；;，,：:]$/u.test(p.text) || /关于印发|通知$|^附件|^根据|^为/u.test(p.text)) return false;
  const bare = p.text.replace(/[（(][^（()）]*[）)]$/u, '').replace(/[》」』”]$/u, '');
  return PLAN_NOUN.test(bare);
}

/** A title right after a 附件 line is an attachment's, once the plan itself has started. */
function isAnnexTitle(paras: Para[], titleIndex: number): boolean {
  return [paras[titleIndex - 1], paras[titleIndex - 2]].some((p) => p && !p.table && /^附件\d*[：:]?$|^附件\d*[：:]/u.test(p.text));
}

/**
 * A plan title, or a heading-styled or bold line in title position whose name lacks a plan noun (某镇安全生产大排查
 * 大整治); not a 红头 line (某镇人民政府文件) or a signature.
 */
function isTitleLike(p: Para): boolean {
  if (isPlanTitle(p)) return true;
  if (p.table || !(p.bold || (p.heading !== null && p.heading <= 2))) return false;
  if (p.text.length < 4 || p.text.length > 80 || /[。；;，,：:]$/u.test(p.text)) return false;
  return !/关于印发|通知$|^附件|文件$|(政府|办事处|委员会|办公室)$|\d{4}年\d{1,2}月\d{1,2}日$/u.test(p.text);
}

/** The highest-ranked ordinal kind used at least twice: the top level of the plan. */
function findTopKind(paras: Para[]): OrdinalKind | null {
  const counts = new Map<OrdinalKind, number>();
  for (const p of paras) {
    const m = p.table ? null : matchOrdinal(p.text);
    if (m) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  }
  return RANK.find((k) => (counts.get(k) ?? 0) >= 2) ?? RANK.find((k) => counts.has(k)) ?? null;
}

/** Looks back from a top-level heading for the plan title just before it, stopping at the previous heading. */
function titleBefore(paras: Para[], index: number, floor: number): number | null {
  for (let i = index - 1; i >= floor && i >= index - 8; i--) {
    const p = paras[i] as Para;
    if (!p.table && matchOrdinal(p.text)) return null;
    if (isTitleLike(p)) return i;
  }
  return null;
}

export function buildOutline(paras: Para[]): Outline {
  const topKind = findTopKind(paras);
  const parts: OutlinePart[] = [];
  const preamble: Para[] = [];
  let stack: OutlineNode[] = [];
  let seenTop = false;
  let lastTopIndex = 0;
  const starts = new Map<number, number>(); // paragraph index of a part title → part index
  // First pass: where parts start (a top-level "一、" after the sequence has already run).
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i] as Para;
    const m = p.table ? null : matchOrdinal(p.text);
    if (!m || m.kind !== topKind) continue;
    if (!seenTop || m.value === 1) {
      const t = titleBefore(paras, i, seenTop ? lastTopIndex + 1 : 0);
      // After a 附件 line, a numbering that starts again belongs to the attachment even without a title.
      const afterAnnexLine = seenTop && t === null && paras.slice(lastTopIndex + 1, i).some((p) => !p.table && /^附件/u.test(p.text));
      if (!seenTop || t !== null || afterAnnexLine) {
        const annex = afterAnnexLine || (parts.some((p) => p.title !== null) && t !== null && isAnnexTitle(paras, t));
        starts.set(t ?? i, parts.length);
        parts.push({ title: t === null ? null : (paras[t] as Para).text, titleIndex: t, annex, roots: [] });
      }
    }
    seenTop = true;
    lastTopIndex = i;
  }
  const firstStart = Math.min(...starts.keys(), paras.length);
  let part = -1;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i] as Para;
    if (starts.has(i)) {
      part = starts.get(i) as number;
      stack = [];
      if (parts[part]?.titleIndex === i) continue;
    }
    if (i < firstStart) {
      preamble.push(p);
      continue;
    }
    const m = p.table ? null : matchOrdinal(p.text);
    if (!m) {
      stack[stack.length - 1]?.body.push(p);
      continue;
    }
    // A kind already open closes everything below it; a new kind opens one level deeper.
    const at = m.kind === topKind ? 0 : stack.findIndex((n) => n.marker.kind === m.kind);
    if (at >= 0) stack = stack.slice(0, at);
    const parent = stack[stack.length - 1] ?? null;
    const node: OutlineNode = { marker: m, level: stack.length, part, paraIndex: i, body: [], children: [], parent };
    if (parent) parent.children.push(node);
    else parts[part]?.roots.push(node);
    stack.push(node);
  }
  return { parts, topKind, preamble };
}

/** The node's heading as printed: ordinal + words, the words up to the first 。 when the heading runs on. */
export function headingLabel(node: OutlineNode): string {
  const rest = node.marker.rest;
  const stop = rest.search(/[。；;：:]/u);
  const words = stop >= 0 && stop < rest.length - 1 ? rest.slice(0, stop) : rest.replace(/[。；;：:]$/u, '');
  return node.marker.ordinal + words;
}

export function* walk(nodes: OutlineNode[]): Generator<OutlineNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}
