import type { UploadKind } from '@anzhi/core';

// ISO-BMFF brands of HEIF still images (iPhone photos are `heic`; `mif1`/`msf1` are the generic ones, AVIF is HEIF too).
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

const startsWith = (b: Buffer, bytes: number[], at = 0) => b.length >= at + bytes.length && bytes.every((v, i) => b[at + i] === v);
const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');

/**
 * The kind of an upload from its first bytes; null for anything else. The file name and the type the browser
 * declared are not trusted: a text file renamed .jpg is not an image.
 */
export function sniffUpload(b: Buffer): UploadKind | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(b, 8, 12))) return 'image/heic';
  // A whole PDF: the header first, and an end-of-file marker near the end (a truncated upload has none).
  if (ascii(b, 0, 5) === '%PDF-' && ascii(b, Math.max(0, b.length - 2048), b.length).includes('%%EOF')) return 'application/pdf';
  return null;
}

/** What the refusal says: the problem, and what to do instead. */
export const UNSUPPORTED_FILE_MESSAGE =
  '文件类型不支持：只能上传照片（JPEG、PNG、WebP、HEIC）或 PDF 文件。文件内容与扩展名不符（例如改名为 .jpg 的其他文件）也会被拒绝';
