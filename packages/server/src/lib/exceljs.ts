/**
 * exceljs, loaded on first use: it is the heaviest import of the server (about a second of start-up on a busy
 * 2-core machine) and only imports and exports need it. Types come from `import type ExcelJS from 'exceljs'`.
 */
export async function loadExcelJS() {
  return (await import('exceljs')).default;
}
