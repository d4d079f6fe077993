import type { CriteriaSet, Criterion } from './criteria.contract.ts';
import { shippedCriteriaSets } from './criteria.data.ts';
import { expandDomains, expandFlags } from './criteria.dict.ts';
import { criteriaSetStateAt } from './criteria.rules.ts';
import { normaliseSearchText, type SearchTerms, termsOf, termWeights } from './criteria-text.rules.ts';

/** How much each field of an item counts: keywords are chosen for search, the group names the topic. */
const fieldScale = { summary: 1, keywords: 1.5, group: 0.6, text: 0.8 } as const;
/** BM25 parameters: items are short and of similar length, so length normalisation is mild. */
const k1 = 1.2;
const b = 0.5;
/** A keyword of the item written as such in the description: a strong, precise signal. */
const keywordBonus = 0.8;
/** Below this a suggestion rests on one common word (过期, 通道): noise rather than a lead. */
const defaultMinScore = 5;
/** Longer keywords are more specific, up to this factor. */
const keywordCap = 1.5;
const boosts = { itemDomain: 1.3, setDomain: 1.1, flag: 1.2 } as const;

interface IndexedItem {
  item: Criterion;
  set: CriteriaSet;
  length: number;
  keywords: string[];
}

export interface CriteriaIndex {
  sets: readonly CriteriaSet[];
  items: readonly IndexedItem[];
  /** term → [item index, weighted term frequency]. */
  postings: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  /** normalised keyword → items listing it. */
  keywordItems: ReadonlyMap<string, readonly number[]>;
  averageLength: number;
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function itemTerms(item: Criterion): SearchTerms {
  const terms = termsOf(item.summary, fieldScale.summary);
  for (const k of item.keywords) termsOf(k, fieldScale.keywords, terms);
  termsOf(item.group, fieldScale.group, terms);
  if (item.text) termsOf(item.text, fieldScale.text, terms);
  return terms;
}

/** Segments every item once; suggestions then only look up postings. */
export function buildCriteriaIndex(sets: readonly CriteriaSet[]): CriteriaIndex {
  const items: IndexedItem[] = [];
  const postings = new Map<string, Array<readonly [number, number]>>();
  const keywordItems = new Map<string, number[]>();
  let totalLength = 0;
  for (const set of sets) {
    for (const item of set.items) {
      const index = items.length;
      const terms = itemTerms(item);
      let length = 0;
      for (const [term, tf] of terms) {
        length += tf;
        entry(postings, term, () => []).push([index, tf]);
      }
      const keywords = [...new Set(item.keywords.map(normaliseSearchText).filter((k) => k.length >= 2))];
      for (const k of keywords) {
        entry(keywordItems, k, () => []).push(index);
      }
      totalLength += length;
      items.push({ item, set, length, keywords });
    }
  }
  return { sets, items, postings, keywordItems, averageLength: items.length ? totalLength / items.length : 1 };
}

const indexes = new WeakMap<readonly CriteriaSet[], CriteriaIndex>();
function indexOf(sets: CriteriaIndex | readonly CriteriaSet[] | undefined): CriteriaIndex {
  if (sets && !Array.isArray(sets)) return sets as CriteriaIndex;
  const list = (sets as readonly CriteriaSet[] | undefined) ?? shippedCriteriaSets;
  const cached = indexes.get(list);
  if (cached) return cached;
  const index = buildCriteriaIndex(list);
  indexes.set(list, index);
  return index;
}

export interface SuggestCriteriaInput {
  /** The hazard description as the inspector wrote it. */
  text: string;
  /** The enterprise's domains and flags: items in scope rank higher. */
  domains?: readonly string[];
  flags?: readonly string[];
  /** An index from `buildCriteriaIndex`, or sets (indexed once per array); default the shipped sets. */
  sets?: CriteriaIndex | readonly CriteriaSet[];
  /** Sets in force on this date (when the hazard was found); default: sets whose status is current. */
  at?: string;
  setIds?: readonly string[];
  limit?: number;
  /** Drop items scoring below this share of the best one (default 0.15). */
  minRelativeScore?: number;
  /** Drop items scoring below this (default 5, about one rare word matched). */
  minScore?: number;
}

export interface CriteriaSuggestion {
  item: Criterion;
  setId: string;
  setTitle: string;
  docNumber: string;
  score: number;
  /** The words of the description that matched, most telling first. */
  matched: string[];
}

const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

function eligibleSets(index: CriteriaIndex, input: SuggestCriteriaInput): Set<CriteriaSet> {
  return new Set(
    index.sets.filter(
      (s) =>
        (!input.setIds || input.setIds.includes(s.id)) &&
        (input.at ? criteriaSetStateAt(s, input.at) === 'inForce' : s.status === 'current'),
    ),
  );
}

interface Hit {
  score: number;
  matched: Map<string, number>;
}

function scoreText(index: CriteriaIndex, query: SearchTerms, text: string, eligible: Set<CriteriaSet>): Map<number, Hit> {
  const n = index.items.length;
  const hits = new Map<number, Hit>();
  const hit = (i: number) => entry(hits, i, () => ({ score: 0, matched: new Map<string, number>() }));
  for (const [term, qWeight] of query) {
    const list = index.postings.get(term);
    if (!list) continue;
    const w = idf(n, list.length) * qWeight;
    for (const [i, tf] of list) {
      const doc = index.items[i] as IndexedItem;
      if (!eligible.has(doc.set)) continue;
      const gain = (w * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * doc.length) / index.averageLength));
      const h = hit(i);
      h.score += gain;
      // Words are shown before bigram fallbacks; bigrams across the segmenter's boundaries are never shown.
      if (qWeight >= termWeights.part) h.matched.set(term, (h.matched.get(term) ?? 0) + (qWeight >= termWeights.word ? gain * 2 : gain));
    }
  }
  const normalised = normaliseSearchText(text);
  for (const [keyword, list] of index.keywordItems) {
    if (!normalised.includes(keyword)) continue;
    const gain = keywordBonus * idf(n, list.length) * Math.min(keywordCap, keyword.length / 2);
    for (const i of list) {
      if (!eligible.has((index.items[i] as IndexedItem).set)) continue;
      const h = hit(i);
      h.score += gain;
      h.matched.set(keyword, (h.matched.get(keyword) ?? 0) + gain * 3);
    }
  }
  return hits;
}

function boost(doc: IndexedItem, domains: Set<string>, flags: Set<string>): number {
  let factor = 1;
  if (doc.item.domains.some((d) => domains.has(d))) factor *= boosts.itemDomain;
  else if (doc.set.domains.some((d) => domains.has(d))) factor *= boosts.setDomain;
  if (doc.item.flags.some((f) => flags.has(f))) factor *= boosts.flag;
  return factor;
}

function shownWords(matched: Map<string, number>): string[] {
  const ranked = [...matched.entries()].sort((x, y) => y[1] - x[1]).map(([t]) => t);
  const shown: string[] = [];
  for (const t of ranked) if (!shown.some((s) => s.includes(t))) shown.push(t);
  return shown.slice(0, 8);
}

/**
 * Items of the 判定标准 that a hazard description most likely matches, best first: BM25 over segmented words (with
 * bigram fallbacks) of each item's summary, keywords and group, plus keywords found verbatim in the description;
 * items in the enterprise's domains or flags rank higher. A suggestion, never a grading: the inspector decides.
 */
export function suggestCriteria(input: SuggestCriteriaInput): CriteriaSuggestion[] {
  if (!input.text.trim()) return [];
  const index = indexOf(input.sets);
  const hits = scoreText(index, termsOf(input.text), input.text, eligibleSets(index, input));
  const domains = expandDomains(input.domains ?? []);
  const flags = expandFlags(input.domains ?? [], input.flags ?? []);
  const ranked = [...hits.entries()]
    .map(([i, h]) => {
      const doc = index.items[i] as IndexedItem;
      return { doc, score: h.score * boost(doc, domains, flags), matched: h.matched };
    })
    .sort((x, y) => y.score - x.score || x.doc.item.code.localeCompare(y.doc.item.code));
  const best = ranked[0]?.score ?? 0;
  const floor = Math.max(best * (input.minRelativeScore ?? 0.15), input.minScore ?? defaultMinScore);
  return ranked
    .filter((r) => r.score > 0 && r.score >= floor)
    .slice(0, input.limit ?? 8)
    .map(({ doc, score, matched }) => ({
      item: doc.item,
      setId: doc.set.id,
      setTitle: doc.set.title,
      docNumber: doc.set.docNumber,
      score: Math.round(score * 1000) / 1000,
      matched: shownWords(matched),
    }));
}
