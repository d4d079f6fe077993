import {
  type CardSize,
  controlLevelLabels,
  type PostCards,
  type PublicRiskCard,
  postCardKindLabels,
  postCardKinds,
  riskLevelColours,
  riskLevelLabels,
} from '@anzhi/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { qrPng } from '../../lib/qr-image.ts';
import { REPORT_HOTLINE } from '../enterprises/responsibility-card.ts';

/** 两单两卡 and the 风险告知卡 as editable .docx (one card a page, A4 or A5), each with a QR that opens it on a phone. */

const FONT = '仿宋';
const HEAD_FONT = '黑体';
type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

const pages: Record<CardSize, { width: number; height: number; margin: number; scale: number; qr: number }> = {
  A4: { width: 11906, height: 16838, margin: 1300, scale: 1, qr: 160 },
  A5: { width: 8391, height: 11906, margin: 850, scale: 0.75, qr: 120 },
};

function writer(size: CardSize) {
  const page = pages[size];
  const pt = (n: number) => Math.round(n * page.scale);
  const line = (text: string, opts: { size?: number; bold?: boolean; font?: string; align?: Align; color?: string } = {}) =>
    new Paragraph({
      alignment: opts.align ?? AlignmentType.LEFT,
      spacing: { after: pt(100) },
      children: [new TextRun({ text, size: pt(opts.size ?? 28), bold: opts.bold, font: opts.font ?? FONT, color: opts.color })],
    });
  const qr = async (url: string, caption: string) => {
    const png = await qrPng(url);
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type: 'png', data: png, transformation: { width: page.qr, height: page.qr } })],
      }),
      line(caption, { size: 22, align: AlignmentType.CENTER }),
      line(url, { size: 16, align: AlignmentType.CENTER }),
    ];
  };
  const properties = {
    page: {
      size: { width: page.width, height: page.height },
      margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin },
    },
  };
  return { line, qr, properties, pt };
}

export async function postCardsDocx(
  post: { enterpriseName: string; name: string; department: string | null; cards: PostCards },
  cardUrl: string,
  size: CardSize,
): Promise<Buffer> {
  const w = writer(size);
  const code = await w.qr(cardUrl, '扫码查看本岗位两单两卡，参加应知应会答题');
  const sections = postCardKinds.map((kind) => {
    const lines = post.cards[kind];
    return {
      properties: w.properties,
      children: [
        w.line(postCardKindLabels[kind], { size: 44, bold: true, font: HEAD_FONT, align: AlignmentType.CENTER }),
        w.line(`${post.enterpriseName}　${post.department ? `${post.department}　` : ''}${post.name}`, {
          size: 28,
          bold: true,
          align: AlignmentType.CENTER,
        }),
        ...(lines.length ? lines.map((l, i) => w.line(`${i + 1}. ${l}`)) : [w.line('（待填写）')]),
        w.line(''),
        ...code,
      ],
    };
  });
  const doc = new Document({ creator: '安治 AnZhi', title: `${post.enterpriseName} ${post.name} 两单两卡`, sections });
  return Packer.toBuffer(doc);
}

function cell(w: ReturnType<typeof writer>, text: string, width: number, opts: { bold?: boolean; fill?: string } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { top: 80, bottom: 80, left: 120, right: 120 },
    shading: opts.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill.replace('#', '') } : undefined,
    children: text
      .split('\n')
      .map(
        (t) => new Paragraph({ children: [new TextRun({ text: t, size: w.pt(22), bold: opts.bold, font: opts.bold ? HEAD_FONT : FONT })] }),
      ),
  });
}

/** 风险告知卡: the point, its events with level (colour band), consequences, measures, control level, emergency measures. */
export async function riskCardDocx(card: PublicRiskCard, cardUrl: string, size: CardSize): Promise<Buffer> {
  const w = writer(size);
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const level = card.level ? `${riskLevelColours[card.level].name}色 · ${riskLevelLabels[card.level]}` : '未评估';
  const rows = card.events.map(
    (e) =>
      new TableRow({
        children: [
          cell(w, e.name, 20),
          cell(w, `${riskLevelColours[e.level].name}（${riskLevelLabels[e.level]}）`, 14, { fill: riskLevelColours[e.level].hex }),
          cell(w, e.consequence ?? '', 16),
          cell(w, e.measures.map((m, i) => `${i + 1}. ${m}`).join('\n'), 26),
          cell(w, controlLevelLabels[e.controlLevel], 10),
          cell(w, e.emergencyMeasures.join('\n'), 14),
        ],
      }),
  );
  const doc = new Document({
    creator: '安治 AnZhi',
    title: `${card.enterpriseName} ${card.pointName} 风险告知卡`,
    sections: [
      {
        properties: w.properties,
        children: [
          w.line('安全风险告知卡', { size: 44, bold: true, font: HEAD_FONT, align: AlignmentType.CENTER }),
          w.line(card.enterpriseName, { size: 30, bold: true, align: AlignmentType.CENTER }),
          w.line(`风险点：${card.pointName}${card.location ? `（${card.location}）` : ''}`, { size: 28, bold: true }),
          w.line(`风险等级：${level}`, {
            size: 28,
            bold: true,
            color: card.level ? riskLevelColours[card.level].hex.replace('#', '') : undefined,
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
            rows: [
              new TableRow({
                children: [
                  cell(w, '风险事件', 20, { bold: true }),
                  cell(w, '风险等级', 14, { bold: true }),
                  cell(w, '可能导致的后果', 16, { bold: true }),
                  cell(w, '管控措施', 26, { bold: true }),
                  cell(w, '管控层级', 10, { bold: true }),
                  cell(w, '应急措施', 14, { bold: true }),
                ],
              }),
              ...rows,
            ],
          }),
          w.line(''),
          w.line(`24小时应急电话：${card.emergencyPhone ?? '（待明确）'}　主要负责人：${card.principal ?? '（待明确）'}`, { size: 26 }),
          w.line(`安全生产举报投诉电话：${card.reportHotline}`, { size: 26, bold: true }),
          ...(await w.qr(cardUrl, '扫码在手机上查看本风险告知卡')),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export { REPORT_HOTLINE };
