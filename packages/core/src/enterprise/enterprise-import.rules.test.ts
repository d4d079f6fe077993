import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from './credit-code.rules.ts';
import { columnValue, type EnterpriseColumn, type ExportSource, enterpriseColumns } from './enterprise-columns.dict.ts';
import {
  columnForHeader,
  displayHeader,
  findDuplicateRows,
  locateHeaderRow,
  mapHeaderRow,
  parseEnterpriseRow,
  parseEnterpriseSheet,
} from './enterprise-import.rules.ts';
import { cellText, excelSerialToDate, parseCell, parseDateCell } from './import-cell.rules.ts';

const code = (n: number) => {
  const first = `91330110MA${String(n).padStart(7, '0')}`;
  return first + creditCodeCheckChar(first);
};
const column = (field: string) => enterpriseColumns.find((c) => c.field === field) as EnterpriseColumn;

describe('headers', () => {
  it.each([
    ['企业名称', 'name'],
    ['单位名称', 'name'],
    ['＊生产经营单位名称（必填）', 'name'],
    ['统一社会\n信用代码', 'creditCode'],
    ['组织机构代码', 'creditCode'],
    ['法人', 'legalRepresentative'],
    ['法人电话', 'legalRepresentativePhone'],
    ['联系电话', 'principalPhone'],
    ['安全员', 'safetyManager'],
    ['村（社区）', 'region'],
    ['所属村(社区)', 'region'],
    ['所属区划', 'region'],
    ['行业大类', 'industryCode'],
    ['四涉一有限一使用', 'flags'],
    ['从业人数（人）', 'employees'],
    ['保险到期', 'insuranceExpiry'],
    ['所在厂区', 'landlord'],
    ['经度', 'longitude'],
  ])('maps “%s” to %s', (header, field) => {
    expect(columnForHeader(header)?.field).toBe(field);
  });

  it('reports the header as written, without line breaks or 必填 markers', () => {
    expect(displayHeader('＊单位名称（必填）')).toBe('单位名称');
    expect(displayHeader('主要负责人\n电话 ')).toBe('主要负责人电话');
  });

  it('lists unknown and repeated headers as ignored, never as errors', () => {
    const m = mapHeaderRow(['序号', '企业名称', '备注', '负责人', '主要负责人', null, '']);
    expect(m.columns.map((c) => c.column.field)).toEqual(['name', 'principal']);
    expect(m.ignoredColumns).toEqual(['序号', '备注', '主要负责人']);
  });

  it('finds the header row below title rows, within the first 10 rows', () => {
    const rows = [
      ['示例镇企业安全生产台账（2026年）', '示例镇企业安全生产台账（2026年）'],
      [],
      ['序号', '单位名称', '地址'],
      ['1', '甲厂', '东村'],
    ];
    expect(locateHeaderRow(rows)?.index).toBe(2);
    // The name column is required, and one known header alone is a title, not a header.
    expect(locateHeaderRow([['地址', '法人']])).toBeNull();
    expect(locateHeaderRow([['企业名称']])).toBeNull();
    expect(locateHeaderRow([...Array.from({ length: 10 }, () => ['x']), ['企业名称', '地址']])).toBeNull();
  });
});

describe('cells', () => {
  it('trims, makes full-width digits and letters half-width, reads numbers as text', () => {
    expect(cellText('  东村　化工  ')).toBe('东村 化工');
    expect(cellText('ＡＢＣ１２３（有限）')).toBe('ABC123（有限）');
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellText('')).toBeNull();
    expect(cellText('   ')).toBeNull();
  });

  it.each([
    ['2025年6月30日', '2025-06-30'],
    ['2025.6.30', '2025-06-30'],
    ['2025/06/30', '2025-06-30'],
    ['2025-6-3', '2025-06-03'],
    ['20250630', '2025-06-30'],
    ['２０２５年６月３０日', '2025-06-30'],
    ['2025-06-30 00:00:00', '2025-06-30'],
  ])('reads the date “%s”', (text, iso) => {
    expect(parseDateCell(text)).toBe(iso);
  });

  it('reads Excel serial dates, JS dates and 8-digit numbers', () => {
    expect(excelSerialToDate(45838)).toBe('2025-06-30');
    expect(parseDateCell(45838)).toBe('2025-06-30');
    expect(parseDateCell(20250630)).toBe('2025-06-30');
    expect(parseDateCell(new Date(Date.UTC(2025, 5, 30)))).toBe('2025-06-30');
    expect(parseDateCell(new Date(Date.UTC(2025, 5, 30) - 1))).toBe('2025-06-30');
  });

  it('refuses impossible dates with the text as written', () => {
    expect(parseCell(column('insuranceExpiry'), '2025年2月30日')).toEqual({
      error: '无法识别的日期“2025年2月30日”，应为 2026-06-30 这样的日期',
    });
    expect(parseCell(column('insuranceExpiry'), '长期')).toHaveProperty('error');
  });

  it('reads industries as code, section+code or name', () => {
    for (const v of ['26', 'C26', 'C 26', '化学原料和化学制品制造业', 'C26 化学原料和化学制品制造业', 26]) {
      expect(parseCell(column('industryCode'), v)).toEqual({ value: '26' });
    }
    expect(parseCell(column('industryCode'), 6)).toEqual({ value: '06' });
    expect(parseCell(column('industryCode'), 'A26')).toHaveProperty('error');
    expect(parseCell(column('industryCode'), '制造业')).toEqual({
      error: '“制造业”是行业门类，请填写行业大类（如 C26 化学原料和化学制品制造业）',
    });
  });

  it('reads Chinese labels of enums and lists', () => {
    expect(parseCell(column('riskLevel'), '橙')).toEqual({ value: 'high' });
    expect(parseCell(column('riskLevel'), '重大风险')).toEqual({ value: 'major' });
    expect(parseCell(column('scale'), '规模以上')).toEqual({ value: 'aboveSize' });
    expect(parseCell(column('standardisationLevel'), '安全生产标准化三级')).toEqual({ value: 'level3' });
    expect(parseCell(column('status'), '停业整顿')).toEqual({ value: 'rectifying' });
    expect(parseCell(column('domains'), '工贸，机械、 危险化学品')).toEqual({
      value: ['industryTrade', 'machinery', 'hazardousChemicals'],
    });
    expect(parseCell(column('flags'), '涉爆粉尘；有限空间作业')).toEqual({ value: ['dustExplosion', 'confinedSpace'] });
    expect(parseCell(column('domains'), '工贸、化工行业')).toEqual({ error: '无法识别“化工行业”' });
    expect(parseCell(column('status'), '营业中')).toEqual({ error: '无法识别“营业中”，应为 在营、停产、停业整顿、关闭取缔 之一' });
    expect(parseCell(column('employees'), '35人')).toEqual({ value: 35 });
    expect(parseCell(column('employees'), 3.5)).toHaveProperty('error');
  });
});

describe('rows', () => {
  const mapping = mapHeaderRow(['企业名称', '统一社会信用代码', '主要负责人电话', '所属村（社区）', '从业人数', '经营状态', '行业领域']);

  it('keeps only the file’s own columns, and hands the region name to the server', () => {
    const r = parseEnterpriseRow([' 东村化工 ', code(1).toLowerCase(), '138 0013 8000', '东村', 12, '', ''], mapping);
    expect(r.errors).toEqual([]);
    expect(r.input).toEqual({ name: '东村化工', creditCode: code(1), principalPhone: '13800138000', employees: 12, domains: [] });
    expect(r.regionName).toBe('东村');
  });

  it('names the column and the reason in Chinese (GB 32100 check character, phone, required name)', () => {
    const good = code(2);
    const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const r = parseEnterpriseRow(['', wrong, '12345', '东村', -1, '营业中', '危化品'], mapping);
    expect(r.input).toBeUndefined();
    expect(r.errors).toEqual([
      { column: '企业名称', message: '企业名称：必填' },
      { column: '统一社会信用代码', message: `统一社会信用代码：校验位应为 ${good[17]}，实际为 ${wrong[17]}` },
      { column: '主要负责人电话', message: '主要负责人电话：应为 11 位手机号或带区号的固定电话' },
      { column: '从业人数', message: '从业人数：不能为负数' },
      { column: '经营状态', message: '经营状态：无法识别“营业中”，应为 在营、停产、停业整顿、关闭取缔 之一' },
    ]);
  });

  it('reports a second row with the same credit code, or the same name and address', () => {
    const m = mapHeaderRow(['单位名称', '信用代码', '地址']);
    const errors = findDuplicateRows(
      [
        { row: 4, input: { name: '甲厂', creditCode: code(3) } },
        { row: 5, input: { name: '示例镇（东村）塑料厂', address: '工业路8号' } },
        { row: 6, input: { name: '甲厂二', creditCode: code(3) } },
        { row: 7, input: { name: '示例镇(东村)塑料厂', address: '工业路 8 号' } },
      ],
      m,
    );
    expect(errors).toEqual([
      { row: 6, column: '信用代码', message: '与第 4 行重复（同一统一社会信用代码）' },
      { row: 7, column: '单位名称', message: '与第 5 行重复（同一企业名称和地址）' },
    ]);
  });

  it('parses a sheet: skips blank rows, counts data rows, numbers rows as Excel does', () => {
    const sheet = parseEnterpriseSheet([
      { row: 1, cells: ['台账'] },
      { row: 3, cells: ['序号', '企业名称', '从业人数'] },
      { row: 4, cells: [1, '甲厂', 3] },
      { row: 5, cells: [2, null, null] },
      { row: 6, cells: [3, '乙厂', 'x'] },
    ]);
    expect(sheet?.headerRow).toBe(3);
    expect(sheet?.dataRows).toBe(2);
    expect(sheet?.rows.map((r) => r.row)).toEqual([4]);
    expect(sheet?.errors).toEqual([{ row: 6, column: '从业人数', message: '从业人数：应为整数，如 35，实际为“x”' }]);
    expect(sheet?.mapping.ignoredColumns).toEqual(['序号']);
  });
});

describe('export values', () => {
  it('writes labels that the import reads back to the same values', () => {
    const e = {
      name: '东村化工',
      status: 'operating',
      domains: ['hazardousChemicals', 'industryTrade'],
      flags: ['majorHazardSource'],
      industryCode: '26',
      riskLevel: 'high',
      standardisationLevel: 'small',
      smallVenueType: 'restaurant',
      regionName: '东村',
      landlordName: null,
      supervisingUnitName: '应急办',
    } as unknown as ExportSource;
    for (const c of enterpriseColumns) {
      const value = columnValue(c, e);
      const back = parseCell(c, value);
      if (['region', 'landlord', 'supervisingUnit'].includes(c.field)) continue;
      expect(back, c.header).toEqual({ value: e[c.field as keyof ExportSource] ?? (c.kind === 'list' ? [] : null) });
    }
    expect(columnValue(column('industryCode'), e)).toBe('C26 化学原料和化学制品制造业');
    expect(columnValue(column('domains'), e)).toBe('危险化学品、工贸');
  });
});
