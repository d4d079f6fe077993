// The campaign's papers as townships send them upward: the 情况报告 (.docx) and the 统计表 (.xlsx) — every number
// counted by campaign-progress (the same rows the progress page's lists open), through the caller's scope.
import { campaignScopeKindLabels, roundStatusLabels } from '@anzhi/core';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { loadExcelJS } from '../../lib/exceljs.ts';
import { chineseDate } from '../plans/plan-bulletin.ts';
import type { Figures } from './campaign-progress.repo.ts';
import { type CampaignReport, objectRowView } from './campaign-progress.service.ts';

const FONT = '仿宋';
const TITLE_FONT = '方正小标宋简体';
const HEADING_FONT = '黑体';

function para(text: string, opts: { size?: number; font?: string; align?: 'center' | 'right'; indent?: boolean } = {}) {
  return new Paragraph({
    alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { after: 120, line: 560 },
    indent: opts.indent ? { firstLine: 640 } : undefined,
    children: [new TextRun({ text, size: opts.size ?? 32, font: opts.font ?? FONT })],
  });
}
const body = (text: string) => para(text, { indent: true });
const heading = (text: string) => para(text, { font: HEADING_FONT, indent: true });

function table(header: string[], rows: Array<Array<string | number>>): Table {
  const cell = (v: string | number, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(v), size: 24, bold, font: FONT })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

export const rate = (covered: number, targets: number) => (targets ? `${((covered / targets) * 100).toFixed(1)}%` : '—');

function scopeText(r: CampaignReport): string {
  const villages = r.campaign.scope.villageCodes.length ? r.villages.map((v) => v.name).join('、') : `${r.townshipName}全域`;
  return `${campaignScopeKindLabels[r.campaign.scope.kind]}（${r.subject}），范围：${villages}`;
}

/** 关于XX专项整治工作开展情况的报告: 一、基本情况 二、工作开展情况 三、存在的问题 四、下一步工作. */
export async function summaryDocx(r: CampaignReport): Promise<Buffer> {
  const c = r.campaign;
  const begun = r.rounds.filter((x) => x.round.status !== 'planned');
  const name = c.title.replace(/(工作)?$/, '');
  const totals = begun.reduce(
    (t, x) => ({
      hazards: t.hazards + x.figures.hazards,
      closed: t.closed + x.figures.hazardsClosed,
      findings: t.findings + x.figures.findings,
    }),
    { hazards: 0, closed: 0, findings: 0 },
  );
  const children: Array<Paragraph | Table> = [
    para(`关于${name}工作开展情况的报告`, { font: TITLE_FONT, size: 44, align: 'center' }),
    heading('一、基本情况'),
    body(
      `${r.townshipName}开展${c.title}${c.basis ? `，依据${c.basis}` : ''}。检查对象为${scopeText(r)}；` +
        `共安排 ${r.rounds.length} 轮检查，已开展 ${begun.length} 轮；责任单位：${r.units.map((u) => u.name).join('、') || '无'}。` +
        `检查内容 ${c.checklist.length} 项。`,
    ),
    table(
      ['轮次', '起止时间', '状态'],
      r.rounds.map((x) => [
        x.round.title,
        `${chineseDate(x.round.startsOn)}至${chineseDate(x.round.dueOn)}`,
        roundStatusLabels[x.round.status],
      ]),
    ),
    heading('二、工作开展情况'),
  ];
  if (!begun.length) children.push(body('各轮检查尚未开始。'));
  for (const x of begun) {
    const f = x.figures;
    children.push(
      body(
        `${x.round.title}（${chineseDate(x.round.startsOn)}起${x.round.status === 'closed' ? `，${chineseDate(x.round.closedOn ?? x.round.dueOn)}结束` : '，正在进行'}）：` +
          `应检查${r.subject} ${f.targets} ${r.counter}，已检查 ${f.covered} ${r.counter}，覆盖率 ${rate(f.covered, f.targets)}；` +
          `发现问题 ${f.findings} ${r.counter}，形成隐患 ${f.hazards} 项，已整改销号 ${f.hazardsClosed} 项，整治销号 ${f.objectsCleared} ${r.counter}。`,
      ),
    );
  }
  children.push(
    body(`累计发现问题隐患 ${totals.hazards} 项，已整改销号 ${totals.closed} 项，${r.subject}整治销号 ${r.objectsCleared} ${r.counter}。`),
    heading('三、存在的问题'),
  );
  const current = begun[begun.length - 1];
  const uncovered = current ? current.figures.targets - current.figures.covered : 0;
  children.push(
    body(
      `一是覆盖尚不全面：${current ? `${current.round.title}尚有 ${uncovered} ${r.counter}${r.subject}未检查` : '检查尚未开始'}，` +
        `${r.neverReached.total} ${r.counter}从未检查到${
          r.neverReached.rows.length
            ? `（${r.neverReached.rows
                .slice(0, 10)
                .map((o) => o.name)
                .join('、')}${r.neverReached.total > 10 ? '等' : ''}）`
            : ''
        }。`,
    ),
    body(`二是隐患整改仍需加快：尚有 ${r.openHazards.open} 项隐患未销号，其中 ${r.openHazards.overdue} 项已超过整改期限。`),
    heading('四、下一步工作'),
  );
  const open = r.rounds.filter((x) => x.round.status === 'open');
  if (!open.length)
    children.push(body(c.status === 'closed' ? '本次专项整治已结束，将持续跟踪未销号隐患直至整改到位。' : '按计划组织开展下一轮检查。'));
  for (const x of open) {
    const left = x.figures.targets - x.figures.covered;
    children.push(
      body(
        `抓紧推进${x.round.title}检查，于${chineseDate(x.round.dueOn)}前完成剩余 ${left} ${r.counter}${r.subject}的检查，督促发现的问题隐患按期整改销号。`,
      ),
    );
  }
  children.push(para(r.townshipName, { align: 'right' }), para(chineseDate(r.today), { align: 'right' }));
  const doc = new Document({ sections: [{ children }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

const perRoundHeaders = ['应检查', '已检查', '覆盖率', '发现问题', '隐患数', '已销号', '未销号'];
const perRoundCells = (f: Pick<Figures, 'targets' | 'covered' | 'findings' | 'hazards' | 'hazardsClosed'>) => [
  f.targets,
  f.covered,
  rate(f.covered, f.targets),
  f.findings,
  f.hazards,
  f.hazardsClosed,
  f.hazards - f.hazardsClosed,
];

/** 统计表: one row per village and a 合计 row, seven columns per round; a second sheet with every object. */
export async function statisticsXlsx(r: CampaignReport): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('统计表');
  const width = 2 + perRoundHeaders.length * r.rounds.length;
  ws.addRow([`${r.campaign.title}统计表`]);
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.addRow([`统计日期：${r.today}`]);
  const top = ws.addRow(['序号', '村（社区）', ...r.rounds.flatMap((x) => [x.round.title, ...Array(perRoundHeaders.length - 1).fill('')])]);
  for (let i = 0; i < r.rounds.length; i++)
    ws.mergeCells(top.number, 3 + i * perRoundHeaders.length, top.number, 2 + (i + 1) * perRoundHeaders.length);
  ws.addRow(['', '', ...r.rounds.flatMap(() => perRoundHeaders)]);
  const zero = { targets: 0, covered: 0, findings: 0, hazards: 0, hazardsClosed: 0 };
  const keys = [...r.villages.map((v) => ({ code: v.code, name: v.name }))];
  for (const x of r.rounds)
    for (const v of x.byVillage) if (!keys.some((k) => k.code === v.key)) keys.push({ code: v.key, name: v.name || v.key });
  keys.forEach((k, i) => {
    ws.addRow([i + 1, k.name, ...r.rounds.flatMap((x) => perRoundCells(x.byVillage.find((v) => v.key === k.code) ?? zero))]);
  });
  ws.addRow(['合计', '', ...r.rounds.flatMap((x) => perRoundCells(x.figures))]);
  ws.getColumn(2).width = 18;

  const objects = wb.addWorksheet('对象明细');
  objects.addRow(['轮次', '村（社区）', `${r.subject}名称`, '所属企业', '检查情况', '检查时间', '检查人', '不符合项', '隐患编号']);
  for (const x of r.rounds) {
    for (const o of x.objects.map(objectRowView)) {
      objects.addRow([
        x.round.title,
        o.regionName,
        o.name,
        o.enterpriseName ?? '',
        o.checkId ? '已检查' : '未检查',
        o.checkedAt ? o.checkedAt.slice(0, 10) : '',
        o.checkedByName ?? '',
        o.failed,
        o.hazardIds.join('、'),
      ]);
    }
  }
  objects.getColumn(3).width = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
