import { AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/**
 * The 执法文书 of the 执法三部曲 as editable .docx (regulations.md §9.3 fields): 现场检查记录, 责令限期整改指令书,
 * 整改复查意见书, 行政处罚决定书. Pure builders over plain data; the documents service fills them from the records.
 */

const FONT = '仿宋';
const TITLE_FONT = '方正小标宋简体';

function para(text: string, opts: { size?: number; bold?: boolean; font?: string; align?: 'center' | 'right'; indent?: boolean } = {}) {
  return new Paragraph({
    alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { after: 120, line: 460 },
    indent: opts.indent ? { firstLine: 560 } : undefined,
    children: [new TextRun({ text, size: opts.size ?? 28, bold: opts.bold, font: opts.font ?? FONT })],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(children: Paragraph[], width: number, span = 1) {
  return new TableCell({ children, borders, columnSpan: span, width: { size: width, type: WidthType.PERCENTAGE } });
}

/** Label–value rows of a record form (two columns, or one wide value). */
function formTable(rows: Array<[string, string]>) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [
            cell([para(k, { bold: true })], 25),
            cell(
              v.split('\n').map((line) => para(line)),
              75,
            ),
          ],
        }),
    ),
  });
}

/** 2026-03-02 → 2026年3月2日 */
export function cnDate(iso: string): string {
  return iso.replace(/^(\d{4})-(\d{2})-(\d{2}).*$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`);
}

/** 2026-03-02T01:30:00Z → 2026年3月2日9时30分 (China time). */
export function cnDateTime(at: Date | null): string {
  if (!at) return '        年    月    日    时    分';
  const t = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${cnDate(t.slice(0, 10))}${Number(t.slice(11, 13))}时${Number(t.slice(14, 16))}分`;
}

function doc(children: Array<Paragraph | Table>) {
  return new Document({
    sections: [{ properties: { page: { margin: { top: 1800, bottom: 1600, left: 1600, right: 1500 } } }, children }],
  });
}

const header = (unitName: string, title: string, number: string) => [
  para(unitName, { size: 36, font: TITLE_FONT, align: 'center' }),
  para(title, { size: 44, font: TITLE_FONT, align: 'center' }),
  para(number, { align: 'center' }),
];

export interface SignatureImage {
  label: string;
  name: string;
  image: { type: 'png' | 'jpg'; data: Buffer } | null;
  at: string | null;
}

export interface CheckRecordDoc {
  number: string;
  unitName: string;
  checkCode: string;
  enterpriseName: string;
  address: string;
  legalRepresentative: string;
  principal: string;
  place: string;
  startedAt: Date | null;
  endedAt: Date | null;
  inspectors: Array<{ name: string; certificateNo: string }>;
  /** 不符合 items with their criterion citations. */
  findings: Array<{ seq: number; text: string; citation: string | null; note: string | null; fixedOnSpot: boolean; major: boolean }>;
  passedCount: number;
  handling: string;
  explained: string | null;
  refusedToSign: string | null;
  signatures: SignatureImage[];
  recordHash: string;
}

function signatureParas(sigs: SignatureImage[], fallbackLabels: string[]) {
  const out: Paragraph[] = [];
  const labels: SignatureImage[] = sigs.length ? sigs : fallbackLabels.map((label) => ({ label, name: '', image: null, at: null }));
  for (const s of labels) {
    const children: Array<TextRun | ImageRun> = [new TextRun({ text: `${s.label}（签字）：`, size: 28, font: FONT })];
    if (s.image) children.push(new ImageRun({ type: s.image.type, data: s.image.data, transformation: { width: 150, height: 60 } }));
    else children.push(new TextRun({ text: s.name ? `${s.name}（电子签名）` : '____________________', size: 28, font: FONT }));
    if (s.at) children.push(new TextRun({ text: `    ${cnDateTime(new Date(s.at))}`, size: 24, font: FONT }));
    out.push(new Paragraph({ spacing: { after: 120, line: 460 }, children }));
  }
  return out;
}

export async function checkRecordDocx(d: CheckRecordDoc): Promise<Buffer> {
  const findings = d.findings.length
    ? d.findings
        .map(
          (f, i) =>
            `${i + 1}. ${f.text}${f.major ? '（重大事故隐患）' : ''}${f.citation ? `【依据：${f.citation}】` : ''}${f.note ? `；${f.note}` : ''}${f.fixedOnSpot ? '（已当场整改，现场验收）' : ''}`,
        )
        .join('\n')
    : '未发现问题。';
  const body = formTable([
    ['被检查单位', d.enterpriseName],
    ['地址', d.address || '—'],
    ['法定代表人', d.legalRepresentative || '—'],
    ['主要负责人', d.principal || '—'],
    ['检查场所', d.place || '—'],
    ['检查时间', `${cnDateTime(d.startedAt)} 至 ${cnDateTime(d.endedAt)}`],
    ['检查人员及执法证号', d.inspectors.map((x) => `${x.name}（执法证号：${x.certificateNo}）`).join('\n')],
    [
      '检查情况',
      `共检查 ${d.passedCount + d.findings.length} 项，符合 ${d.passedCount} 项，发现问题 ${d.findings.length} 项：\n${findings}`,
    ],
    ['现场讲解', d.explained || '—'],
    ['处理意见', d.handling],
  ]);
  return Buffer.from(
    await Packer.toBuffer(
      doc([
        ...header(d.unitName, '现场检查记录', d.number),
        para(`检查编号：${d.checkCode}`),
        body,
        para(''),
        ...signatureParas(d.signatures, [...d.inspectors.map(() => '检查人员'), '被检查单位负责人']),
        ...(d.refusedToSign ? [para(`拒绝签字情况：${d.refusedToSign}（依据《安全生产法》第六十八条记录在案）`)] : []),
        para(`记录摘要（SHA-256）：${d.recordHash || '—'}`, { size: 20 }),
      ]),
    ),
  );
}

export interface OrderDoc {
  number: string;
  unitName: string;
  enterpriseName: string;
  checkCode: string;
  checkedOn: string;
  issuedOn: string;
  deadline: string;
  items: Array<{ text: string; citation: string | null; note: string | null }>;
  inspectors: Array<{ name: string; certificateNo: string }>;
}

export async function orderDocx(d: OrderDoc): Promise<Buffer> {
  return Buffer.from(
    await Packer.toBuffer(
      doc([
        ...header(d.unitName, '责令限期整改指令书', d.number),
        para(`${d.enterpriseName}：`),
        para(`经查，你单位存在下列问题（检查编号 ${d.checkCode}，检查日期 ${cnDate(d.checkedOn)}）：`, { indent: true }),
        ...d.items.map((it, i) =>
          para(`${i + 1}. ${it.text}${it.citation ? `（依据：${it.citation}）` : ''}${it.note ? `；${it.note}` : ''}`, { indent: true }),
        ),
        para(
          `依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定，现责令你单位于 ${cnDate(d.deadline)} 前整改完毕，达到有关法律法规规章和标准规定的要求。` +
            '整改期间应当采取措施确保安全；整改完成后及时书面报告，本机关将依法进行复查。',
          { indent: true },
        ),
        para(
          '如果不服本指令，可以依法在六十日内向上一级人民政府或有关部门申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的除外。',
          { indent: true },
        ),
        para(''),
        para(`执法人员（签字）：${d.inspectors.map((x) => `${x.name}（${x.certificateNo}）`).join('、') || '____________'}`),
        para('被检查单位负责人（签字）：____________________'),
        para(''),
        para(`${d.unitName}（印章）`, { align: 'right' }),
        para(cnDate(d.issuedOn), { align: 'right' }),
      ]),
    ),
  );
}

export interface RecheckDoc {
  number: string;
  orderNumber: string;
  unitName: string;
  enterpriseName: string;
  issuedOn: string;
  deadline: string;
  recheckedOn: string;
  earlyReason: string | null;
  items: Array<{ text: string; result: string; note: string | null }>;
  furtherMeasures: string;
  inspectors: Array<{ name: string; certificateNo: string }>;
}

export async function recheckDocx(d: RecheckDoc): Promise<Buffer> {
  return Buffer.from(
    await Packer.toBuffer(
      doc([
        ...header(d.unitName, '整改复查意见书', d.number),
        para(`${d.enterpriseName}：`),
        para(
          `本机关于 ${cnDate(d.issuedOn)} 对你单位下达《责令限期整改指令书》（${d.orderNumber}），整改期限至 ${cnDate(d.deadline)}。` +
            `经 ${cnDate(d.recheckedOn)} 复查，意见如下：`,
          { indent: true },
        ),
        ...(d.earlyReason ? [para(`提前复查理由：${d.earlyReason}`, { indent: true })] : []),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              children: [
                cell([para('序号', { bold: true })], 10),
                cell([para('整改项目', { bold: true })], 55),
                cell([para('复查结果', { bold: true })], 15),
                cell([para('说明', { bold: true })], 20),
              ],
            }),
            ...d.items.map(
              (it, i) =>
                new TableRow({
                  children: [
                    cell([para(String(i + 1))], 10),
                    cell([para(it.text)], 55),
                    cell([para(it.result)], 15),
                    cell([para(it.note ?? '')], 20),
                  ],
                }),
            ),
          ],
        }),
        para(`进一步处理意见：${d.furtherMeasures}`, { indent: true }),
        para(''),
        para(`复查人员（签字）：${d.inspectors.map((x) => `${x.name}（${x.certificateNo}）`).join('、') || '____________'}`),
        para('被复查单位负责人（签字）：____________________'),
        para(''),
        para(`${d.unitName}（印章）`, { align: 'right' }),
        para(cnDate(d.recheckedOn), { align: 'right' }),
      ]),
    ),
  );
}

export interface DecisionDoc {
  number: string;
  unitName: string;
  enterpriseName: string;
  address: string;
  legalRepresentative: string;
  facts: string;
  legalBasis: Array<{ article: string; summary: string }>;
  basisCitation: string;
  amount: number;
  decidedOn: string;
  majorHazard: boolean;
}

const yuan = (n: number) => `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;

export async function decisionDocx(d: DecisionDoc): Promise<Buffer> {
  return Buffer.from(
    await Packer.toBuffer(
      doc([
        ...header(d.unitName, '行政处罚决定书', d.number),
        formTable([
          ['被处罚单位', d.enterpriseName],
          ['地址', d.address || '—'],
          ['法定代表人', d.legalRepresentative || '—'],
        ]),
        para(`违法事实及证据：${d.facts}${d.majorHazard ? '（涉及重大事故隐患）' : ''}`, { indent: true }),
        para(`以上事实违反了${d.basisCitation}的规定。`, { indent: true }),
        ...d.legalBasis.map((b) => para(`${b.article}：${b.summary}`, { indent: true, size: 24 })),
        para(`依据${d.basisCitation}的规定，决定给予罚款人民币 ${yuan(d.amount)} 的行政处罚。`, { indent: true }),
        para(
          '罚款自收到本决定书之日起十五日内缴至指定银行。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。' +
            '如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，但本决定不停止执行，法律另有规定的除外。',
          { indent: true },
        ),
        para(''),
        para(`${d.unitName}（印章）`, { align: 'right' }),
        para(cnDate(d.decidedOn), { align: 'right' }),
      ]),
    ),
  );
}
