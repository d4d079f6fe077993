import { cellText, type RawCell, toHalfWidth } from '../enterprise/import-cell.rules.ts';
import {
  type CheckCycle,
  checkCycleLabels,
  checkCycles,
  type MeasureKind,
  measureKindLabels,
  measureKinds,
  type RiskPointKind,
  riskPointKindLabels,
  riskPointKinds,
} from './dual.dict.ts';
import type { RiskAssessmentInput } from './risk-assessment.rules.ts';
import { assessmentInputError } from './risk-assessment.rules.ts';

/**
 * The risk chain as one sheet (import and export): one row per 管控措施 with the names of its point, unit and event,
 * the assessment factors, and the measure's check task as 排查周期 / 责任岗位 / 责任人. Ledgers merge or leave blank the
 * point, unit and event cells of following rows: a blank one takes the row above's.
 */
export const riskSheetColumns = [
  { key: 'point', header: '风险点名称', synonyms: ['风险分析对象', '对象名称', '风险点', '风险点(对象)名称'], width: 18 },
  { key: 'kind', header: '对象类型', synonyms: ['风险点类型', '类型'], width: 10 },
  { key: 'location', header: '所在位置', synonyms: ['位置', '区域', '所在区域'], width: 14 },
  { key: 'unit', header: '风险分析单元', synonyms: ['单元名称', '分析单元', '风险单元'], width: 16 },
  { key: 'event', header: '风险事件', synonyms: ['事件名称', '风险事件名称', '危险源', '危害因素'], width: 22 },
  { key: 'consequence', header: '可能导致的后果', synonyms: ['事故类型', '可能导致的事故', '后果'], width: 14 },
  { key: 'method', header: '评估方法', synonyms: ['评价方法', '风险评价方法'], width: 10 },
  { key: 'l', header: 'L', synonyms: ['L值', '可能性'], width: 8 },
  { key: 'e', header: 'E', synonyms: ['E值', '暴露频率'], width: 8 },
  { key: 'c', header: 'C', synonyms: ['C值'], width: 8 },
  { key: 's', header: 'S', synonyms: ['S值', '严重性', '严重程度'], width: 8 },
  { key: 'score', header: '风险值', synonyms: ['D', 'R', 'D值', 'R值'], width: 8 },
  { key: 'level', header: '风险等级', synonyms: ['风险级别'], width: 10 },
  { key: 'controlLevel', header: '管控层级', synonyms: [], width: 12 },
  { key: 'measureKind', header: '措施分类', synonyms: ['措施类型', '管控措施分类'], width: 14 },
  { key: 'measure', header: '管控措施', synonyms: ['管控措施描述', '控制措施', '管控措施内容'], width: 36 },
  { key: 'cycle', header: '排查周期', synonyms: ['检查周期', '隐患排查周期'], width: 10 },
  { key: 'post', header: '责任岗位', synonyms: ['排查岗位'], width: 12 },
  { key: 'owner', header: '责任人', synonyms: ['排查责任人'], width: 10 },
] as const;
export type RiskSheetKey = (typeof riskSheetColumns)[number]['key'];

const headerKey = (raw: RawCell) =>
  toHalfWidth(cellText(raw) ?? '')
    .replace(/\s|\*/g, '')
    .replace(/\((必填|选填)\)/g, '')
    .replace(/\([^)]*\)|（[^）]*）|【[^】]*】/g, '')
    .toUpperCase();
const byHeader = new Map<string, RiskSheetKey>();
for (const c of riskSheetColumns) for (const h of [c.header, ...c.synonyms]) byHeader.set(headerKey(h), c.key);

export type RiskSheetMapping = Partial<Record<RiskSheetKey, number>>;

/** The header row: the one of the first 10 that names the most known columns, including 风险点名称 and 管控措施. */
export function locateRiskHeader(rows: readonly (readonly RawCell[])[]): { index: number; mapping: RiskSheetMapping } | null {
  let best: { index: number; mapping: RiskSheetMapping; n: number } | null = null;
  rows.slice(0, 10).forEach((cells, index) => {
    const mapping: RiskSheetMapping = {};
    cells.forEach((cell, col) => {
      const key = byHeader.get(headerKey(cell));
      if (key && mapping[key] === undefined) mapping[key] = col;
    });
    const n = Object.keys(mapping).length;
    if (mapping.point !== undefined && mapping.measure !== undefined && (!best || n >= best.n)) best = { index, mapping, n };
  });
  return best ? { index: (best as { index: number }).index, mapping: (best as { mapping: RiskSheetMapping }).mapping } : null;
}

export interface RiskSheetRow {
  row: number;
  point: { name: string; kind: RiskPointKind; location: string | null };
  unit: string;
  event: { name: string; consequence: string | null; assessment: RiskAssessmentInput };
  measure: { kind: MeasureKind; content: string } | null;
  task: { cycle: CheckCycle; postName: string | null; ownerName: string | null } | null;
}
export interface RiskSheetError {
  row: number;
  column: string;
  message: string;
}

/** "6（相当可能）", "６", 6 → 6; the leading number of the cell, full-width digits made half-width. */
export function leadingNumber(raw: RawCell): number | null | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  const text = cellText(raw);
  if (text === null) return null;
  const m = /^\s*(\d+(?:\.\d+)?)/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : undefined;
}

function fromLabels<T extends string>(
  text: string,
  values: readonly T[],
  labels: Record<T, string>,
  extra: Record<string, T> = {},
): T | undefined {
  const t = toHalfWidth(text).replace(/\s/g, '');
  if (extra[t]) return extra[t];
  return values.find((v) => v === t || labels[v] === t || labels[v].replace(/措施$/, '') === t || labels[v].split('/').includes(t));
}
const cycleWords: Record<string, CheckCycle> = {
  班: 'shift',
  日: 'day',
  每天: 'day',
  天: 'day',
  周: 'week',
  月: 'month',
  季: 'quarter',
  季度: 'quarter',
  每季度: 'quarter',
};
const kindWords: Record<string, RiskPointKind> = { 场所: 'place', 区域: 'place', 设备: 'device', 设施: 'device', 作业: 'job' };

const headerOf = (key: RiskSheetKey) => riskSheetColumns.find((c) => c.key === key)?.header ?? key;

/** Rows of the sheet below its header, checked; a row with any error is reported (Excel row numbers) and none kept. */
export function parseRiskSheet(
  rows: readonly { row: number; cells: readonly RawCell[] }[],
): { rows: RiskSheetRow[]; errors: RiskSheetError[] } | null {
  const header = locateRiskHeader(rows.map((r) => r.cells));
  if (!header) return null;
  const { mapping } = header;
  const out: RiskSheetRow[] = [];
  const errors: RiskSheetError[] = [];
  let above: Partial<Record<RiskSheetKey, RawCell>> = {};
  for (const { row, cells } of rows.slice(header.index + 1)) {
    const raw = (k: RiskSheetKey): RawCell => (mapping[k] === undefined ? null : cells[mapping[k] as number]);
    const keys = Object.keys(mapping) as RiskSheetKey[];
    if (keys.every((k) => cellText(raw(k)) === null)) continue;
    const err = (k: RiskSheetKey, message: string) => errors.push({ row, column: headerOf(k), message });
    const before = errors.length;
    // A blank point / unit / event cell (a merged or "same as above" cell) takes the row above's.
    const cell: Partial<Record<RiskSheetKey, RawCell>> = {};
    for (const k of keys) cell[k] = raw(k);
    const groups: RiskSheetKey[][] = [['point', 'kind', 'location'], ['unit'], ['event', 'consequence', 'method', 'l', 'e', 'c', 's']];
    for (const group of groups) {
      const [lead] = group as [RiskSheetKey];
      if (cellText(cell[lead]) === null) for (const k of group) cell[k] = above[k];
    }
    above = cell;
    const text = (k: RiskSheetKey) => cellText(cell[k] ?? null);

    const point = text('point');
    if (!point) err('point', '请填写风险点名称');
    const kindText = text('kind');
    const kind = kindText ? fromLabels(kindText, riskPointKinds, riskPointKindLabels, kindWords) : 'place';
    if (!kind) err('kind', `对象类型“${kindText}”应为 场所/区域、设备设施 或 作业活动`);
    const unit = text('unit') ?? point;
    const event = text('event');
    if (!event) err('event', '请填写风险事件');

    const num = (k: 'l' | 'e' | 'c' | 's') => {
      const n = leadingNumber(cell[k] ?? null);
      if (n === undefined) err(k, `${headerOf(k)} 应为数值，如 6 或 “6（相当可能）”`);
      return n ?? null;
    };
    const [l, e, c, s] = [num('l'), num('e'), num('c'), num('s')];
    const methodText = (text('method') ?? '').toUpperCase();
    const method = /LS|矩阵/.test(methodText)
      ? 'ls'
      : /LEC|作业条件/.test(methodText)
        ? 'lec'
        : e != null || c != null
          ? 'lec'
          : s != null
            ? 'ls'
            : null;
    let assessment: RiskAssessmentInput | null = null;
    if (method === 'lec') {
      if (l == null || e == null || c == null) err(l == null ? 'l' : e == null ? 'e' : 'c', 'LEC 评估需填写 L、E、C 三项');
      else assessment = { method, l, e, c };
    } else if (method === 'ls') {
      if (l == null || s == null) err(l == null ? 'l' : 's', 'LS 评估需填写 L、S 两项');
      else assessment = { method, l, s };
    } else if (errors.length === before) err('method', '请填写评估方法（LEC 或 LS）及其取值');
    if (assessment) {
      const wrong = assessmentInputError(assessment);
      if (wrong) err(wrong.path as RiskSheetKey, wrong.message);
    }

    const content = text('measure');
    const mkText = text('measureKind');
    const measureKind = mkText ? fromLabels(mkText, measureKinds, measureKindLabels) : 'management';
    if (!measureKind) err('measureKind', `措施分类“${mkText}”应为 ${measureKinds.map((k) => measureKindLabels[k]).join('、')} 之一`);
    const cycleText = text('cycle');
    const cycle = cycleText ? fromLabels(cycleText, checkCycles, checkCycleLabels, cycleWords) : null;
    if (cycleText && !cycle) err('cycle', `排查周期“${cycleText}”应为 每班、每日、每周、每月 或 每季`);
    if (cycle && !content) err('measure', '填写了排查周期，但没有管控措施');
    if (cycle && !text('post') && !text('owner')) err('post', '请指定责任岗位或责任人（排查任务不能没有责任人）');

    if (errors.length > before || !point || !kind || !unit || !event || !assessment || !measureKind) continue;
    out.push({
      row,
      point: { name: point, kind, location: text('location') },
      unit,
      event: { name: event, consequence: text('consequence'), assessment },
      measure: content ? { kind: measureKind, content } : null,
      task: cycle && content ? { cycle, postName: text('post'), ownerName: text('owner') } : null,
    });
  }
  return { rows: out, errors };
}
