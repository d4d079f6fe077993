import { type EscalationStep, escalationStepLabels, type HazardDetail, hazardGradeLabels } from '@anzhi/core';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

const FONT = '仿宋';
const TITLE_FONT = '方正小标宋简体';

function para(text: string, opts: { size?: number; bold?: boolean; font?: string; align?: 'center' | 'right'; indent?: boolean } = {}) {
  return new Paragraph({
    alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { after: 160, line: 560 },
    indent: opts.indent ? { firstLine: 640 } : undefined,
    children: [new TextRun({ text, size: opts.size ?? 32, bold: opts.bold, font: opts.font ?? FONT })],
  });
}

const titles: Record<EscalationStep, string> = {
  letter: '重大事故隐患整改督办函',
  bulletin: '关于重大事故隐患逾期未整改情况的通报',
  summons: '安全生产约谈通知书',
  exposure: '重大事故隐患逾期未整改曝光通知',
};

const demands: Record<EscalationStep, string> = {
  letter:
    '请你单位高度重视，立即落实整改措施、责任、资金、时限和预案，于收到本函之日起 5 日内将整改进展书面报送，整改完成后及时申请验收销号。',
  bulletin: '现予通报。请你单位主要负责人亲自部署，限期完成整改；逾期仍未完成的，将依法约谈你单位主要负责人。',
  summons: '请你单位主要负责人、实际控制人按时参加约谈，书面说明逾期原因、整改计划和临时安全措施。',
  exposure: '该隐患经函告、通报、约谈仍未整改到位，将按规定向社会公开曝光，并依法依规予以处理。',
};

/**
 * The document of one escalation step (督办函 / 通报 / 约谈通知书 / 曝光), filled from the hazard record: an editable
 * .docx the office prints, stamps and sends. Dates and facts come from the records, never typed again.
 */
export async function escalationDocx(
  h: HazardDetail,
  step: EscalationStep,
  issuer: { name: string; docNumber: string },
  today: string,
): Promise<Buffer> {
  const overdueDays = h.daysOverdue;
  const body = [
    `${h.enterpriseName ?? h.placeName ?? '相关单位'}：`,
    `经查，你单位存在的${hazardGradeLabels[h.grade]}“${h.title}”（编号 ${h.code}，${h.foundOn} 发现${h.location ? `，位置：${h.location}` : ''}），` +
      `整改期限为 ${h.deadline ?? '（未定）'}，截至 ${today} 已逾期 ${overdueDays} 天未完成整改${h.supervisionLevel ? '，该隐患已挂牌督办' : ''}。`,
    `隐患情况：${h.description}`,
    h.citations.length ? `判定依据：${h.citations.join('；')}。` : '',
    `根据《中华人民共和国安全生产法》第四十一条第二款规定的重大事故隐患治理督办制度，对你单位予以${escalationStepLabels[step]}。${demands[step]}`,
  ].filter(Boolean);
  const doc = new Document({
    sections: [
      {
        properties: { page: { margin: { top: 2000, bottom: 1800, left: 1600, right: 1500 } } },
        children: [
          para(titles[step], { size: 44, font: TITLE_FONT, align: 'center' }),
          para(issuer.docNumber, { align: 'center' }),
          para(''),
          para(body[0] as string),
          ...body.slice(1).map((t) => para(t, { indent: true })),
          para(''),
          para(issuer.name, { align: 'right' }),
          para(
            today.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`),
            { align: 'right' },
          ),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
