import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from './errors.ts';

/**
 * What one kind of OOXML file (.xlsx, .docx) may expand to (CONVENTIONS rule 13). A 1.5 MB .docx of repeated bytes
 * once expanded to 500 MB and took the server down: every zip is measured against its budget before it is parsed.
 */
export interface ZipBudget {
  /** The file as users name it, in messages: “Excel 工作簿”, “Word 文档”. */
  label: string;
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Rows over all worksheets of an .xlsx (counted as `<row` elements while inflating). */
  maxRows?: number;
}

export interface ZipMeasure {
  entries: number;
  totalBytes: number;
  rows: number;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

export const zipErrors = {
  tooManyEntries: (b: ZipBudget, n: number) =>
    new AppError(413, 'file.zip_too_many_entries', `${b.label}中含有 ${n} 个部件，超过上限 ${b.maxEntries} 个，不像正常文件，无法读取`),
  entryTooLarge: (b: ZipBudget, name: string, bytes: number) =>
    new AppError(
      413,
      'file.zip_entry_too_large',
      `${b.label}中的部件“${name}”解压后达 ${mb(bytes)}，超过单个部件上限 ${mb(b.maxEntryBytes)}（可能是“压缩炸弹”），无法读取`,
    ),
  totalTooLarge: (b: ZipBudget, bytes: number) =>
    new AppError(
      413,
      'file.zip_too_large',
      `${b.label}解压后至少 ${mb(bytes)}，超过上限 ${mb(b.maxTotalBytes)}（可能是“压缩炸弹”或含有大量图片），无法读取。请删去图片或拆分文件后再试`,
    ),
  tooManyRows: (b: ZipBudget, rows: number) =>
    new AppError(413, 'file.too_many_rows', `${b.label}中至少有 ${rows} 行，超过一次可导入的 ${b.maxRows} 行，请拆成几个文件分批导入`),
  sizeMismatch: (b: ZipBudget, name: string) =>
    new AppError(
      400,
      'file.zip_size_mismatch',
      `${b.label}中部件“${name}”的实际大小与文件目录中登记的不符（文件已损坏或被恶意构造），无法读取`,
    ),
};

/** Not a zip archive at all (no central directory): each reader says what it expected instead. */
export class NotZipError extends Error {}

const open = (bytes: Buffer) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err ? reject(new NotZipError(err.message)) : resolve(zip),
    ),
  );

/** The central directory: every entry's declared sizes, before a byte is inflated. */
function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (e: Error) => reject(new NotZipError(e.message)));
    zip.readEntry();
  });
}

const openStream = (zip: ZipFile, entry: Entry) =>
  new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));

const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/**
 * Measures a zip against a budget and throws a 4xx AppError (Chinese message) when it is over. First from the central
 * directory (entry count, declared sizes), then by inflating every entry as a stream whose output is counted and
 * discarded: yauzl stops an entry the moment it yields more than its declared size, so a directory that lies about
 * sizes cannot expand beyond what was checked. Memory stays at one chunk; nothing is kept.
 */
export async function measureZip(bytes: Buffer, budget: ZipBudget): Promise<ZipMeasure> {
  const zip = await open(bytes);
  try {
    if (zip.entryCount > budget.maxEntries) throw zipErrors.tooManyEntries(budget, zip.entryCount);
    const entries = await listEntries(zip);
    let declared = 0;
    for (const e of entries) {
      if (e.uncompressedSize > budget.maxEntryBytes) throw zipErrors.entryTooLarge(budget, e.fileName, e.uncompressedSize);
      declared += e.uncompressedSize;
      if (declared > budget.maxTotalBytes) throw zipErrors.totalTooLarge(budget, declared);
    }
    let total = 0;
    let rows = 0;
    for (const entry of entries) {
      const countRows = budget.maxRows !== undefined && isWorksheet(entry.fileName);
      let tail = '';
      const stream = await openStream(zip, entry).catch((e: Error) => {
        throw e instanceof AppError ? e : zipErrors.sizeMismatch(budget, entry.fileName);
      });
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          total += chunk.length;
          if (total > budget.maxTotalBytes) throw zipErrors.totalTooLarge(budget, total);
          if (countRows) {
            // Tags may straddle chunks: keep the last few characters for the next one.
            const text = tail + chunk.toString('latin1');
            rows += text.match(ROW)?.length ?? 0;
            tail = text.slice(-40).replace(/^[^<]*/, '');
            rows -= tail.match(ROW)?.length ?? 0;
            if (rows > (budget.maxRows ?? Number.POSITIVE_INFINITY)) throw zipErrors.tooManyRows(budget, rows);
          }
        }
      } catch (e) {
        stream.destroy();
        // yauzl's "too many / not enough bytes in the stream", a bad CRC or deflate data: a directory that lies.
        throw e instanceof AppError ? e : zipErrors.sizeMismatch(budget, entry.fileName);
      }
      if (countRows) rows += tail.match(ROW)?.length ?? 0;
    }
    return { entries: entries.length, totalBytes: total, rows };
  } finally {
    zip.close();
  }
}
