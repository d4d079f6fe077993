// Raw text or reader paragraphs → clean paragraphs: markup out, layout line breaks joined back, text tables found.
import type { PlanParagraph } from './plan.contract.ts';
import { isPlanTitle, matchOrdinal } from './plan-outline.rules.ts';
import { asciiDigits, bracketBalance, stripMarkdown, stripSpace } from './plan-text.rules.ts';

/** A paragraph as the rules use it: whitespace-free text. */
export interface Para {
  text: string;
  bold: boolean;
  heading: number | null;
  table: string[][] | null;
}

const BOOKMARK = /\[bookmark:[^\]]*\]/gu;

/**
 * Plain text (also markdown and text exported from Word) → paragraphs. A text export writes a table as one line per
 * cell, each cell's first line led by a tab, a blank line closing each row; such runs become table paragraphs.
 */
export function textToParagraphs(text: string): PlanParagraph[] {
  const lines = text
    .replace(/^\ufeff/u, '')
    .replace(/\r\n?/gu, '\n')
    .replace(BOOKMARK, '')
    .split('\n');
  const out: PlanParagraph[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] as string;
    if (/^\s*\|.*\|\s*$/u.test(line)) {
      const { rows, next } = readMarkdownTable(lines, i);
      if (rows.length >= 2) {
        out.push({ text: '', table: rows });
        i = next;
        continue;
      }
    }
    if (line.startsWith('\t')) {
      const { rows, next } = readTextTable(lines, i);
      if (looksLikeTable(rows)) {
        out.push({ text: '', table: rows });
        i = next;
        continue;
      }
    }
    const heading = /^\s*(#{1,6})\s/u.exec(line);
    if (line.trim() !== '') out.push(heading ? { text: line, headingLevel: heading[1]?.length } : { text: line });
    i++;
  }
  return out;
}

/** `| 序号 | 任务 | 责任单位 |` lines; the `|---|` separator row is dropped. */
function readMarkdownTable(lines: string[], from: number): { rows: string[][]; next: number } {
  const rows: string[][] = [];
  let i = from;
  for (; i < lines.length && /^\s*\|.*\|\s*$/u.test(lines[i] as string); i++) {
    const cells = (lines[i] as string)
      .trim()
      .slice(1, -1)
      .split('|')
      .map((c) => c.replace(/<br\s*\/?>/giu, '\n').trim());
    if (cells.every((c) => /^:?-{2,}:?$/u.test(c))) continue;
    rows.push(cells);
  }
  return { rows, next: i };
}

const TABLE_HEADER = /^(序号|责任人|责任单位|牵头单位|配合单位|责任领导|工作措施|完成时限|时间节点|重点任务|具体措施|工作内容)$/u;

/**
 * Tab-indented prose also yields "rows"; a table has rows of three or more cells. Cells with table headers but no
 * row breaks (blank lines lost) stay one table rather than turning into numbered paragraphs.
 */
function looksLikeTable(rows: string[][]): boolean {
  if (rows.length >= 2 && rows.filter((r) => r.length >= 3).length * 2 >= rows.length) return true;
  return rows.flat().filter((c) => TABLE_HEADER.test(c.trim())).length >= 2;
}

/** A line no table cell holds: a top-level heading (一、) or a plan's title. */
function endsTable(line: string): boolean {
  const text = stripSpace(stripMarkdown(line));
  const p = { text, bold: false, heading: null, table: null };
  return matchOrdinal(text)?.kind === 'cn' || isPlanTitle(p);
}

function readTextTable(lines: string[], from: number): { rows: string[][]; next: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let maxCells = 0;
  let blank = false;
  let i = from;
  const closeRow = () => {
    if (row.length) rows.push(row.map((c) => c.trim()));
    maxCells = Math.max(maxCells, row.length);
    row = [];
  };
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' && !line.startsWith('\t')) {
      blank = true;
      continue;
    }
    const complete = row.length > 0 && row.length >= Math.max(maxCells, 2);
    if (line.startsWith('\t')) {
      // A blank line before a new cell ends the row, unless the row still lacks cells (an empty cell's layout).
      if (blank && complete) closeRow();
      row.push(line.slice(1));
    } else {
      if (complete && (blank || rows.length > 0 || endsTable(line))) break;
      if (row.length === 0) break;
      row[row.length - 1] += `\n${line}`;
    }
    blank = false;
  }
  closeRow();
  return { rows, next: i };
}

/** Reader paragraphs → rule paragraphs: markdown out, whitespace out, soft line breaks split, wrapped lines joined. */
export function normaliseParagraphs(input: PlanParagraph[]): Para[] {
  const split: Para[] = [];
  for (const p of input) {
    if (!p || typeof p !== 'object') continue;
    if (Array.isArray(p.table) && p.table.length) {
      const rows = p.table.map((r) => (Array.isArray(r) ? r.map((c) => asciiDigits(String(c ?? '').replace(BOOKMARK, ''))) : []));
      split.push({ text: '', bold: false, heading: null, table: rows });
      continue;
    }
    for (const line of String(p.text ?? '')
      .replace(BOOKMARK, '')
      .split(/\r\n?|\n/u)) {
      const markdownHeading = /^\s*(#{1,6})\s/u.exec(line);
      const bold = p.bold === true || /^\s*\*\*.+\*\*\s*$/u.test(line);
      const text = asciiDigits(stripSpace(stripMarkdown(line)));
      if (text === '') continue;
      const heading = p.headingLevel ?? (markdownHeading ? markdownHeading[1]?.length : undefined) ?? null;
      split.push({ text, bold, heading, table: null });
    }
  }
  return joinWrappedLines(split);
}

const YEARS_ONLY = /^[（(]\d{4}[-—–－~～至到]\d{4}年?[）)]$/u;
const TERMINAL = /[。！？!?；;：:）)”」』】〕]$/u;

/** Whether `next` continues `prev`, cut by a layout line break (PDF/Word text exports break mid-sentence). */
export function continuesLine(prev: Para, next: Para): boolean {
  if (prev.table || next.table) return false;
  if (YEARS_ONLY.test(next.text) && !/[。；;]$/u.test(prev.text)) return true;
  if (next.heading !== null || matchOrdinal(next.text)) return false;
  if (bracketBalance(prev.text) > 0 && !/[。]$/u.test(prev.text)) return true;
  if (TERMINAL.test(prev.text)) return false;
  if (/[，、,（(《“]$/u.test(prev.text)) return true;
  // Prose, not a heading: it holds a full sentence, or runs long with commas.
  return /[。；;]/u.test(prev.text) || (prev.text.length >= 40 && /[，,]/u.test(prev.text));
}

function joinWrappedLines(paras: Para[]): Para[] {
  const out: Para[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (prev && continuesLine(prev, p)) {
      prev.text += p.text;
      prev.bold = prev.bold && p.bold;
    } else out.push({ ...p });
  }
  return out;
}
