import type { Enterprise } from '@anzhi/core';
import { AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import QRCode from 'qrcode';

/** 全国安全生产举报投诉电话 (national work-safety report hotline). */
export const REPORT_HOTLINE = '12350';

const FONT = '仿宋';
const HEAD_FONT = '黑体';

function line(
  text: string,
  opts: { size?: number; bold?: boolean; font?: string; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [new TextRun({ text, size: opts.size ?? 32, bold: opts.bold, font: opts.font ?? FONT })],
  });
}

function cell(text: string, width: number, bold = false) {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { top: 120, bottom: 120, left: 160, right: 160 },
    children: [new Paragraph({ children: [new TextRun({ text, size: 30, bold, font: bold ? HEAD_FONT : FONT })] })],
  });
}

const dash = (s: string | null) => (s?.trim() ? s : '（待明确）');

/**
 * The 三个责任人 挂牌公示 card (one A4 page, editable .docx): the township leader, the unit supervisor and the
 * enterprise principal with phones, the report hotline, and a QR code that opens the public report page.
 */
export async function responsibilityCardDocx(e: Enterprise, reportUrl: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(reportUrl, { type: 'png', width: 360, margin: 1, errorCorrectionLevel: 'M' });
  const rows: Array<[string, string, string]> = [
    ['行政领导责任人', dash(e.townshipLeader), dash(e.townshipLeaderPhone)],
    [
      '部门监管责任人',
      `${dash(e.unitSupervisor)}${e.supervisingUnitName ? `（${e.supervisingUnitName}）` : ''}`,
      dash(e.unitSupervisorPhone),
    ],
    ['企业主要负责人', dash(e.principal), dash(e.principalPhone)],
  ];
  const border = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const doc = new Document({
    creator: '安治 AnZhi',
    title: `${e.name} 安全生产三个责任人公示牌`,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } } },
        children: [
          line('安全生产“三个责任人”公示牌', { size: 48, bold: true, font: HEAD_FONT, align: AlignmentType.CENTER }),
          line(e.name, { size: 36, bold: true, font: HEAD_FONT, align: AlignmentType.CENTER }),
          line(`地址：${e.address ?? e.regionName ?? ''}`, { size: 28, align: AlignmentType.CENTER }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
            rows: [
              new TableRow({ children: [cell('责任类别', 30, true), cell('姓名（单位）', 45, true), cell('联系电话', 25, true)] }),
              ...rows.map(([a, b, c]) => new TableRow({ children: [cell(a, 30), cell(b, 45), cell(c, 25)] })),
            ],
          }),
          line(''),
          line(`安全生产举报投诉电话：${REPORT_HOTLINE}`, { size: 32, bold: true, font: HEAD_FONT, align: AlignmentType.CENTER }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 180, height: 180 } })],
          }),
          line('扫码举报安全隐患（可匿名）', { size: 28, align: AlignmentType.CENTER }),
          line(reportUrl, { size: 18, align: AlignmentType.CENTER }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
