import { ledgerCellValue, ledgerColumnTitle, ledgerSheetColumns, ledgerStatusCell } from '@anzhi/core';
import { AppError } from '../../lib/errors.ts';
import { loadExcelJS } from '../../lib/exceljs.ts';
import type { LedgerObjectFull } from './ledger-object.repo.ts';
import type { ObjectTypeRow } from './ledger-type.repo.ts';

/** The most objects one export holds (a township's ledger of one type is hundreds to a few thousand). */
export const MAX_EXPORT_ROWS = 20_000;

/**
 * A type's ledger as .xlsx in the import's own layout: 名称, 所属企业 or 所在村（社区）, 地址, the type's fields by
 * label (required ones marked *), 标签码 and 状态 — edited and imported back, it changes the same objects.
 */
export async function ledgerWorkbook(type: ObjectTypeRow, objects: readonly LedgerObjectFull[]): Promise<Buffer> {
  const columns = ledgerSheetColumns(type);
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = '安治 AnZhi';
  const ws = wb.addWorksheet(type.name.replace(/[\\/?*[\]:]/g, '·').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: ledgerColumnTitle(c), key: String(i), width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  for (const o of objects) {
    ws.addRow(
      columns.map((c) => {
        switch (c.role) {
          case 'name':
            return o.name;
          case 'place':
            return type.anchor === 'enterprise' ? o.enterpriseName : o.regionName;
          case 'address':
            return o.address;
          case 'labelCode':
            return o.labelCode;
          case 'status':
            return ledgerStatusCell(o.status);
          default:
            return c.field ? ledgerCellValue(c.field, o.data[c.field.key]) : null;
        }
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const ledgerExportErrors = {
  tooMany: () => new AppError(413, 'ledger.export_too_many', `一次最多导出 ${MAX_EXPORT_ROWS} 个对象，请联系管理员分批导出`),
};
