// .docx → paragraphs with the structure the plan parser uses: heading levels, bold, automatic numbering, tables.
import { PLAN_LIMITS, type PlanParagraph } from '@anzhi/core';
import { strFromU8, unzipSync } from 'fflate';
import { type Numbering, readNumbering } from './plan-docx-numbering.ts';
import { child, elements, parseXml, path, type XmlElement } from './plan-xml.ts';

interface StyleInfo {
  name: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number;
  outlineLevel: number | null;
}

interface Context {
  styles: Map<string, StyleInfo>;
  numbering: Numbering;
}

const val = (el: XmlElement | undefined) => el?.attrs['w:val'];

function readStyles(xml: string | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  const root = child(parseXml(xml), 'w:styles');
  for (const s of root ? elements(root, 'w:style') : []) {
    const pPr = child(s, 'w:pPr');
    const outline = val(path(pPr, 'w:outlineLvl'));
    styles.set(s.attrs['w:styleId'] ?? '', {
      name: (val(child(s, 'w:name')) ?? '').toLowerCase(),
      basedOn: val(child(s, 'w:basedOn')) ?? null,
      numId: val(path(pPr, 'w:numPr', 'w:numId')) ?? null,
      ilvl: Number(val(path(pPr, 'w:numPr', 'w:ilvl')) ?? 0),
      outlineLevel: outline === undefined ? null : Number(outline),
    });
  }
  return styles;
}

/** A style's heading level (heading 1 / 标题 1 / Title, or its outline level), following basedOn. */
function styleHeading(ctx: Context, styleId: string | undefined): number | undefined {
  for (let id = styleId, depth = 0; id && depth < 10; depth++) {
    const s = ctx.styles.get(id);
    const m = /^(?:heading|标题)\s*(\d)$/u.exec(s?.name ?? id.toLowerCase());
    if (m) return Number(m[1]);
    if (s?.name === 'title' || id === 'Title') return 1;
    if (s?.outlineLevel !== null && s?.outlineLevel !== undefined && s.outlineLevel < 9) return s.outlineLevel + 1;
    id = s?.basedOn ?? undefined;
  }
  return undefined;
}

function styleNumbering(ctx: Context, styleId: string | undefined): { numId: string; ilvl: number } | null {
  for (let id = styleId, depth = 0; id && depth < 10; depth++) {
    const s = ctx.styles.get(id);
    if (s?.numId) return { numId: s.numId, ilvl: s.ilvl };
    id = s?.basedOn ?? undefined;
  }
  return null;
}

const isOn = (el: XmlElement | undefined) => el !== undefined && !['0', 'false', 'off'].includes(val(el) ?? '');

/** The visible text of a paragraph's runs, with whether every run that has text is bold. */
function runText(node: XmlElement, out: { text: string; bold: boolean; any: boolean }): void {
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    switch (c.name) {
      case 'w:pPr':
      case 'w:rPr':
      case 'w:del':
      case 'w:delText':
      case 'w:instrText':
      case 'mc:Fallback':
      case 'w:footnoteReference':
        break;
      case 'w:t': {
        const t = c.children.filter((x): x is string => typeof x === 'string').join('');
        out.text += t;
        break;
      }
      case 'w:tab':
        out.text += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        out.text += '\n';
        break;
      case 'w:noBreakHyphen':
        out.text += '-';
        break;
      case 'w:r': {
        const before = out.text.length;
        runText(c, out);
        if (out.text.slice(before).trim() !== '') {
          out.bold = out.bold && isOn(path(c, 'w:rPr', 'w:b'));
          out.any = true;
        }
        break;
      }
      default:
        runText(c, out);
    }
  }
}

function paragraph(p: XmlElement, ctx: Context): PlanParagraph {
  const pPr = child(p, 'w:pPr');
  const styleId = val(path(pPr, 'w:pStyle'));
  const run = { text: '', bold: true, any: false };
  runText(p, run);
  const own = path(pPr, 'w:numPr');
  const numId = val(path(own, 'w:numId'));
  const fromStyle = styleNumbering(ctx, styleId);
  const list = numId !== undefined ? { numId, ilvl: Number(val(path(own, 'w:ilvl')) ?? fromStyle?.ilvl ?? 0) } : fromStyle;
  // An empty numbered paragraph still takes its number in Word.
  const label = list && list.numId !== '0' ? ctx.numbering.next(list.numId, list.ilvl) : null;
  const outline = val(path(pPr, 'w:outlineLvl'));
  const headingLevel = outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : styleHeading(ctx, styleId);
  return {
    text: run.text.trim() === '' ? '' : (label ?? '') + run.text,
    ...(run.any && run.bold ? { bold: true } : {}),
    ...(headingLevel ? { headingLevel } : {}),
  };
}

function cellText(tc: XmlElement, ctx: Context): string {
  return blocks(tc, ctx)
    .map((b) => b.text || (b.table ?? []).map((r) => r.join(' ')).join('\n'))
    .join('\n')
    .trim();
}

/**
 * Rows of cells; a cell spanning columns is followed by '' cells, a vertically merged continuation cell is '' and
 * marked in `mergedDown`. Rows and cells are capped (PLAN_DOCX_LIMITS): a hostile table cannot make the parser work
 * through millions of cells.
 */
function table(tbl: XmlElement, ctx: Context): PlanParagraph {
  const rows: string[][] = [];
  const mergedDown: boolean[][] = [];
  for (const tr of elements(tbl, 'w:tr')) {
    if (rows.length >= PLAN_LIMITS.tableRows) throw new DocxLimitError(`表格超过 ${PLAN_LIMITS.tableRows} 行`);
    const row: string[] = [];
    const down: boolean[] = [];
    const before = Number(val(path(tr, 'w:trPr', 'w:gridBefore')) ?? 0);
    for (let i = 0; i < Math.min(before, PLAN_LIMITS.rowCells); i++) {
      row.push('');
      down.push(false);
    }
    for (const tc of elements(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const merge = path(tcPr, 'w:vMerge');
      const continued = merge !== undefined && val(merge) !== 'restart';
      row.push(continued ? '' : cellText(tc, ctx).slice(0, PLAN_LIMITS.cellChars));
      down.push(continued);
      const span = Math.min(Number(val(path(tcPr, 'w:gridSpan')) ?? 1), PLAN_LIMITS.rowCells);
      for (let i = 1; i < span; i++) {
        row.push('');
        down.push(continued);
      }
      if (row.length > PLAN_LIMITS.rowCells) throw new DocxLimitError(`表格一行超过 ${PLAN_LIMITS.rowCells} 个单元格`);
    }
    rows.push(row);
    mergedDown.push(down);
  }
  return { text: '', table: rows, ...(mergedDown.some((r) => r.includes(true)) ? { mergedDown } : {}) };
}

function blocks(container: XmlElement, ctx: Context): PlanParagraph[] {
  const out: PlanParagraph[] = [];
  for (const c of elements(container)) {
    if (c.name === 'w:p') out.push(paragraph(c, ctx));
    else if (c.name === 'w:tbl') out.push(table(c, ctx));
    else if (['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:smartTag'].includes(c.name)) out.push(...blocks(c, ctx));
  }
  return out;
}

export class DocxReadError extends Error {}

/** The document goes past a cap of the plan parser (rows, cells): refused with a Chinese message, never parsed. */
export class DocxLimitError extends Error {}

/** The .docx parts the reader needs; throws DocxReadError when the archive holds no Word document. */
export function readDocxParagraphs(buffer: Uint8Array): PlanParagraph[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(buffer, { filter: (f) => /^word\/(document|styles|numbering)\.xml$/u.test(f.name) });
  } catch {
    throw new DocxReadError('not a zip archive');
  }
  const part = (name: string) => (files[name] ? strFromU8(files[name]) : null);
  const document = part('word/document.xml');
  if (!document) throw new DocxReadError('no word/document.xml');
  try {
    const ctx: Context = { styles: readStyles(part('word/styles.xml')), numbering: readNumbering(part('word/numbering.xml')) };
    const body = path(parseXml(document), 'w:document', 'w:body');
    if (!body) throw new DocxReadError('no w:body');
    return blocks(body, ctx).filter((p) => p.table || p.text.trim() !== '');
  } catch (e) {
    throw e instanceof DocxReadError || e instanceof DocxLimitError ? e : new DocxReadError((e as Error).message);
  }
}
