import { PassThrough, type Readable } from 'node:stream';
import { type ColumnField, columnValue, creditCodeCheckChar, type ExportSource, enterpriseColumns, scopeCoversRegion } from '@anzhi/core';
import type ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { loadExcelJS } from '../../lib/exceljs.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { type EnterpriseFilter, enterpriseWhere } from './enterprise.repo.ts';
import { enterpriseIoRepo } from './enterprise-io.repo.ts';

const BATCH = 1000;
const headerFont = { bold: true };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function sheetColumns(): Partial<ExcelJS.Column>[] {
  return enterpriseColumns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
}

function rowValues(e: ExportSource): Record<string, string | number | null> {
  return Object.fromEntries(enterpriseColumns.map((c) => [c.field, columnValue(c, e)]));
}

/** Content-Disposition for a Chinese file name: an ASCII fallback and the RFC 5987 UTF-8 form. */
export function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function createEnterpriseExport(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    fileDate: () => chinaToday(clock.now()).replaceAll('-', ''),

    /**
     * The registry as .xlsx with the import's own headers, filtered as the list is. Rows are read in keyset pages
     * and written with exceljs' streaming writer, so 100k enterprises never sit in memory at once.
     */
    async workbook(actor: Actor, filter: EnterpriseFilter): Promise<Readable> {
      const where = enterpriseWhere(actor.scope, filter, chinaToday(clock.now()));
      // The first page is read before answering, so a failing query is still a proper error response.
      let batch = await enterpriseIoRepo.exportBatch(db, where, 0, BATCH);
      const stream = new PassThrough();
      const Excel = await loadExcelJS();
      const wb = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
      wb.creator = '安治 AnZhi';
      const ws = wb.addWorksheet('企业台账', { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = sheetColumns();
      const header = ws.getRow(1);
      header.font = headerFont;
      header.fill = headerFill;
      header.commit();
      (async () => {
        while (batch.length > 0) {
          for (const e of batch) ws.addRow(rowValues(e as unknown as ExportSource)).commit();
          if (batch.length < BATCH) break;
          batch = await enterpriseIoRepo.exportBatch(db, where, (batch[batch.length - 1] as { id: number }).id, BATCH);
        }
        ws.commit();
        await wb.commit();
      })().catch((err) => stream.destroy(err));
      return stream;
    },

    /** An empty ledger with the headers, one example row and a sheet explaining what each column takes. */
    async template(actor: Actor): Promise<Buffer> {
      const regions = (await regionRepo.list(db, actor.scope)).filter(
        (r) => r.level === 'village' && scopeCoversRegion(actor.scope, r.code),
      );
      const Excel = await loadExcelJS();
      const wb = new Excel.Workbook();
      wb.creator = '安治 AnZhi';
      const ws = wb.addWorksheet('企业台账', { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = sheetColumns();
      ws.getRow(1).font = headerFont;
      ws.getRow(1).fill = headerFill;
      const first17 = '91339901MA2H0C0A1';
      const example: Partial<Record<ColumnField, string | number>> = {
        name: '（示例）东村精细化工有限公司',
        creditCode: first17 + creditCodeCheckChar(first17),
        region: regions[0]?.name ?? '东村',
        address: '东村工业路 8 号',
        status: '在营',
        scale: '规上',
        employees: 86,
        legalRepresentative: '张明',
        legalRepresentativePhone: '13800138001',
        principal: '张明',
        principalPhone: '13800138001',
        safetyManager: '李安',
        safetyManagerPhone: '0571-88880001',
        industryCode: 'C26 化学原料和化学制品制造业',
        domains: '危险化学品',
        flags: '危险化学品使用、有限空间作业',
        standardisationLevel: '三级',
        standardisationExpiry: '2027-06-30',
        insurer: '中国人民财产保险',
        insurancePolicyNo: 'PICC2026001',
        insuranceExpiry: '2026-12-31',
        riskLevel: '较大风险',
      };
      const row = ws.addRow(example);
      row.font = { color: { argb: 'FF888888' }, italic: true };
      const notes = wb.addWorksheet('填写说明');
      notes.columns = [
        { header: '列名', key: 'header', width: 20 },
        { header: '也认的列名', key: 'synonyms', width: 50 },
        { header: '可填的值', key: 'values', width: 80 },
      ];
      notes.getRow(1).font = headerFont;
      notes.addRow({
        header: '说明',
        values: '第 2 行是示例，导入前请删除。表头可以在前 10 行内，上面可以有标题行；日期可写 2026-06-30、2026年6月30日、2026.6.30。',
      });
      for (const c of enterpriseColumns) {
        const values = c.labels
          ? Object.values(c.labels)
              .map((l) => l[0])
              .join('、')
          : '';
        notes.addRow({ header: c.header, synonyms: c.synonyms.join('、'), values });
      }
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}

export type EnterpriseExport = ReturnType<typeof createEnterpriseExport>;
