import {
  isRegionCode,
  type ResolvedSettings,
  regionLevelOf,
  resolveSettingsValues,
  type SettingsKey,
  settingsFragmentOf,
} from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { textArray } from '../../lib/sql-array.ts';
import { settingsRepo } from './settings.repo.ts';

/** The township a region code belongs to (itself, or the one above a village or grid); null above township level. */
export function townshipOf(code: string): string | null {
  if (!isRegionCode(code)) return null;
  const level = regionLevelOf(code);
  return level === 'township' || level === 'village' || level === 'grid' ? `${code.slice(0, 9)}000` : null;
}

/** Every township's settings, read once: what a sweep or a list over many townships needs. */
export interface SettingsBook {
  /** The complete settings that apply to a region (its township's; the defaults above township level). */
  forRegion(regionCode: string): ResolvedSettings;
  /**
   * The townships whose value of `key` differs from the default, grouped by value: a set-based sweep runs once per
   * group (`regionFilter`) and once for everything else.
   */
  groups<K extends SettingsKey>(key: K): Array<{ value: ResolvedSettings[K]; townships: string[] | null; except: string[] }>;
}

export async function loadSettingsBook(ex: Executor): Promise<SettingsBook> {
  const stored = new Map<string, Record<string, unknown>>();
  for (const row of await settingsRepo.overrides(ex)) {
    const township = stored.get(row.regionCode) ?? {};
    township[row.key] = row.value;
    stored.set(row.regionCode, township);
  }
  const resolved = new Map<string, ResolvedSettings>();
  for (const [code, values] of stored) resolved.set(code, resolveSettingsValues(values));
  const defaults = resolveSettingsValues({});
  return {
    forRegion(regionCode) {
      const township = townshipOf(regionCode);
      return (township && resolved.get(township)) || defaults;
    },
    groups(key) {
      const fallback = JSON.stringify(settingsFragmentOf(key).defaults);
      const byValue = new Map<string, { value: ResolvedSettings[typeof key]; townships: string[] }>();
      for (const [code, values] of resolved) {
        const json = JSON.stringify(values[key]);
        if (json === fallback) continue;
        const group = byValue.get(json) ?? { value: values[key], townships: [] };
        group.townships.push(code);
        byValue.set(json, group);
      }
      const changed = [...byValue.values()].flatMap((g) => g.townships);
      return [{ value: defaults[key], townships: null, except: changed }, ...[...byValue.values()].map((g) => ({ ...g, except: [] }))];
    },
  };
}

/** The one resolver: a region's complete, typed settings with the defaults filled in. */
export async function resolveSettings(ex: Executor, regionCode: string): Promise<ResolvedSettings> {
  return (await loadSettingsBook(ex)).forRegion(regionCode);
}

/** SQL: the region code in `column` lies in one of a group's townships (or, for the default group, in none of the others). */
export function regionFilter(column: SQL, group: { townships: string[] | null; except: string[] }): SQL {
  const prefixes = (codes: string[]) => textArray(codes.map((c) => c.slice(0, 9)));
  if (group.townships) return sql`left(${column}, 9) = ANY(${prefixes(group.townships)})`;
  if (group.except.length === 0) return sql`true`;
  return sql`NOT (left(${column}, 9) = ANY(${prefixes(group.except)}))`;
}
