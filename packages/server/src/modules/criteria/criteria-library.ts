import {
  buildCriteriaIndex,
  type CriteriaConfidenceCounts,
  type CriteriaIndex,
  type CriteriaLibraryItem,
  type CriteriaSet,
  type CriteriaSetDetail,
  type CriteriaSetListItem,
  type CriteriaSetOrigin,
  formatCitation,
  shippedCriteriaSets,
  unverifiedCitationWarning,
} from '@anzhi/core';
import type { CriteriaSetRowWithName } from './criteria.repo.ts';

/** One set of the catalog: its content, where it came from, and whether an admin retired it. */
export interface CatalogEntry {
  set: CriteriaSet;
  origin: CriteriaSetOrigin;
  retired: { at: Date; reason: string } | null;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/** The library as one snapshot: every set (for the admin screens) and the sets in use, indexed once. */
export interface CriteriaLibrary {
  stamp: string;
  catalog: readonly CatalogEntry[];
  /** Shipped sets overridden by id by imported ones, minus the retired: what suggestions and citations use. */
  sets: readonly CriteriaSet[];
  index: CriteriaIndex;
}

/** Shipped sets in their order, each replaced by an imported version of the same id; new sets after them. */
export function composeCatalog(rows: readonly CriteriaSetRowWithName[]): CatalogEntry[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const entry = (set: CriteriaSet, origin: CriteriaSetOrigin, row: CriteriaSetRowWithName | undefined): CatalogEntry => ({
    set,
    origin,
    retired: row?.retiredAt ? { at: row.retiredAt, reason: row.retiredReason ?? '' } : null,
    updatedAt: row?.updatedAt ?? null,
    updatedByName: row?.updatedByName ?? null,
  });
  // Stored content was checked by the `criteriaSet` contract when it was imported.
  const stored = (row: CriteriaSetRowWithName | undefined) => (row?.data ? (row.data as CriteriaSet) : undefined);
  const shippedIds = new Set(shippedCriteriaSets.map((s) => s.id));
  const shipped = shippedCriteriaSets.map((s) => {
    const row = byId.get(s.id);
    const data = stored(row);
    return entry(data ?? s, data ? 'modified' : 'shipped', row);
  });
  const imported = rows.flatMap((r) => {
    const data = stored(r);
    return !shippedIds.has(r.id) && data ? [entry(data, 'imported', r)] : [];
  });
  return [...shipped, ...imported];
}

export function composeLibrary(rows: readonly CriteriaSetRowWithName[], stamp: string): CriteriaLibrary {
  const catalog = composeCatalog(rows);
  const sets = catalog.filter((e) => !e.retired).map((e) => e.set);
  return { stamp, catalog, sets, index: buildCriteriaIndex(sets) };
}

export function confidenceCounts(set: CriteriaSet): CriteriaConfidenceCounts {
  const counts = { V: 0, P: 0, U: 0 };
  for (const item of set.items) counts[item.confidence]++;
  return counts;
}

export function setSummary(set: CriteriaSet) {
  const { items, ...meta } = set;
  return { ...meta, itemCount: items.length, confidenceCounts: confidenceCounts(set) };
}

export function toListItem(e: CatalogEntry): CriteriaSetListItem {
  return {
    ...setSummary(e.set),
    origin: e.origin,
    retired: e.retired ? { at: e.retired.at.toISOString(), reason: e.retired.reason } : null,
    updatedAt: e.updatedAt?.toISOString() ?? null,
    updatedByName: e.updatedByName,
  };
}

export function toDetail(e: CatalogEntry): CriteriaSetDetail {
  return { ...toListItem(e), items: e.set.items };
}

export function libraryItems(sets: readonly CriteriaSet[]): CriteriaLibraryItem[] {
  return sets.flatMap((set) =>
    set.items.map((c) => ({
      code: c.code,
      setId: set.id,
      setTitle: set.title,
      docNumber: set.docNumber,
      article: c.article,
      item: c.item,
      group: c.group,
      summary: c.summary,
      keywords: c.keywords,
      confidence: c.confidence,
      verification: c.verification,
      citation: formatCitation(c, set),
      warning: unverifiedCitationWarning(c, set),
      status: set.status,
      effective: set.effective,
      repealedOn: set.repealedOn ?? null,
    })),
  );
}
