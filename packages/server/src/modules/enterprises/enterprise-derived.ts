import { isHighRisk, missingResponsibles, requiresInsurance } from '@anzhi/core';
import type { enterprises } from './enterprise.table.ts';

/**
 * Columns derived from the row by core rules and stored, so the warning filters are plain boolean tests on 100k rows
 * instead of array and trim expressions (ADR 0007). Bump the version when a rule behind them changes: rows written
 * under an older version are recomputed at start-up (`prepareDatabase`).
 */
export const DERIVED_VERSION = 1;

type Source = Pick<typeof enterprises.$inferInsert, 'domains' | 'flags' | 'townshipLeader' | 'unitSupervisor' | 'principal'>;

export interface DerivedColumns {
  highRisk: boolean;
  requiresInsurance: boolean;
  missingResponsibles: boolean;
  derivedVersion: number;
}

export function derivedColumns(e: Source): DerivedColumns {
  const domains = e.domains ?? [];
  return {
    highRisk: isHighRisk({ domains, flags: e.flags ?? [] }),
    requiresInsurance: requiresInsurance(domains),
    missingResponsibles:
      missingResponsibles({
        townshipLeader: e.townshipLeader ?? null,
        unitSupervisor: e.unitSupervisor ?? null,
        principal: e.principal ?? null,
      }).length > 0,
    derivedVersion: DERIVED_VERSION,
  };
}

/** Insert values with their derived columns. */
export function withDerived<T extends Source>(values: T): T & DerivedColumns {
  return { ...values, ...derivedColumns(values) };
}

export function derivedDiffers(row: Source & DerivedColumns): boolean {
  const d = derivedColumns(row);
  return (
    d.derivedVersion !== row.derivedVersion ||
    d.highRisk !== row.highRisk ||
    d.requiresInsurance !== row.requiresInsurance ||
    d.missingResponsibles !== row.missingResponsibles
  );
}
