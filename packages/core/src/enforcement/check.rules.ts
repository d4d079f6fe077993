import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../audit/audit.rules.ts';
import type { CriteriaSet } from '../hazard/criteria/criteria.contract.ts';
import { applicableCriteriaSets, type EnterpriseTags } from '../hazard/criteria/criteria.rules.ts';
import type { CheckItemResult, CheckItemSource, SignerRole } from './enforcement.dict.ts';

/**
 * The on-site check (五现场; regulations.md §9, 安全生产法 第六十五条、第六十八条): what the checklist is made of,
 * what a record must hold before it is signed, the hash the signatures are bound to, and 逢查必考.
 */

export interface ChecklistLine {
  seq: number;
  source: CheckItemSource;
  criterionCode: string | null;
  text: string;
  major: boolean;
}

/**
 * The checklist of a check: every item of the 重大事故隐患判定标准 in force on `on` that covers the enterprise
 * (its 行业领域 and flags; sets that apply to all, e.g. 重大火灾隐患), marked major, then the unit's own items.
 */
export function buildChecklist(
  enterprise: EnterpriseTags,
  sets: readonly CriteriaSet[],
  on: string,
  ownItems: readonly string[],
): ChecklistLine[] {
  const lines: ChecklistLine[] = [];
  for (const set of applicableCriteriaSets(enterprise, sets, { at: on })) {
    for (const item of set.items) {
      lines.push({ seq: lines.length + 1, source: 'criteria', criterionCode: item.code, text: item.summary, major: true });
    }
  }
  for (const text of ownItems) lines.push({ seq: lines.length + 1, source: 'unit', criterionCode: null, text, major: false });
  return lines;
}

export interface Issue {
  path: string;
  message: string;
}

/** One item as recorded: a fixed-on-spot item is a failed one accepted with a photo (现场验收). */
export function checkItemIssues(
  item: { result: CheckItemResult | null; fixedOnSpot: boolean; fixPhotoIds: readonly number[]; major: boolean; deadline?: string | null },
  today: string,
  path: string,
): Issue[] {
  const out: Issue[] = [];
  if (item.fixedOnSpot && item.result !== 'fail') out.push({ path: `${path}.fixedOnSpot`, message: '只有“不符合”的检查项才能现场验收' });
  if (item.fixedOnSpot && item.major)
    out.push({ path: `${path}.fixedOnSpot`, message: '重大事故隐患不能现场整改验收，须按重大隐患治理（16号令 第十五条）' });
  if (item.fixedOnSpot && item.fixPhotoIds.length === 0) out.push({ path: `${path}.fixPhotoIds`, message: '现场验收请上传整改后照片' });
  if (item.deadline && item.deadline < today) out.push({ path: `${path}.deadline`, message: '整改期限不能早于今天' });
  return out;
}

export interface SignCheckInput {
  items: ReadonlyArray<{ seq: number; result: CheckItemResult | null }>;
  inspectorIds: readonly number[];
  signatures: ReadonlyArray<{ role: SignerRole; inspectorId?: number | null }>;
  refusedToSign?: string | null;
}

/**
 * What a record needs before it is signed (安全生产法 第六十八条): every item answered; at least two of the check's
 * inspectors sign; the enterprise's representative signs, or the refusal is recorded with its reason.
 */
export function signIssues(input: SignCheckInput): Issue[] {
  const out: Issue[] = [];
  const open = input.items.filter((i) => i.result === null);
  if (open.length)
    out.push({
      path: 'items',
      message: `还有 ${open.length} 个检查项未填写结果（第 ${open
        .slice(0, 5)
        .map((i) => i.seq)
        .join('、')} 项${open.length > 5 ? '等' : ''}）`,
    });
  const signed = new Set<number>();
  input.signatures.forEach((s, k) => {
    if (s.role !== 'inspector') return;
    if (!s.inspectorId || !input.inspectorIds.includes(s.inspectorId))
      out.push({ path: `signatures.${k}.inspectorId`, message: '签字的执法人员不是本次检查的执法人员' });
    else if (signed.has(s.inspectorId)) out.push({ path: `signatures.${k}.inspectorId`, message: '同一执法人员重复签字' });
    else signed.add(s.inspectorId);
  });
  if (signed.size < 2) out.push({ path: 'signatures', message: '须至少两名本次检查的执法人员签字' });
  const enterprise = input.signatures.filter((s) => s.role === 'enterprise').length;
  const refused = Boolean(input.refusedToSign?.trim());
  if (enterprise > 1) out.push({ path: 'signatures', message: '被检查单位负责人只需签字一次' });
  if (enterprise === 0 && !refused)
    out.push({ path: 'signatures', message: '须被检查单位负责人签字；拒绝签字的，请记录拒签情况（安全生产法 第六十八条）' });
  if (enterprise > 0 && refused) out.push({ path: 'refusedToSign', message: '负责人已签字，不能同时记录拒签' });
  return out;
}

export interface CheckRecordForHash {
  code: string;
  enterprise: { id: number; name: string };
  inspectors: ReadonlyArray<{ id: number; name: string; certificateNo: string }>;
  place: string | null;
  startedAt: string | null;
  signedAt: string | null;
  explained: string | null;
  representativeName: string | null;
  refusedToSign: string | null;
  items: ReadonlyArray<{
    seq: number;
    criterionCode: string | null;
    text: string;
    result: CheckItemResult | null;
    note: string | null;
    photoIds: readonly number[];
    deadline: string | null;
    fixedOnSpot: boolean;
    fixPhotoIds: readonly number[];
  }>;
}

/** SHA-256 (hex) of the record's canonical JSON: every signature is bound to it; anyone can recompute it. */
export function checkRecordHash(record: CheckRecordForHash): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(record))));
}

// 逢查必考 ---------------------------------------------------------------------------------------------------------

export interface QuizBankQuestion {
  /** The criterion's code: the answer is looked up again from it, never trusted from the client. */
  id: string;
  question: string;
  options: string[];
  answer: string;
}

/** A small deterministic hash of a text (FNV-1a, 32 bit) to order questions and options without randomness. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The question bank of an enterprise: one question per criterion that covers it — "this situation is a 重大事故隐患
 * under which standard?" — with the right standard and up to three others of the library as options, in a fixed order.
 */
export function quizBank(enterprise: EnterpriseTags, sets: readonly CriteriaSet[], on: string): QuizBankQuestion[] {
  const own = applicableCriteriaSets(enterprise, sets, { at: on });
  const titles = [...new Set(sets.map((s) => `《${s.title}》`))];
  return own.flatMap((set) =>
    set.items.map((item) => {
      const answer = `《${set.title}》`;
      const others = titles.filter((t) => t !== answer).sort((a, b) => fnv(item.code + a) - fnv(item.code + b));
      const options = [answer, ...others.slice(0, 3)].sort((a, b) => fnv(a + item.code) - fnv(b + item.code));
      return {
        id: item.code,
        question: `“${item.summary}”——该情形依据哪一判定标准属于重大事故隐患？`,
        options: options.length > 1 ? options : ['是重大事故隐患', '不是重大事故隐患'],
        answer: options.length > 1 ? answer : '是重大事故隐患',
      };
    }),
  );
}

/** N questions of the bank for one check, the same every time for the same check (seeded by its code). */
export function drawQuizQuestions(bank: readonly QuizBankQuestion[], seed: string, count: number): QuizBankQuestion[] {
  return [...bank].sort((a, b) => fnv(seed + a.id) - fnv(seed + b.id) || (a.id < b.id ? -1 : 1)).slice(0, count);
}

/** The score of a quiz: one point per right answer; a question not in the bank is an error. */
export function scoreQuiz(
  bank: readonly QuizBankQuestion[],
  answers: ReadonlyArray<{ questionId: string; given: string }>,
):
  | { ok: true; score: number; maxScore: number; answers: Array<{ questionId: string; question: string; given: string; correct: boolean }> }
  | { ok: false; issues: Issue[] } {
  const byId = new Map(bank.map((q) => [q.id, q]));
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const out = answers.flatMap((a, k) => {
    const q = byId.get(a.questionId);
    if (!q) {
      issues.push({ path: `answers.${k}.questionId`, message: '题目不在本企业的题库中' });
      return [];
    }
    if (seen.has(a.questionId)) {
      issues.push({ path: `answers.${k}.questionId`, message: '同一题目重复作答' });
      return [];
    }
    seen.add(a.questionId);
    return [{ questionId: q.id, question: q.question, given: a.given, correct: a.given === q.answer }];
  });
  if (issues.length) return { ok: false, issues };
  return { ok: true, score: out.filter((a) => a.correct).length, maxScore: out.length, answers: out };
}

/** A quiz passes at 60 % right answers. */
export const quizPassRate = 0.6;
