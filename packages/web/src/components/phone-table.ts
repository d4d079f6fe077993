import type { TableColumnsType } from 'antd';

/**
 * A wide admin table on a phone scrolls sideways with its first column (the row's name) frozen, so every row stays
 * identifiable; headers do not wrap or cut (app.css `.phone-table`).
 */
export function freezeFirstColumn<T>(columns: TableColumnsType<T>, phone: boolean): TableColumnsType<T> {
  const [first, ...rest] = columns;
  if (!phone || !first) return columns;
  return [{ ...first, fixed: 'left', width: first.width ?? 110 }, ...rest];
}
