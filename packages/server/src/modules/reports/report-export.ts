import {
  type ReportChannel,
  type ReportListFilters,
  type ReportMatter,
  type ReportSource,
  type ReportStatus,
  reportChannelLabels,
  reportIsOverdue,
  reportMatterLabels,
  reportSourceLabels,
  reportStatusLabels,
} from '@anzhi/core';
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { loadExcelJS } from '../../lib/exceljs.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { reports } from './report.table.ts';
import { reportFilterSql } from './report-filters.sql.ts';

/** The export's budget: a larger list is refused with a Chinese 400 asking for narrower filters. */
export const reportExportMaxRows = 20_000;

/**
 * The report list as an .xlsx (the list's filters). The reporter's name and phone are never read here: only whether
 * the report is 实名. The description is included: it is what was reported.
 */
export function createReportExportService(deps: { readDb: Db; clock: Clock }) {
  const { readDb, clock } = deps;

  async function rows(actor: Actor, filters: ReportListFilters) {
    const today = chinaToday(clock.now());
    const where = reportFilterSql(actor.scope, filters, today);
    const [total] = await readDb.select({ n: count() }).from(reports).where(where);
    if ((total?.n ?? 0) > reportExportMaxRows)
      throw errors.badRequest('report.export_too_large', `导出不能超过 ${reportExportMaxRows} 条（本次 ${total?.n} 条），请缩小筛选范围`);
    const list = await readDb
      .select({
        trackingCode: reports.trackingCode,
        receivedAt: reports.receivedAt,
        acceptedOn: reports.acceptedOn,
        dueOn: reports.dueOn,
        decidedOn: reports.decidedOn,
        channel: reports.channel,
        source: reports.source,
        matter: reports.matter,
        enterpriseName: sql<string | null>`coalesce(${enterprises.name}, ${reports.enterpriseName})`,
        place: reports.place,
        regionName: regions.name,
        unitName: units.name,
        status: reports.status,
        named: reports.named,
        description: reports.description,
        hazardId: reports.hazardId,
      })
      .from(reports)
      .leftJoin(enterprises, eq(enterprises.id, reports.enterpriseId))
      .leftJoin(regions, eq(regions.code, reports.regionCode))
      .leftJoin(units, eq(units.id, reports.assignedUnitId))
      .where(where)
      .orderBy(asc(reports.receivedAt), asc(reports.id));
    return { today, list };
  }

  async function xlsx(actor: Actor, filters: ReportListFilters): Promise<Buffer> {
    const { today, list } = await rows(actor, filters);
    const Excel = await loadExcelJS();
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet('举报清单', { views: [{ state: 'frozen', ySplit: 1 }] });
    const day = (d: Date) => chinaToday(d);
    type Row = (typeof list)[number];
    const columns: Array<[string, number, (r: Row) => string | number]> = [
      ['查询码', 16, (r) => r.trackingCode],
      ['收到日期', 12, (r) => day(r.receivedAt)],
      ['受理日期', 12, (r) => r.acceptedOn ?? ''],
      ['核查期限', 12, (r) => r.dueOn ?? ''],
      ['办结日期', 12, (r) => r.decidedOn ?? ''],
      ['渠道', 12, (r) => reportChannelLabels[r.channel as ReportChannel] ?? r.channel],
      ['受理方式', 16, (r) => reportSourceLabels[r.source as ReportSource] ?? r.source],
      ['举报事项', 18, (r) => (r.matter ? reportMatterLabels[r.matter as ReportMatter] : '')],
      ['被举报企业', 26, (r) => r.enterpriseName ?? ''],
      ['地点', 20, (r) => r.place ?? ''],
      ['区域', 12, (r) => r.regionName ?? ''],
      ['承办单位', 22, (r) => r.unitName ?? '未交办'],
      ['办理状态', 12, (r) => reportStatusLabels[r.status as ReportStatus] ?? r.status],
      ['是否超期', 10, (r) => (reportIsOverdue({ status: r.status as ReportStatus, dueOn: r.dueOn }, today) ? '超期' : '')],
      ['实名', 8, (r) => (r.named ? '是' : '否')],
      ['关联隐患', 10, (r) => (r.hazardId ? `#${r.hazardId}` : '')],
      ['举报内容', 60, (r) => r.description],
    ];
    ws.addRow(columns.map(([h]) => h)).font = { bold: true };
    columns.forEach(([, width], i) => {
      ws.getColumn(i + 1).width = width;
    });
    for (const r of list) ws.addRow(columns.map(([, , value]) => value(r)));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  return { rows, xlsx };
}

export type ReportExportService = ReturnType<typeof createReportExportService>;
