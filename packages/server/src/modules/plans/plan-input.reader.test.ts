/*
 * Plan files by content, not by name: .docx, UTF-8/UTF-16/GBK text and markdown parse; scanned PDFs, images, legacy
 * .doc, other ZIPs, binary junk, empty files, text without numbered tasks and files over 50 MB get a Chinese error.
 * Fixture test/fixtures/plans/plan-gbk.txt is a small plan saved as GBK with CRLF line ends (as Windows Notepad does).
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadGoldSeeds } from '../../../../core/test/plan-gold.ts';
import { scoreDoc } from '../../../../core/test/plan-score.ts';
import { AppError } from '../../lib/errors.ts';
import { decodeText, PLAN_MAX_BYTES, parsePlanFile, readPlanSource } from './plan-input.reader.ts';

const fixtures = path.join(import.meta.dirname, '../../../test/fixtures');
const seeds = loadGoldSeeds();
const seed003 = seeds.find((s) => s.name.startsWith('003_')) as (typeof seeds)[number];

async function refusal(bytes: Uint8Array, name = 'plan.docx'): Promise<AppError> {
  try {
    await parsePlanFile(bytes, name);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describe('plan files that parse', () => {
  it('reads a markdown plan (seed 003 with its ## headings and **16.** ordinals) as .md', async () => {
    const plan = await parsePlanFile(Buffer.from(seed003.text, 'utf8'), '003.md');
    const score = scoreDoc(seed003.gold, plan as never);
    expect([score.tasks.f1, score.fields.leadUnits.f1, score.fields.deadlines.f1].every((f) => f >= 0.95)).toBe(true);
    expect(plan.file).toBe('003.md');
  });

  it('decodes GBK text with CRLF line ends', async () => {
    const plan = await parsePlanFile(fs.readFileSync(path.join(fixtures, 'plans/plan-gbk.txt')), 'plan-gbk.txt');
    expect(plan.title).toBe('示例镇2025年安全生产工作要点');
    expect(plan.tasks.map((t) => [t.title, t.leadUnits, t.deadlines.map((d) => d.date)])).toEqual([
      ['健全责任清单', ['镇应急办'], ['2025-03-31']],
      ['开展履职考核', ['镇党政办'], []],
      ['燃气安全整治', ['镇规划建设办'], ['2025-06-30']],
    ]);
  });

  it('decodes UTF-8 with a BOM and UTF-16 with a BOM', async () => {
    expect(decodeText(Buffer.from('\ufeff一、主要任务', 'utf8'))).toBe('一、主要任务');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、主要任务', 'utf16le')]))).toBe('一、主要任务');
  });

  it('sniffs the content: a .docx named .txt is read as Word', async () => {
    const bytes = fs.readFileSync(path.join(fixtures, 'plans/plan-001.docx'));
    expect((await readPlanSource(bytes)).kind).toBe('docx');
    const plan = await parsePlanFile(bytes, 'plan-001.txt');
    expect([plan.file, plan.tasks.length]).toEqual(['plan-001.txt', 36]);
  });
});

describe('plan files that are refused, with a Chinese message', () => {
  it.each([
    [
      'a scanned PDF',
      Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /XObject /Subtype /Image >>\nstream\n\xff\xd8\xff', 'latin1'),
      'plan.pdf_unsupported',
      /PDF/u,
    ],
    ['a JPEG photo', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]), 'plan.image_unsupported', /图片/u],
    ['a PNG scan', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'plan.image_unsupported', /图片/u],
    ['a legacy .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'plan.legacy_word', /另存为/u],
    ['an empty file', Buffer.alloc(0), 'plan.file_empty', /为空/u],
    ['blank text', Buffer.from(' \r\n\t\n', 'utf8'), 'plan.file_empty', /为空/u],
    ['random bytes', Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)), 'plan.unknown_format', /无法识别/u],
    [
      'text without numbered tasks',
      Buffer.from('关于做好安全生产工作的通知\n请各单位认真做好安全生产工作。\n', 'utf8'),
      'plan.no_structure',
      /编号/u,
    ],
  ])('%s', async (_, bytes, code, message) => {
    const e = await refusal(bytes);
    expect(e.code).toBe(code);
    expect(e.status).toBe(400);
    expect(e.message).toMatch(message);
  });

  it('a ZIP that is not a Word document (an .xlsx)', async () => {
    const e = await refusal(fs.readFileSync(path.join(fixtures, 'enterprises/clean.xlsx')));
    expect([e.code, e.message]).toEqual(['plan.not_docx', expect.stringMatching(/不是有效的 \.docx/u)]);
  });

  it('a .docx whose document part is broken', async () => {
    const broken = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document><w:body><w:p></w:body>') });
    expect((await refusal(broken)).code).toBe('plan.docx_unreadable');
  });

  it('a file over 50 MB, with 413', async () => {
    const e = await refusal(Buffer.alloc(PLAN_MAX_BYTES + 1, 0x20));
    expect([e.status, e.code]).toEqual([413, 'plan.file_too_large']);
    expect(e.message).toMatch(/50 MB/u);
  });
});
