import { type PlanColour, type PlanRankingRow, type PlanRankings, planColourLabels, planColours } from '@anzhi/core';
import { colourHex, colourInk, periodLabel } from '../plan-labels.ts';
import { zipStore } from './zip-store.ts';

/** The 五色图 as a workbook a clerk can still edit: one sheet for units, one for villages, the band cell coloured. */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

const HEADERS = ['名次', '名称', '色档', '得分', '任务数', '已完成', '按期完成', '应报送', '按时报送', '逾期未完成'];
const WIDTHS = [8, 30, 8, 10, 10, 10, 10, 10, 10, 12];

// Cell styles (cellXfs): 0 default, 1 title, 2 header, 3 bordered, 4.. one per colour band.
const STYLE_TITLE = 1;
const STYLE_HEADER = 2;
const STYLE_CELL = 3;
const colourStyle = (c: PlanColour) => 4 + planColours.indexOf(c);

function stylesXml(): string {
  const fills = planColours.map(
    (c) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb(colourHex[c])}"/></patternFill></fill>`,
  );
  const fonts = planColours.map((c) => `<font><b/><sz val="11"/><color rgb="${argb(colourInk[c])}"/><name val="宋体"/></font>`);
  const border = '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';
  const center = '<alignment horizontal="center" vertical="center"/>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="${3 + fonts.length}"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="16"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font>${fonts.join('')}</fonts>
<fills count="${3 + fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/></patternFill></fill>${fills.join('')}</fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${border}</borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="${4 + planColours.length}">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">${center}</xf>
<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${center}</xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">${center}</xf>
${planColours.map((_, i) => `<xf numFmtId="0" fontId="${3 + i}" fillId="${3 + i}" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${center}</xf>`).join('\n')}
</cellXfs>
</styleSheet>`;
}

const col = (i: number) => String.fromCharCode(65 + i);

function cell(ref: string, value: string | number, style: number): string {
  if (typeof value === 'number') return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t>${esc(value)}</t></is></c>`;
}

function sheetXml(title: string, rows: readonly PlanRankingRow[]): string {
  const lines: string[] = [];
  lines.push(`<row r="1" ht="28" customHeight="1">${cell('A1', title, STYLE_TITLE)}</row>`);
  lines.push(`<row r="2">${HEADERS.map((h, i) => cell(`${col(i)}2`, h, STYLE_HEADER)).join('')}</row>`);
  rows.forEach((r, i) => {
    const n = i + 3;
    const values: Array<string | number> = [
      r.rank,
      r.name,
      r.colourLabel || planColourLabels[r.colour],
      r.score,
      r.tasks,
      r.done,
      r.doneOnTime,
      r.timelyReportingApplies ? r.reportsDue : '不适用',
      r.timelyReportingApplies ? r.reportsOnTime : '不适用',
      r.overdueOpen,
    ];
    lines.push(
      `<row r="${n}">${values.map((v, j) => cell(`${col(j)}${n}`, v, j === 2 ? colourStyle(r.colour) : STYLE_CELL)).join('')}</row>`,
    );
  });
  const cols = WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<cols>${cols}</cols>
<sheetData>${lines.join('')}</sheetData>
<mergeCells count="1"><mergeCell ref="A1:${col(HEADERS.length - 1)}1"/></mergeCells>
</worksheet>`;
}

export function rankingsWorkbook(planTitle: string, rankings: PlanRankings): Blob {
  const sheets = [
    { name: '成员单位', rows: rankings.units },
    { name: '村（社区）', rows: rankings.villages },
  ];
  const when = periodLabel(rankings.period);
  const enc = new TextEncoder();
  const files: Array<[string, string]> = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', stylesXml()],
    ...sheets.map((s, i): [string, string] => [
      `xl/worksheets/sheet${i + 1}.xml`,
      sheetXml(`${planTitle} ${when}五色图（${s.name}）`, s.rows),
    ]),
  ];
  const zip = zipStore(files.map(([name, xml]) => ({ name, data: enc.encode(xml) })));
  return new Blob([zip as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
