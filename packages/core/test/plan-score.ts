// Port of the reference plan scorer (shared/tools/plan-score.mjs, functions norm … scoreDoc): the same normalisation,
// task matching (exact path + ordinal, then greedy bigram-Dice similarity) and field counting, without its CLI. Kept
// in the repository because CI runs on a clean clone; keep it in step with the reference when that changes.

type Json = Record<string, unknown>;
export interface Count {
  tp: number;
  fp: number;
  fn: number;
}
export interface Prf extends Count {
  precision: number;
  recall: number;
  f1: number;
}

const DASHES = /[\u2010-\u2015\u2212\uFF0D\u2E3A\u2E3B]/g;
export function norm(s: unknown): string {
  if (s === null || s === undefined) return '';
  return String(s).normalize('NFKC').replace(/\s+/gu, '').replace(DASHES, '-');
}

const TEXT_MIN = 0.6;
const TITLE_MIN = 0.8;
const MILESTONE_TEXT_MIN = 0.5;

interface Bigrams {
  map: Map<string, number>;
  n: number;
  s: string;
}

function bigrams(s: string): Bigrams {
  const m = new Map<string, number>();
  const cs = Array.from(s);
  for (let i = 0; i + 1 < cs.length; i++) {
    const b = (cs[i] as string) + (cs[i + 1] as string);
    m.set(b, (m.get(b) || 0) + 1);
  }
  return { map: m, n: Math.max(0, cs.length - 1), s };
}

export function dice(a: Bigrams, b: Bigrams): number {
  if (a.n === 0 || b.n === 0) return a.s !== '' && a.s === b.s ? 1 : 0;
  let inter = 0;
  const [small, big] = a.map.size <= b.map.size ? [a.map, b.map] : [b.map, a.map];
  for (const [k, v] of small) {
    const w = big.get(k);
    if (w) inter += Math.min(v, w);
  }
  return (2 * inter) / (a.n + b.n);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
export const newCount = (): Count => ({ tp: 0, fp: 0, fn: 0 });
export function prf(c: Count): Prf {
  const p = c.tp + c.fp === 0 ? (c.fn === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? (c.fp === 0 ? 1 : 0) : c.tp / (c.tp + c.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { ...c, precision: round(p), recall: round(r), f1: round(f) };
}
export function add(into: Count, c: Count): void {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
}

const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

function cmpSets(goldList: string[], predList: string[]): Count {
  const g = new Set(goldList.filter((x) => x !== ''));
  const p = new Set(predList.filter((x) => x !== ''));
  const missing = [...g].filter((x) => !p.has(x)).length;
  const extra = [...p].filter((x) => !g.has(x)).length;
  return { tp: g.size - missing, fp: extra, fn: missing };
}

function cmpMulti(goldList: string[], predList: string[]): Count {
  const g = new Map<string, number>();
  for (const x of goldList) g.set(x, (g.get(x) || 0) + 1);
  const p = new Map<string, number>();
  for (const x of predList) p.set(x, (p.get(x) || 0) + 1);
  let tp = 0;
  let fn = 0;
  let fp = 0;
  for (const [k, v] of g) {
    const w = p.get(k) || 0;
    tp += Math.min(v, w);
    fn += Math.max(0, v - w);
  }
  for (const [k, w] of p) fp += Math.max(0, w - (g.get(k) || 0));
  return { tp, fp, fn };
}

const unitList = (xs: unknown) =>
  asArray(xs)
    .map(norm)
    .filter((x) => x !== '');
const dateList = (xs: unknown) =>
  asArray(xs)
    .map((d) => norm(d && typeof d === 'object' ? (d as Json).date : d))
    .filter((x) => x !== '');
const targetKeys = (xs: unknown) =>
  asArray(xs)
    .filter((t): t is Json => !!t && typeof t === 'object')
    .map((t) => `${Number(t.value)}${norm(t.unit)}`);

function cmpMilestones(gold: unknown, pred: unknown): Count {
  const item = (m: Json) => ({ key: `${m.year}${m.yearEnd ? `-${m.yearEnd}` : ''}`, bg: bigrams(norm(m.text)), text: norm(m.text) });
  const g = asArray(gold)
    .filter((m): m is Json => !!m && typeof m === 'object')
    .map(item);
  const p = asArray(pred)
    .filter((m): m is Json => !!m && typeof m === 'object')
    .map(item);
  const cands: Array<[number, number, number]> = [];
  g.forEach((a, i) => {
    p.forEach((b, j) => {
      if (a.key !== b.key) return;
      const contains = a.text && b.text && (a.text.includes(b.text) || b.text.includes(a.text));
      const s = Math.max(dice(a.bg, b.bg), contains ? MILESTONE_TEXT_MIN : 0);
      if (s >= MILESTONE_TEXT_MIN || (a.text === '' && b.text === '')) cands.push([s, i, j]);
    });
  });
  cands.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const gu = new Set<number>();
  const pu = new Set<number>();
  for (const [, i, j] of cands) {
    if (gu.has(i) || pu.has(j)) continue;
    gu.add(i);
    pu.add(j);
  }
  return { tp: gu.size, fp: p.length - pu.size, fn: g.length - gu.size };
}

export const FIELDS = ['leadUnits', 'coUnits', 'deadlines', 'starts', 'recurrence', 'milestones', 'targets'] as const;
export type Field = (typeof FIELDS)[number];

function cmpField(name: Field, g: Json | null, p: Json | null): Count {
  if (name === 'targets') return cmpMulti(g ? targetKeys(g.targets) : [], p ? targetKeys(p.targets) : []);
  if (name === 'milestones') return cmpMilestones(g ? g.milestones : [], p ? p.milestones : []);
  const list = name === 'deadlines' || name === 'starts' ? dateList : unitList;
  return cmpSets(g ? list(g[name]) : [], p ? list(p[name]) : []);
}

function prepTask(t: unknown, i: number) {
  const o = (t && typeof t === 'object' ? t : {}) as Json;
  const pathArr = asArray(o.path).map(norm);
  const ordinal = norm(o.ordinal);
  return {
    i,
    raw: o,
    key: pathArr.length || ordinal ? `${pathArr.join('\u0000')}\u0001${ordinal}` : null,
    title: bigrams(norm(o.title)),
    text: bigrams(norm(o.text)),
  };
}

export function matchTasks(goldTasks: unknown, predTasks: unknown) {
  const g = asArray(goldTasks).map(prepTask);
  const p = asArray(predTasks).map(prepTask);
  const gm = new Array<number>(g.length).fill(-1);
  const pm = new Array<number>(p.length).fill(-1);
  const byKey = new Map<string, number[]>();
  for (const t of p) {
    if (t.key === null) continue;
    byKey.set(t.key, [...(byKey.get(t.key) ?? []), t.i]);
  }
  for (const t of g) {
    const q = t.key !== null ? byKey.get(t.key) : undefined;
    if (q?.length) {
      const j = q.shift() as number;
      gm[t.i] = j;
      pm[j] = t.i;
    }
  }
  const cands: Array<{ gi: number; pj: number; best: number; sum: number; pos: number }> = [];
  for (const a of g) {
    if ((gm[a.i] as number) >= 0) continue;
    for (const b of p) {
      if ((pm[b.i] as number) >= 0) continue;
      const ts = dice(a.text, b.text);
      const hs = dice(a.title, b.title);
      if (ts >= TEXT_MIN || hs >= TITLE_MIN) {
        const pos = Math.abs(a.i / Math.max(1, g.length) - b.i / Math.max(1, p.length));
        cands.push({ gi: a.i, pj: b.i, best: Math.max(ts, hs), sum: ts + hs, pos });
      }
    }
  }
  cands.sort((x, y) => y.best - x.best || y.sum - x.sum || x.pos - y.pos || x.gi - y.gi || x.pj - y.pj);
  for (const c of cands) {
    if ((gm[c.gi] as number) >= 0 || (pm[c.pj] as number) >= 0) continue;
    gm[c.gi] = c.pj;
    pm[c.pj] = c.gi;
  }
  return { g, p, gm, pm };
}

export interface DocScore {
  tasks: Prf;
  fields: Record<Field, Prf>;
  counts: Record<'tasks' | Field, Count>;
}

/** Scores one parsed plan against its gold labels, as the reference's scoreDoc does. */
export function scoreDoc(gold: Json, pred: Json): DocScore {
  const { g, p, gm } = matchTasks(gold.tasks, pred.tasks);
  const matched = gm.filter((j) => j >= 0).length;
  const taskCount = { tp: matched, fp: p.length - matched, fn: g.length - matched };
  const counts = Object.fromEntries(FIELDS.map((f) => [f, newCount()])) as Record<Field, Count>;
  for (const a of g) {
    const j = gm[a.i] as number;
    const b = j >= 0 ? (p[j] as (typeof p)[number]) : null;
    for (const f of FIELDS) add(counts[f], cmpField(f, a.raw, b ? b.raw : null));
  }
  for (const b of p) {
    if (gm.includes(b.i)) continue;
    for (const f of FIELDS) add(counts[f], cmpField(f, null, b.raw));
  }
  const fields = Object.fromEntries(FIELDS.map((f) => [f, prf(counts[f])])) as Record<Field, Prf>;
  return { tasks: prf(taskCount), fields, counts: { tasks: taskCount, ...counts } };
}

/** Micro-averaged totals over several documents, as the reference prints on its last line. */
export function microTotals(scores: DocScore[]): Record<'tasks' | Field, Prf> {
  const totals = Object.fromEntries(['tasks', ...FIELDS].map((f) => [f, newCount()])) as Record<'tasks' | Field, Count>;
  for (const s of scores) for (const k of Object.keys(totals) as Array<'tasks' | Field>) add(totals[k], s.counts[k]);
  return Object.fromEntries(Object.entries(totals).map(([k, c]) => [k, prf(c)])) as Record<'tasks' | Field, Prf>;
}
