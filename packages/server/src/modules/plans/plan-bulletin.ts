// 季通报 (.docx): the quarter's progress, each unit's completed and overdue tasks, the 五色图 ranking and the problems
// found — every number from the records, in the wording of a township bulletin the office can still edit.
import {
  type PlanCounts,
  type PlanDateRef,
  type PlanRankingRow,
  type PlanRankings,
  type PlanTaskStatus,
  planColourLabels,
  planColours,
} from '@anzhi/core';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Ledger } from './plan-ledger.ts';
import { assigneeName, collapsed } from './plan-progress.ts';

const FONT = '仿宋';
const TITLE_FONT = '方正小标宋简体';
const HEADING_FONT = '黑体';

function para(text: string, opts: { size?: number; bold?: boolean; font?: string; align?: 'center' | 'right'; indent?: boolean } = {}) {
  return new Paragraph({
    alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { after: 120, line: 560 },
    indent: opts.indent ? { firstLine: 640 } : undefined,
    children: [new TextRun({ text, size: opts.size ?? 32, bold: opts.bold, font: opts.font ?? FONT })],
  });
}

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

export const chineseDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`);

export interface BulletinInput {
  ledger: Ledger;
  statuses: Map<number, PlanTaskStatus>;
  counts: PlanCounts;
  rankings: PlanRankings;
  /** e.g. 2026Q3, and the months of it up to now. */
  quarter: string;
  periods: string[];
  asOf: string;
  issuer: string;
  today: string;
}

function scoreRows(rows: readonly PlanRankingRow[]) {
  return rows.map((r) => [
    r.rank,
    r.name,
    r.tasks,
    r.done,
    r.overdueOpen,
    r.timelyReportingApplies ? `${r.reportsOnTime}/${r.reportsDue}` : '不适用',
    r.score,
    r.colourLabel,
  ]);
}

function colourLines(rows: readonly PlanRankingRow[], what: string): Paragraph[] {
  return planColours
    .slice()
    .reverse()
    .map((c) => ({ c, names: rows.filter((r) => r.colour === c).map((r) => r.name) }))
    .filter((x) => x.names.length)
    .map((x) => para(`${planColourLabels[x.c]}色${what}（${x.names.length} 个）：${x.names.join('、')}。`, { indent: true }));
}

/** The problems section: overdue tasks, late or missing reports, and the problems units wrote in the quarter. */
function problems(input: BulletinInput): string[] {
  const { ledger, statuses, rankings, periods } = input;
  const out: string[] = [];
  const overdue = ledger.tasks.filter((t) => statuses.get(t.id) === 'overdue');
  for (const t of overdue.slice(0, 20)) {
    const lead = collapsed(t, 'lead', ledger.names).map((a) => a.name);
    const when = (t.deadlines as PlanDateRef[]).map((d) => d.raw).join('、');
    out.push(`“${t.ordinal}${t.title}”${lead.length ? `（牵头：${lead.join('、')}）` : ''}已过时限（${when}），尚未完成。`);
  }
  if (overdue.length > 20) out.push(`另有 ${overdue.length - 20} 项逾期任务，详见挂图作战表。`);
  for (const r of [...rankings.units, ...rankings.villages]) {
    if (!r.timelyReportingApplies) continue;
    const missed = r.reportsDue - r.reportsOnTime;
    if (missed > 0) out.push(`${r.name}截至本季度末有 ${missed} 次月调度未按时报送。`);
  }
  const written = ledger.reports.filter((r) => periods.includes(r.period) && r.problems.trim());
  for (const r of written) out.push(`${assigneeName(r.assigneeKey, ledger.names, ledger.villages)}反映：${r.problems.trim()}`);
  return out;
}

export async function bulletinDocx(input: BulletinInput): Promise<Buffer> {
  const { ledger, counts, rankings, quarter } = input;
  const [year, q] = quarter.split('Q');
  const rate = counts.tasks ? Math.round((counts.done / counts.tasks) * 1000) / 10 : 0;
  const quarterReports = ledger.reports.filter((r) => input.periods.includes(r.period));
  const late = quarterReports.filter((r) => r.late).length;
  // The ledger reads only reports that count (core countsAsReport): cards saved untouched are not 收到的报送.
  const unchanged = quarterReports.filter((r) => r.filing === 'noChange').length;
  const found = problems(input);
  const header = ['名次', '单位', '承担任务', '已完成', '逾期未完成', '按时报送/应报', '得分', '等次'];
  const children = [
    para(`关于《${ledger.plan.title}》${year}年第${q}季度推进情况的通报`, { size: 40, font: TITLE_FONT, align: 'center' }),
    para(''),
    para('各村（社区），镇安委会各成员单位：'),
    para(
      `按照月调度、季通报工作要求，现将${year}年第${q}季度方案推进情况通报如下（数据截至${chineseDate(input.asOf)}，来自各单位在安治平台报送的月调度）。`,
      { indent: true },
    ),
    heading('一、总体进展'),
    para(
      `方案共 ${counts.tasks} 项任务，已完成 ${counts.done} 项，推进中 ${counts.inProgress} 项，滞后 ${counts.lagging} 项，逾期未完成 ${counts.overdue} 项，` +
        `未启动 ${counts.notStarted} 项，完成率 ${rate}%。本季度共收到月调度报送 ${quarterReports.length} 条` +
        `（其中确认本月无新进展 ${unchanged} 条），超过报送日报送 ${late} 条。`,
      { indent: true },
    ),
    heading('二、各单位任务完成情况'),
    table(header, scoreRows(rankings.units)),
    ...(rankings.villages.length ? [para(''), para('各村（社区）：', { indent: true }), table(header, scoreRows(rankings.villages))] : []),
    heading('三、五色图排名'),
    para(
      `按照按期完成率（权重 ${rankings.scoring.weights.onTimeCompletion}）、按时报送率（权重 ${rankings.scoring.weights.timelyReporting}）、` +
        `逾期未完成事项（权重 ${rankings.scoring.weights.noOverdue}）综合计分（各村（社区）不承担月调度报送，按时报送不适用，按其余两项计分），${rankings.scoring.thresholds.green} 分及以上为绿色，` +
        `${rankings.scoring.thresholds.blue} 分及以上为蓝色，${rankings.scoring.thresholds.yellow} 分及以上为黄色，${rankings.scoring.thresholds.orange} 分及以上为橙色，其余为红色。`,
      { indent: true },
    ),
    ...colourLines(rankings.units, '单位'),
    ...colourLines(rankings.villages, '村（社区）'),
    heading('四、存在问题'),
    ...(found.length ? found.map((t, i) => para(`${i + 1}. ${t}`, { indent: true })) : [para('本季度未发现突出问题。', { indent: true })]),
    heading('五、下步工作要求'),
    para('各单位要对照任务清单和时间节点，逐项梳理进展，对逾期未完成的任务明确整改时限和责任人，确保按期完成。', { indent: true }),
    para('各单位须于每月报送日前如实报送月调度，佐证材料齐全；对连续两次红色、橙色的单位，镇安委办将予以约谈。', { indent: true }),
    para(''),
    para(input.issuer, { align: 'right' }),
    para(chineseDate(input.today), { align: 'right' }),
  ];
  const doc = new Document({
    sections: [{ properties: { page: { margin: { top: 2000, bottom: 1800, left: 1600, right: 1500 } } }, children }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
