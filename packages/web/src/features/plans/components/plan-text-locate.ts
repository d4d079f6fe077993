/** Where each node of the extracted tree sits in the document text, so the review screen can point at it. */

export interface LocatableNode {
  id: number;
  ordinal: string;
  title: string;
  text: string;
  /** A task read from a table row: its run starts at the row's line. */
  source?: { table: number; row: number } | null;
}

/** A run of the document owned by one node (from its start to the next node's start), or by none (the preamble). */
export interface DocSegment {
  start: number;
  end: number;
  nodeId: number | null;
}

const FOLD: Record<string, string> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '，': ',',
  '；': ';',
  '。': '.',
  '．': '.',
  '、': ',',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '—': '-',
  '–': '-',
  '－': '-',
};

/** Layout the parser drops: spaces, line breaks, Markdown marks. */
const SKIP = /[\s#*>`|_\u3000]/u;

/** The text without layout, and for each kept character its index in the original. */
export function normalise(raw: string): { text: string; index: number[] } {
  let text = '';
  const index: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (SKIP.test(c)) continue;
    text += FOLD[c] ?? c;
    index.push(i);
  }
  return { text, index };
}

const keyOf = (s: string, max = 24) => normalise(s).text.slice(0, max);

function candidates(node: LocatableNode): string[] {
  const keys = [keyOf(node.text), keyOf(`${node.ordinal}${node.title}`), keyOf(node.title, 16)];
  return [...new Set(keys)].filter((k) => k.length >= 4);
}

/** Back to the start of the line when only the ordinal (`（三）`, `2.`) stands before the match. */
function lineStart(raw: string, at: number): number {
  const nl = raw.lastIndexOf('\n', at - 1) + 1;
  return at - nl <= 12 ? nl : at;
}

/**
 * Finds each node in the document, in document order: a node is searched after the previous one first, so a
 * heading repeated in the text (目录, 附件) resolves to the right place. Nodes not found are left out.
 */
export function locateNodes(raw: string, nodes: readonly LocatableNode[]): Map<number, number> {
  const { text, index } = normalise(raw);
  const starts = new Map<number, number>();
  let cursor = 0;
  for (const node of nodes) {
    let found = -1;
    for (const key of candidates(node)) {
      found = text.indexOf(key, cursor);
      if (found < 0) found = text.indexOf(key);
      if (found >= 0) break;
    }
    if (found < 0) continue;
    const at = index[found] as number;
    starts.set(node.id, node.source ? raw.lastIndexOf('\n', at - 1) + 1 : lineStart(raw, at));
    cursor = found + 1;
  }
  return starts;
}

/** Cuts the document at the nodes' starts: every character belongs to the nearest node above it. */
export function docSegments(raw: string, starts: ReadonlyMap<number, number>): DocSegment[] {
  const sorted = [...starts].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const segments: DocSegment[] = [];
  const first = sorted[0]?.[1] ?? raw.length;
  if (first > 0) segments.push({ start: 0, end: first, nodeId: null });
  sorted.forEach(([nodeId, start], i) => {
    const end = sorted[i + 1]?.[1] ?? raw.length;
    if (end > start) segments.push({ start, end, nodeId });
  });
  return segments;
}

/** 表1·第3行: where a table-sourced task sits in the document (header rows counted, as the table is printed). */
export function rowLabel(source: { table: number; row: number }): string {
  return `表${source.table}·第${source.row}行`;
}
