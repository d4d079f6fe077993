import { enterpriseNameKey, type ImportRowError, toHalfWidth } from '@anzhi/core';
import type { UnitRow } from '../units/unit.repo.ts';

type Resolved<T> = { value: T } | { error: string };

const compact = (s: string) => toHalfWidth(s).replace(/\s+/g, '');
const suffixes = ['村民委员会', '居民委员会', '社区居委会', '社区居民委员会', '村委会', '居委会', '社区', '村'];
function withoutSuffix(s: string): string {
  const suffix = suffixes.find((x) => s.endsWith(x) && s.length > x.length);
  return suffix ? s.slice(0, -suffix.length) : s;
}

interface NamedRegion {
  code: string;
  name: string;
  parentCode: string | null;
}

/**
 * Region names and codes → region codes, among the regions the importing user may write to. Accepts the name with or
 * without 村/社区/村委会, and the township's name in front ("示例镇东村"); a name two villages share must be a code.
 */
export function regionResolver(inScope: readonly NamedRegion[], all: readonly NamedRegion[]) {
  const names = new Map(all.map((r) => [r.code, r.name]));
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, code: string) => {
    if (!key) return;
    const set = byKey.get(key) ?? new Set();
    set.add(code);
    byKey.set(key, set);
  };
  for (const r of inScope) {
    const parent = r.parentCode ? (names.get(r.parentCode) ?? '') : '';
    for (const n of [compact(r.name), withoutSuffix(compact(r.name))]) {
      add(n, r.code);
      if (parent) add(compact(parent) + n, r.code);
    }
  }
  const codes = new Set(inScope.map((r) => r.code));
  return (text: string): Resolved<string> => {
    const s = compact(text);
    if (/^\d{12}$/.test(s)) return codes.has(s) ? { value: s } : { error: `未找到区划代码“${text}”（或不在您的管理范围内）` };
    for (const key of [s, withoutSuffix(s), withoutSuffix(withoutSuffix(s))]) {
      const found = byKey.get(key);
      if (found?.size === 1) return { value: [...found][0] as string };
      if (found && found.size > 1) return { error: `“${text}”有 ${found.size} 个同名区划，请改填 12 位区划代码` };
    }
    return { error: `未找到“${text}”` };
  };
}

/** Unit names (full, short, aliases) → unit, among the units that may supervise an enterprise of the region. */
export function unitByName(candidates: readonly UnitRow[], text: string): Resolved<number> {
  const s = compact(text);
  const found = candidates.filter((u) => !u.disabled && [u.name, u.shortName ?? '', ...u.aliases].some((n) => n && compact(n) === s));
  if (found.length === 1) return { value: (found[0] as UnitRow).id };
  if (found.length > 1) return { error: `“${text}”对应多个单位，请填写单位全称` };
  return { error: `未找到单位“${text}”（应为本镇或上级的成员单位名称）` };
}

/** What landlord linking needs of a planned row. */
export interface LandlordLink {
  row: number;
  name: string;
  landlordName?: string | null;
  existing?: { id: number };
  values: { landlordId?: number | null };
  /** Set when the landlord is a new enterprise of the same file: its id is known only after the insert. */
  landlordRow?: number;
}

/**
 * 出租方 (厂中厂) by name: an enterprise of the same file or one already registered in the scope (`inDb`: name key →
 * ids). Rows whose landlord cannot be named exactly are reported and dropped; so are tenants of a dropped landlord.
 */
export function linkLandlords<T extends LandlordLink>(
  planned: T[],
  inDb: Map<string, number[]>,
  header: string,
  errors: ImportRowError[],
): T[] {
  const inFile = new Map<string, T[]>();
  for (const p of planned) inFile.set(enterpriseNameKey(p.name), [...(inFile.get(enterpriseNameKey(p.name)) ?? []), p]);
  const failed = new Set<number>();
  const fail = (p: T, message: string) => {
    errors.push({ row: p.row, column: header, message: `${header}：${message}` });
    failed.add(p.row);
  };
  for (const p of planned) {
    if (p.landlordName === undefined) continue;
    if (p.landlordName === null) {
      p.values.landlordId = null;
      continue;
    }
    const key = enterpriseNameKey(p.landlordName);
    const targets = new Map<string, { id?: number; row?: number }>();
    for (const f of inFile.get(key) ?? [])
      targets.set(f.existing ? `id${f.existing.id}` : `row${f.row}`, f.existing ? { id: f.existing.id } : { row: f.row });
    for (const id of inDb.get(key) ?? []) targets.set(`id${id}`, { id });
    targets.delete(p.existing ? `id${p.existing.id}` : `row${p.row}`);
    const [target] = [...targets.values()];
    if (!target)
      fail(p, enterpriseNameKey(p.name) === key ? '出租方不能是企业自己' : `未找到企业“${p.landlordName}”（应为已登记或本表中的企业名称）`);
    else if (targets.size > 1) fail(p, `“${p.landlordName}”有 ${targets.size} 家同名企业，无法确定是哪一家`);
    else if (target.id !== undefined) p.values.landlordId = target.id;
    else p.landlordRow = target.row;
  }
  for (let again = true; again; ) {
    again = false;
    for (const p of planned) {
      if (failed.has(p.row) || p.landlordRow === undefined || !failed.has(p.landlordRow)) continue;
      fail(p, `出租方“${p.landlordName}”所在的第 ${p.landlordRow} 行有错误，未导入`);
      again = true;
    }
  }
  return planned.filter((p) => !failed.has(p.row));
}
