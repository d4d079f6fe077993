import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { qrPng } from '../../lib/qr-image.ts';

/** A label sheet holds at most this many labels: a township prints its ledger in batches, not all at once. */
export const MAX_LABELS = 500;

export interface LabelSource {
  name: string;
  typeName: string;
  place: string;
  labelCode: string;
}

const FONT = '黑体';
const BODY = '仿宋';
// A4 in twentieths of a point, 1 cm margins; two labels a row, four rows a page.
const PAGE = { width: 11906, height: 16838, margin: 567 };
const ROW_HEIGHT = 3800;

const text = (t: string, size: number, opts: { bold?: boolean; font?: string } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 40 },
    children: [new TextRun({ text: t, size, bold: opts.bold, font: opts.font ?? BODY })],
  });

async function labelCell(l: LabelSource | undefined, url: (code: string) => string): Promise<TableCell> {
  const dashed = { style: BorderStyle.DASHED, size: 4, color: '999999' };
  const borders = { top: dashed, bottom: dashed, left: dashed, right: dashed };
  if (!l) return new TableCell({ borders, width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph('')] });
  const png = await qrPng(url(l.labelCode), 300);
  return new TableCell({
    borders,
    width: { size: 50, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 80, bottom: 80, left: 120, right: 120 },
    children: [
      text(l.typeName, 20, { font: FONT }),
      text(l.name, 26, { bold: true, font: FONT }),
      text(l.place, 20),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type: 'png', data: png, transformation: { width: 120, height: 120 } })],
      }),
      text(`标签码 ${l.labelCode}`, 22, { bold: true }),
      text('扫码查看并检查本对象', 16),
    ],
  });
}

/** An A4 sheet of QR labels (two a row, cut along the dashed lines); each QR opens `${publicUrl}/o/{labelCode}`. */
export async function ledgerLabelsDocx(labels: readonly LabelSource[], url: (code: string) => string): Promise<Buffer> {
  const rows: TableRow[] = [];
  for (let i = 0; i < labels.length; i += 2) {
    rows.push(
      new TableRow({
        cantSplit: true,
        height: { value: ROW_HEIGHT, rule: HeightRule.EXACT },
        children: [await labelCell(labels[i], url), await labelCell(labels[i + 1], url)],
      }),
    );
  }
  const doc = new Document({
    creator: '安治 AnZhi',
    title: '专项台账对象标签',
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children: rows.length
          ? [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })]
          : [text('（没有可打印的对象）', 24)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
