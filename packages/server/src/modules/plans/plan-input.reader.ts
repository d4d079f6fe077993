// A plan file's bytes → parsed plan. The type is sniffed from the content; the file name is only the output's label.
import { type ParsedPlan, type PlanParagraph, parsePlan } from '@anzhi/core';
import { AppError, errors } from '../../lib/errors.ts';
import { looksLikeZip } from '../../lib/xlsx-workbook.ts';
import { measureZip, NotZipError, type ZipBudget } from '../../lib/zip-budget.ts';
import { DocxLimitError, DocxReadError, readDocxParagraphs } from './plan-docx.reader.ts';

export const PLAN_MAX_BYTES = 50 * 1024 * 1024;

/** A long plan's document.xml is a few MB; photos in it are stored nearly as they are. A 500 MB part is a bomb. */
export const PLAN_DOCX_BUDGET: ZipBudget = {
  label: 'Word 文档',
  maxEntries: 5_000,
  maxEntryBytes: 30 * 1024 * 1024,
  maxTotalBytes: 120 * 1024 * 1024,
};

const OTHER_FORMAT = '请上传 Word（.docx）、文本（.txt）或 Markdown（.md）格式的方案正文';

export const planErrors = {
  tooLarge: (bytes: number) =>
    new AppError(
      413,
      'plan.file_too_large',
      `文件大小 ${(bytes / 1024 / 1024).toFixed(1)} MB，超过 50 MB 上限，无法解析。请删除文中图片或拆分文件后再试`,
    ),
  empty: () => errors.badRequest('plan.file_empty', '文件为空，没有可解析的内容'),
  pdf: () => errors.badRequest('plan.pdf_unsupported', `这是 PDF 文件（常为扫描件），无法可靠提取文字。${OTHER_FORMAT}`),
  image: () => errors.badRequest('plan.image_unsupported', `这是图片文件（扫描件或照片），无法识别其中的文字。${OTHER_FORMAT}`),
  legacyWord: () => errors.badRequest('plan.legacy_word', '这是旧版 Word（.doc）或 WPS 文件，请在 Word/WPS 中“另存为” .docx 格式后再上传'),
  notDocx: () => errors.badRequest('plan.not_docx', `压缩包中没有 Word 文档内容，不是有效的 .docx 文件。${OTHER_FORMAT}`),
  badDocx: () =>
    errors.badRequest('plan.docx_unreadable', 'Word 文档已损坏或格式异常，无法读取。请在 Word/WPS 中打开后重新保存为 .docx 再上传'),
  tooComplex: (what: string) =>
    errors.badRequest('plan.docx_too_complex', `Word 文档${what}，超出解析上限。请删去与方案无关的大表格，或把附表另存为单独文件后再上传`),
  binary: () => errors.badRequest('plan.unknown_format', `无法识别的文件格式，不是 Word 文档或文本文件。${OTHER_FORMAT}`),
  noText: () => errors.badRequest('plan.no_text', '文件中没有文字内容（可能是扫描件或只有图片）'),
  noStructure: () =>
    errors.badRequest(
      'plan.no_structure',
      '未识别到方案结构：没有找到带编号的任务（如“一、”“（一）”“1.”）。请确认文件是实施方案、工作方案或工作要点的正文',
    ),
};

export type PlanSource = { kind: 'docx'; paragraphs: PlanParagraph[] } | { kind: 'text'; text: string };

const startsWith = (b: Uint8Array, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);

function isImage(b: Uint8Array): boolean {
  return (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(b, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(b, [0x47, 0x49, 0x46, 0x38]) || // GIF
    startsWith(b, [0x42, 0x4d]) || // BMP
    startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || // TIFF
    startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) || // WEBP
    (startsWith(b, [0x66, 0x74, 0x79, 0x70], 4) && /^(heic|heix|mif1|avif)/u.test(String.fromCharCode(...b.subarray(8, 12))))
  );
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (GBK) as Windows Notepad saves Chinese text. */
export function decodeText(b: Uint8Array): string | null {
  if (startsWith(b, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (startsWith(b, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(b.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(b);
    } catch {
      return null;
    }
  }
  // Control characters other than tab and line breaks mark a binary file that happened to decode.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  return controls > Math.max(8, text.length / 200) ? null : text.replace(/^\ufeff/u, '');
}

/** What the bytes are, by content: .docx (a ZIP with word/document.xml) or text; anything else is refused. */
export async function readPlanSource(buffer: Uint8Array): Promise<PlanSource> {
  if (buffer.length > PLAN_MAX_BYTES) throw planErrors.tooLarge(buffer.length);
  if (buffer.length === 0) throw planErrors.empty();
  if (startsWith(buffer, [0x25, 0x50, 0x44, 0x46])) throw planErrors.pdf();
  if (isImage(buffer)) throw planErrors.image();
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0])) throw planErrors.legacyWord();
  if (looksLikeZip(buffer)) {
    try {
      await measureZip(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), PLAN_DOCX_BUDGET);
    } catch (e) {
      throw e instanceof NotZipError ? planErrors.notDocx() : e;
    }
    try {
      return { kind: 'docx', paragraphs: readDocxParagraphs(buffer) };
    } catch (e) {
      if (e instanceof DocxLimitError) throw planErrors.tooComplex(e.message);
      if (e instanceof DocxReadError && /document\.xml|zip/u.test(e.message)) throw planErrors.notDocx();
      throw planErrors.badDocx();
    }
  }
  if (startsWith(buffer, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw planErrors.legacyWord(); // {\rtf
  const text = decodeText(buffer);
  if (text === null) throw planErrors.binary();
  return { kind: 'text', text };
}

/**
 * Reads and parses a plan file. Throws an AppError with a Chinese message for files that are not plans: too large,
 * empty, scanned (PDF, image), unknown binary, no text, or text without numbered tasks.
 */
export async function parsePlanFile(buffer: Uint8Array, fileName: string): Promise<ParsedPlan> {
  return parsePlanSource(await readPlanSource(buffer), fileName);
}

/** The plan in a source already read: refused when it has no text or no numbered tasks. */
export function parsePlanSource(source: PlanSource, fileName: string): ParsedPlan {
  const hasText = source.kind === 'docx' ? source.paragraphs.some((p) => p.text.trim() || p.table) : source.text.trim() !== '';
  if (!hasText) throw source.kind === 'text' ? planErrors.empty() : planErrors.noText();
  const plan = parsePlan(source.kind === 'docx' ? { fileName, paragraphs: source.paragraphs } : { fileName, text: source.text });
  if (plan.tasks.length === 0) throw planErrors.noStructure();
  return plan;
}

export interface PlanInput {
  bytes: Uint8Array;
  fileName: string;
}

/** Parses the upload (or pasted text) with the shared reader; the text kept for the review screen is the document's. */
export async function readPlanInput(input: PlanInput): Promise<{ parsed: ParsedPlan; rawText: string }> {
  const source = await readPlanSource(input.bytes);
  const parsed = parsePlanSource(source, input.fileName);
  const rawText =
    source.kind === 'text'
      ? source.text
      : // One line per table row (a cell's own line breaks become spaces), so the review screen can point at a row.
        source.paragraphs
          .map((p) => (p.table ? p.table.map((row) => row.map((c) => c.replace(/\s*\n\s*/gu, ' ')).join('\t')).join('\n') : p.text))
          .join('\n');
  return { parsed, rawText };
}
