// Responsibility tables (挂图作战责任表, 任务分工表): header roles, merged cells, and the rows' people and dates.
import { looseKey } from './plan-text.rules.ts';

export type ColumnRole = 'index' | 'group' | 'item' | 'measures' | 'people' | 'leaders' | 'lead' | 'co' | 'deadline';

const ROLE_HEADERS: Array<[ColumnRole, RegExp]> = [
  ['index', /^(序号|编号)$/u],
  ['group', /^(一级指标|重点任务|主要任务|任务类别|行动名称|重点工作|类别|行动|项目|领域|重点领域|工作类别)$/u],
  ['item', /^(二级指标|任务名称|具体任务|工作任务|任务内容|重点事项|工作事项|任务|任务事项|工作名称|重点工作任务)$/u],
  ['measures', /(工作措施|具体措施|主要措施|工作内容|措施|具体内容|工作要求)/u],
  ['leaders', /(责任领导|分管领导|包保领导|牵头领导)/u],
  ['people', /^(责任人|具体责任人|联系人)$/u],
  ['lead', /(牵头单位|责任单位|牵头部门|责任部门|主责单位|责任主体)|^牵头$/u],
  ['co', /(配合单位|协同单位|参与单位|配合部门|协办单位)|^配合$/u],
  ['deadline', /(完成时限|完成时间|时间节点|时限|完成期限|时间要求|进度安排|时间安排|办结时间)/u],
];

export interface TableRecord {
  /** The row in the table, 1-based, header rows counted: where the review screen points. */
  row: number;
  /** The 序号 cell as printed ('' without a 序号 column). */
  index: string;
  group: string;
  item: string;
  measures: string;
  people: string[];
  leaders: string[];
  lead: string;
  co: string;
  deadline: string;
}

const roleOf = (header: string): ColumnRole | null => {
  const h = looseKey(header);
  return ROLE_HEADERS.find(([, re]) => re.test(h))?.[0] ?? null;
};

/**
 * Column roles from one or two header rows. A cell merged across columns in the first header row (重点任务 over
 * 一级指标 | 二级指标) may come as one cell: the second row's labels say where it spans.
 */
export function columnRoles(rows: string[][]): { roles: Array<ColumnRole | null>; headerRows: number } | null {
  const first = rows[0] ?? [];
  const width = Math.max(...rows.map((r) => r.length));
  if (first.filter((c) => roleOf(c)).length < 2) return null;
  const second = rows[1] ?? [];
  const subHeader = second.some((c) => roleOf(c)) && !second.some((c) => /^\d+$/u.test(c.trim()));
  const labels: string[] = new Array(width).fill('');
  const spanAt = subHeader ? second.findIndex((c) => c.trim() !== '') : -1;
  const extra = width - first.length;
  first.forEach((c, i) => {
    const col = extra > 0 && spanAt >= 0 && i > spanAt ? i + extra : i;
    if (col < width) labels[col] = c;
  });
  if (subHeader) {
    second.forEach((c, i) => {
      if (c.trim() !== '' && i < width) labels[i] = c;
    });
  }
  const roles = labels.map(roleOf);
  // With both a group and an item column a lone 重点任务 names the group; without a group it is the item.
  if (!roles.includes('item')) {
    const g = roles.indexOf('group');
    if (g >= 0) roles[g] = 'item';
  }
  return { roles, headerRows: subHeader ? 2 : 1 };
}

/** People cells pad two-character names to three (`赵  燕`); a lone character after a gap ends such a name. */
export function splitNames(cell: string): string[] {
  const names: string[] = [];
  for (const line of cell.split(/\n/u)) {
    line
      .split(/[、，,；;／/]/u)
      .map((chunk) => chunk.split(/[\s\u3000]+/u).filter((t) => t !== ''))
      .forEach((tokens) => {
        tokens.forEach((t, i) => {
          const last = names[names.length - 1];
          if (i > 0 && t.length === 1 && last && /^\p{Script=Han}$/u.test(t)) {
            names[names.length - 1] = last.slice(0, -1);
            names.push(last.slice(-1) + t);
          } else names.push(t);
        });
      });
  }
  return names.filter((n) => n !== '').flatMap((n) => (n.length === 6 && /^\p{Script=Han}+$/u.test(n) ? [n.slice(0, 3), n.slice(3)] : [n]));
}

/**
 * Data rows → records. A blank 序号/一级指标 continues the group above; in a group a blank people or leaders cell is a
 * vertically merged cell and repeats the value above.
 */
export function tableRecords(rows: string[][], mergedDown?: boolean[][]): TableRecord[] {
  const head = columnRoles(rows);
  if (!head) return [];
  const { roles, headerRows } = head;
  mergedCategoryColumn(roles, rows.slice(headerRows));
  const cell = (row: string[], role: ColumnRole) => {
    const i = roles.indexOf(role);
    return i >= 0 ? (row[i] ?? '').trim() : '';
  };
  // A cell the reader saw merged down from the row above repeats that row's value, in any column.
  const merged = (r: number, role: ColumnRole) => {
    const i = roles.indexOf(role);
    return i >= 0 && mergedDown?.[headerRows + r]?.[i] === true;
  };
  const out: TableRecord[] = [];
  let prev: TableRecord | null = null;
  for (const [r, row] of rows.slice(headerRows).entries()) {
    if (row.every((c) => c.trim() === '')) continue;
    const newGroup = cell(row, 'index') !== '' || cell(row, 'group') !== '' || prev === null;
    const people = splitNames(cell(row, 'people'));
    const leaders = splitNames(cell(row, 'leaders'));
    // A blank category cell continues a cell merged down (序号 may still be per row); in the same category a blank
    // unit, date or people cell is merged too.
    const group = cell(row, 'group') || (prev?.group ?? '');
    const inGroup = prev !== null && (!newGroup || (group !== '' && group === prev.group));
    const same = (role: ColumnRole) => inGroup || merged(r, role);
    const record: TableRecord = {
      row: headerRows + r + 1,
      index: cell(row, 'index'),
      group,
      item: cell(row, 'item'),
      measures: cell(row, 'measures'),
      people: people.length || !same('people') ? people : (prev?.people ?? []),
      leaders: leaders.length || !same('leaders') ? leaders : (prev?.leaders ?? []),
      lead: cell(row, 'lead') || (same('lead') ? (prev?.lead ?? '') : ''),
      co: cell(row, 'co') || (same('co') ? (prev?.co ?? '') : ''),
      deadline: cell(row, 'deadline') || (same('deadline') ? (prev?.deadline ?? '') : ''),
    };
    if (record.item === '' && record.measures === '') continue;
    out.push(record);
    prev = record;
  }
  return out;
}

/**
 * A lone 重点任务 column beside a 措施 column, left blank under a filled cell, is a category merged down its rows (each
 * row a task of its own), not the task's name.
 */
function mergedCategoryColumn(roles: Array<ColumnRole | null>, data: string[][]): void {
  const at = roles.indexOf('item');
  if (at < 0 || roles.includes('group') || !roles.includes('measures')) return;
  const m = roles.indexOf('measures');
  const filled = data.filter((r) => (r[m] ?? '').trim() !== '');
  if (filled.length >= 2 && filled.slice(1).some((r) => (r[at] ?? '').trim() === '') && (filled[0]?.[at] ?? '').trim() !== '') {
    roles[at] = 'group';
  }
}

/** A table that lists tasks (a 任务 or 措施 column and a unit or deadline column), not a roster or a figures table. */
export function isTaskTable(rows: string[][]): boolean {
  const roles = columnRoles(rows)?.roles ?? [];
  const what = roles.includes('item') || roles.includes('measures');
  return what && (roles.includes('lead') || roles.includes('co') || roles.includes('deadline'));
}
