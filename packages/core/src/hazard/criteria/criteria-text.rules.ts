import { toHalfWidth } from '../../enterprise/import-cell.rules.ts';

/** A term and how much it counts: whole words count 1, fallback bigrams less (see `termsOf`). */
export type SearchTerms = Map<string, number>;

export const termWeights = {
  word: 1,
  /** Two single characters the segmenter left apart (粉|尘 → 粉尘): usually a word it does not know. */
  joined: 0.8,
  /** A bigram inside a longer word (不合格 → 不合, 合格), so 合格 still meets 不合格. */
  part: 0.5,
  /** A bigram across a word boundary the segmenter drew (车间地|面积|水 still yields 积水): low, for recall only. */
  cross: 0.3,
} as const;

/** Words that say nothing about which criterion applies. */
const stopWords = new Set([
  '进行',
  '规定',
  '按照',
  '或者',
  '以及',
  '没有',
  '存在',
  '情况',
  '相关',
  '要求',
  '其他',
  '有关',
  '问题',
  '发现',
  '其中',
  '对于',
  '是否',
  '一个',
  '一种',
  '任何',
  '可能',
  '应当',
  '已经',
  '等等',
  '未按',
  '按规',
  '定进',
  '中任',
]);

const han = /\p{Script=Han}/u;

let segmenter: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Half-width, lower-case, one space between runs: 'ＣＯ报警' and 'co报警' are the same text. */
export function normaliseSearchText(text: string): string {
  return toHalfWidth(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Segment {
  text: string;
  word: boolean;
}

/** Segments of a normalised text; without Intl.Segmenter, each run of Han characters is one word. */
function segments(normalised: string): Segment[] {
  const seg = wordSegmenter();
  if (seg) return Array.from(seg.segment(normalised), (p) => ({ text: p.segment, word: p.isWordLike === true }));
  return Array.from(normalised.matchAll(/(\p{Script=Han}+|[a-z0-9]+(?:\.[0-9]+)?)|[^\p{Script=Han}a-z0-9]+/gu), (m) => ({
    text: m[0],
    word: m[1] !== undefined,
  }));
}

/** The word-like segments of a text, in order. */
export function segmentWords(text: string): string[] {
  return segments(normaliseSearchText(text))
    .filter((s) => s.word)
    .map((s) => s.text);
}

function add(terms: SearchTerms, term: string, weight: number, seen?: Map<string, number>): void {
  if (stopWords.has(term)) return;
  terms.set(term, (terms.get(term) ?? 0) + weight);
  if (seen && term.length === 2) seen.set(term, (seen.get(term) ?? 0) + 1);
}

function addBigrams(terms: SearchTerms, run: string, weight: number, seen?: Map<string, number>): void {
  for (let i = 0; i + 2 <= run.length; i++) add(terms, run.slice(i, i + 2), weight, seen);
}

/**
 * The terms of a Chinese text: segmenter words of two or more characters, plus bigrams as the fallback where the
 * segmenter is unsure — across runs of single characters it split apart, inside long words it left whole, and (at a
 * low weight) across the boundaries it drew, since it may cut a text and an item's summary differently.
 * Latin and digit tokens (CO, LNG, 30kpa) are kept as words.
 */
export function termsOf(text: string, scale = 1, terms: SearchTerms = new Map()): SearchTerms {
  const seen = new Map<string, number>();
  let run = '';
  const flush = () => {
    if (run.length >= 2) addBigrams(terms, run, termWeights.joined * scale, seen);
    run = '';
  };
  const normalised = normaliseSearchText(text);
  for (const { text: word, word: isWord } of segments(normalised)) {
    if (!isWord) {
      flush();
    } else if (!han.test(word)) {
      flush();
      if (word.length >= 2 || /\d/.test(word)) add(terms, word, termWeights.word * scale);
    } else if (word.length === 1) {
      run += word;
    } else {
      flush();
      add(terms, word, termWeights.word * scale, seen);
      if (word.length >= 3) addBigrams(terms, word, termWeights.part * scale, seen);
    }
  }
  flush();
  const all = new Map<string, number>();
  for (const span of normalised.match(/\p{Script=Han}{2,}/gu) ?? []) {
    for (let i = 0; i + 2 <= span.length; i++) all.set(span.slice(i, i + 2), (all.get(span.slice(i, i + 2)) ?? 0) + 1);
  }
  for (const [bigram, count] of all) {
    const missing = count - (seen.get(bigram) ?? 0);
    if (missing > 0) add(terms, bigram, termWeights.cross * scale * missing);
  }
  return terms;
}
