// Raw text or reader paragraphs → clean paragraphs: markup out, layout line breaks joined back, text tables found.
import type { PlanParagraph } from './plan.contract.ts';
import { capTable, PLAN_LIMITS } from './plan-limits.rules.ts';
import { isPlanTitle, matchOrdinal } from './plan-outline.rules.ts';
import { asciiDigits, bracketBalance, chineseNumber, stripMarkdown, stripSpace } from './plan-text.rules.ts';

/** A paragraph as the rules use it: whitespace-free text. */
export interface Para {
  text: string;
  bold: boolean;
  heading: number | null;
  table: string[][] | null;
  /** True where a table cell continues the cell above (a vertical merge), when the reader knows it. */
  mergedDown?: boolean[][];
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
    if (/^\s*\|.*\|\s*$/u.test(line) || (line.includes('|') && PIPE_SEPARATOR.test(lines[i + 1] ?? ''))) {
      const { rows, next } = readMarkdownTable(lines, i);
      if (rows.length >= 2) {
        out.push({ text: '', table: rows });
        i = next;
        continue;
      }
    }
    if (isTabRow(line)) {
      const { rows, next } = readTabRows(lines, i);
      if (rows.length >= 2 && looksLikeTable(rows)) {
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

/**
 * A row of a table pasted from Word or WPS: cells split by tabs (two or more cells, not the one leading tab of a Word
 * text export, whose cells come one per line).
 */
function isTabRow(line: string): boolean {
  const cells = line.split('\t');
  return cells.length >= 3 || (cells.length === 2 && !line.startsWith('\t') && line.trim() !== '');
}

/**
 * Tab-separated rows, one per line. A cell holding line breaks comes quoted ("…"), as Word and WPS put it on the
 * clipboard; `""` inside is a quote. Rows are capped (PLAN_LIMITS.tableRows).
 */
function readTabRows(lines: string[], from: number): { rows: string[][]; next: number } {
  const rows: string[][] = [];
  let i = from;
  while (i < lines.length && isTabRow(lines[i] as string) && rows.length < PLAN_LIMITS.tableRows) {
    const row: string[] = [];
    let rest = lines[i] as string;
    i++;
    for (;;) {
      if (rest.startsWith('"')) {
        // A quoted cell runs to the quote that is followed by a tab or the line's end, possibly lines later.
        let text = rest.slice(1);
        let close = quotedEnd(text);
        while (close < 0 && i < lines.length && i - from < PLAN_LIMITS.tableRows * 4) {
          text += `\n${lines[i] as string}`;
          i++;
          close = quotedEnd(text);
        }
        if (close < 0) close = text.length;
        row.push(text.slice(0, close).replace(/""/gu, '"').trim());
        rest = text.slice(close + 1);
        if (!rest.startsWith('\t')) break;
        rest = rest.slice(1);
        continue;
      }
      const tab = rest.indexOf('\t');
      row.push((tab < 0 ? rest : rest.slice(0, tab)).trim());
      if (tab < 0) break;
      rest = rest.slice(tab + 1);
    }
    rows.push(row);
  }
  return { rows, next: i };
}

/** Index of the closing quote of a quoted cell (a `"` not doubled, followed by a tab or the end), or -1. */
function quotedEnd(text: string): number {
  for (let j = 0; j < text.length; j++) {
    if (text[j] !== '"') continue;
    if (text[j + 1] === '"') {
      j++;
      continue;
    }
    if (j + 1 === text.length || text[j + 1] === '\t') return j;
  }
  return -1;
}

/** The `|---|:---:|` row under a pipe table's header; the outer pipes are optional (GFM). */
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/u;

/** `| 序号 | 任务 | 责任单位 |` lines (outer pipes optional); the `|---|` separator row is dropped. Rows are capped. */
function readMarkdownTable(lines: string[], from: number): { rows: string[][]; next: number } {
  const rows: string[][] = [];
  let i = from;
  for (; i < lines.length && (lines[i] as string).includes('|') && rows.length < PLAN_LIMITS.tableRows; i++) {
    const cells = (lines[i] as string)
      .trim()
      .replace(/^\|/u, '')
      .replace(/\|$/u, '')
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
export function normaliseParagraphs(input: PlanParagraph[], notes: string[] = []): Para[] {
  const split: Para[] = [];
  let tables = 0;
  let cappedTables = 0;
  for (const p of input) {
    if (!p || typeof p !== 'object') continue;
    if (split.length >= PLAN_LIMITS.paragraphs) {
      notes.push(`文档超过 ${PLAN_LIMITS.paragraphs} 段，其后的内容未解析`);
      break;
    }
    if (Array.isArray(p.table) && p.table.length) {
      if (++tables > PLAN_LIMITS.tables) continue;
      const capped = capTable(p.table.map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? '')) : [])));
      if (capped.capped) cappedTables++;
      const rows = capped.rows.map((r) => r.map((c) => arabicDates(asciiDigits(c.replace(BOOKMARK, '')))));
      split.push({ text: '', bold: false, heading: null, table: rows, ...(p.mergedDown ? { mergedDown: p.mergedDown } : {}) });
      continue;
    }
    for (const line of String(p.text ?? '')
      .replace(BOOKMARK, '')
      .split(/\r\n?|\n/u)) {
      const markdownHeading = /^\s*(#{1,6})\s/u.exec(line);
      const bold = p.bold === true || /^\s*\*\*.+\*\*\s*$/u.test(line);
      const text = arabicDates(asciiDigits(stripSpace(stripMarkdown(line)))).slice(0, PLAN_LIMITS.textChars);
      if (text === '') continue;
      const heading = p.headingLevel ?? (markdownHeading ? markdownHeading[1]?.length : undefined) ?? null;
      split.push({ text, bold, heading, table: null });
    }
  }
  if (tables > PLAN_LIMITS.tables) notes.push(`文档有 ${tables} 张表格，超过 ${PLAN_LIMITS.tables} 张上限，其后的表格未解析`);
  if (cappedTables) {
    notes.push(
      `${cappedTables} 张表格超过上限（${PLAN_LIMITS.tableRows} 行、每行 ${PLAN_LIMITS.rowCells} 格、每格 ${PLAN_LIMITS.cellChars} 字），超出部分未解析`,
    );
  }
  return joinWrappedLines(split);
}

const CN_DIGITS = '〇零一二三四五六七八九';
const CN_NUM = '[〇零一二三四五六七八九十]{1,3}';
const CN_DATE = new RegExp(`([${CN_DIGITS}]{4})年(?:(${CN_NUM})月(?:(${CN_NUM})([日号]))?)?`, 'gu');

/**
 * Dates written in Chinese numerals (二〇二四年三月十二日, 二〇二四年十一月底前) in Arabic digits, so one set of date rules
 * reads both; GB/T 9704-2012 §7.3.5.1 has 成文日期 in Arabic digits, older and hand-typed documents still use Chinese.
 */
export function arabicDates(s: string): string {
  if (!/[〇零]/u.test(s) && !/[一二三四五六七八九]{4}年/u.test(s)) return s;
  return s.replace(CN_DATE, (whole, y: string, m?: string, d?: string, unit?: string) => {
    const year = [...y].map((c) => (c === '〇' || c === '零' ? 0 : chineseNumber(c))).join('');
    if (!/^(19|20)\d\d$/u.test(year)) return whole;
    const month = m ? chineseNumber(m) : Number.NaN;
    const day = d ? chineseNumber(d) : Number.NaN;
    if (m && !(month >= 1 && month <= 12)) return whole;
    return `${year}年${m ? `${month}月` : ''}${d ? `${day}${unit}` : ''}`;
  });
}

const YEARS_ONLY = /^[（(]\d{4}[-—–－~～至到]\d{4}年?[）)]$/u;
const TERMINAL = /[。！？!?；;：:）)”」』】〕]$/u;

/** Whether `next` continues `prev`, cut by a layout line break (PDF/Word text exports break mid-sentence). */
export function continuesLine(prev: Para, next: Para): boolean {
  if (prev.table || next.table) return false;
  if (titleContinues(prev, next)) return true;
  if (YEARS_ONLY.test(next.text) && !/[。；;]$/u.test(prev.text)) return true;
  if (next.heading !== null || matchOrdinal(next.text)) return false;
  if (bracketBalance(prev.text) > 0 && !/[。]$/u.test(prev.text)) return true;
  if (TERMINAL.test(prev.text)) return false;
  if (/[，、,（(《“]$/u.test(prev.text)) return true;
  // Prose, not a heading: it holds a full sentence, or runs long with commas.
  return /[。；;]/u.test(prev.text) || (prev.text.length >= 40 && /[，,]/u.test(prev.text));
}

/**
 * A plan's name broken over two lines (星桥镇2024年安全生产 / 治本攻坚工作要点): a short line with no punctuation that
 * is not itself a name, a heading, a 红头, a signature or a date, followed by the line that ends the name.
 */
function titleContinues(prev: Para, next: Para): boolean {
  if (prev.text.length > 40 || prev.text.length + next.text.length > 80 || !isPlanTitle(next) || isPlanTitle(prev)) return false;
  if (/[\p{P}]/u.test(prev.text.replace(/[《“（(—–-]/gu, '')) || matchOrdinal(prev.text) || matchOrdinal(next.text)) return false;
  if (/(文件|通知|政府|办事处|委员会|办公室|号|日)$|^(附件|关于)|^\d{4}年\d{1,2}月/u.test(prev.text)) return false;
  return prev.heading === next.heading && prev.bold === next.bold;
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
