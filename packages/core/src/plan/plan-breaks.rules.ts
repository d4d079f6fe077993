// Copies whose line breaks were lost (web pages, document-share sites): headings run into the text before them.
import type { Para } from './plan-paragraphs.rules.ts';
import { chineseNumber } from './plan-text.rules.ts';

type Kind = 'cn' | 'cnParen' | 'num';

/** Ordinals that open a heading or item: 二、 （三） 4. (not ① or （1）, which number lists inside a sentence). */
const INLINE = /([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[）)]|(?<!\d)(\d{1,2})[.．、](?!\d)/gu;
const SENTENCE_END = /[。；;！？!?）)]/u;
/** A plan's name run into its opening sentence: `…实施方案（2024—2026年）为深入贯彻…`. */
const TITLE_THEN_TEXT =
  /^(.{4,60}?(?:方案|要点|计划|意见|细则|办法)(?:[（(]\d{4}[—–\-－~～至到]\d{4}年?[）)])?)(?=为|根据|按照|近年来|当前|今年)/u;
/** A signature run into its date: `某镇人民政府2024年4月22日`. */
const SIGNED = /^(.{2,40}?(?:人民政府|办事处|委员会|办公室|指挥部|领导小组))(\d{4}年\d{1,2}月\d{1,2}日)$/u;
/** Header words of a task table: several of them in one paragraph are a table whose cells lost their breaks. */
const TABLE_WORDS = /序号|重点任务|任务内容|工作措施|牵头单位|责任单位|配合单位|完成时限|时间节点/gu;

interface Cut {
  at: number;
  kind: Kind;
}

/**
 * Where a run-on paragraph breaks: before an ordinal that follows a sentence's end, or that continues its kind's
 * sequence (二、 after 一、, 1. under a new （一）). `统一、规范` is not a break: 一 does not continue anything.
 */
function cutsOf(text: string): Cut[] {
  const last: Record<Kind, number> = { cn: 0, cnParen: 0, num: 0 };
  const cuts: Cut[] = [];
  for (const m of text.matchAll(INLINE)) {
    const kind: Kind = m[1] ? 'cn' : m[2] ? 'cnParen' : 'num';
    const value = chineseNumber((m[1] ?? m[2] ?? m[3]) as string);
    const before = m.index === 0 ? '' : (text[m.index - 1] as string);
    const afterPunct = before === '' || SENTENCE_END.test(before);
    const continues = value === last[kind] + 1;
    const opens = value === 1 && kind !== 'cn' && afterHeading(cuts, kind);
    if (!((afterPunct && (continues || value === 1)) || (continues && value > 1) || opens)) continue;
    if (m.index > 0) cuts.push({ at: m.index, kind });
    last[kind] = value;
    if (kind === 'cn') last.cnParen = 0;
  }
  return cuts;
}

/** A first item of its kind right after a higher heading's cut (（一）开展…行动1.健全…): a break. */
function afterHeading(cuts: Cut[], kind: Kind): boolean {
  const prev = cuts[cuts.length - 1];
  return prev !== undefined && (kind === 'num' ? prev.kind !== 'num' : prev.kind === 'cn');
}

const isRunOn = (text: string, cuts: Cut[]) => text.length >= 150 && cuts.length >= 3 && cuts.some((c) => c.kind !== 'num');

/**
 * Splits run-on paragraphs back into headings and items and says so in `notes`; what cannot be rebuilt (a table whose
 * cells ran together) is left as text and named in `notes`, so the clerk knows to check it.
 */
export function splitRunOn(paras: Para[], notes: string[]): Para[] {
  const out: Para[] = [];
  paras.forEach((p, i) => {
    if (p.table) {
      out.push(p);
      return;
    }
    const signed = SIGNED.exec(p.text);
    if (signed) {
      out.push({ ...p, text: signed[1] as string }, { ...p, text: signed[2] as string });
      return;
    }
    const cuts = cutsOf(p.text);
    const tableWords = new Set(p.text.match(TABLE_WORDS) ?? []).size;
    if (tableWords >= 3)
      notes.push(`第${i + 1}段像是一张表格，但单元格之间的换行或制表符已丢失，无法还原行列，未解析其中的任务：“${p.text.slice(0, 40)}…”`);
    if (!isRunOn(p.text, cuts)) {
      out.push(p);
      return;
    }
    const pieces: string[] = [];
    let from = 0;
    for (const c of cuts) {
      pieces.push(p.text.slice(from, c.at));
      from = c.at;
    }
    pieces.push(p.text.slice(from));
    const title = TITLE_THEN_TEXT.exec(pieces[0] as string);
    if (title) pieces.splice(0, 1, title[1] as string, (pieces[0] as string).slice((title[1] as string).length));
    notes.push(
      `第${i + 1}段长 ${p.text.length} 字、含 ${cuts.length} 个编号，像是换行丢失的网页或转存副本，已按编号拆分为 ${pieces.length} 段，请核对`,
    );
    for (const text of pieces) if (text !== '') out.push({ ...p, text, heading: null, bold: false });
  });
  return out;
}
