import type { CheckKind } from '@anzhi/core';
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { enforcementChecks } from './enforcement.table.ts';

export type EnforcementCheckRow = typeof enforcementChecks.$inferSelect;

/** The human number of a check, printed on its record: JC-2026-000123. */
export function checkCode(id: number, scheduledOn: string): string {
  return `JC-${scheduledOn.slice(0, 4)}-${String(id).padStart(6, '0')}`;
}

export interface PlannedCheck {
  unitId: number;
  enterpriseId: number;
  kind: CheckKind;
  scheduledOn: string;
  inspectorIds: number[];
  drawId?: number | null;
  planItemId?: number | null;
  createdBy: number | null;
}

/**
 * Creates planned checks (from a draw, a plan or by hand) in one statement per batch: region and industry are copied
 * from the enterprise as it is now, and each gets its number. The caller checks scope and audits.
 */
export async function insertPlannedChecks(ex: Executor, checks: PlannedCheck[], now: Date): Promise<EnforcementCheckRow[]> {
  if (!checks.length) return [];
  const ents = await ex
    .select({ id: enterprises.id, regionCode: enterprises.regionCode, industryCode: enterprises.industryCode })
    .from(enterprises)
    .where(inArray(enterprises.id, [...new Set(checks.map((c) => c.enterpriseId))]));
  const byId = new Map(ents.map((e) => [e.id, e]));
  const ids = (await ex.execute(
    sql`SELECT nextval(pg_get_serial_sequence('enforcement_checks', 'id'))::int AS id FROM generate_series(1, ${checks.length})`,
  )) as unknown as { rows: { id: number }[] };
  const rows = checks.map((c, k) => {
    const e = byId.get(c.enterpriseId);
    if (!e) throw new Error(`enterprise ${c.enterpriseId} not found`);
    const id = Number(ids.rows[k]?.id);
    return {
      id,
      code: checkCode(id, c.scheduledOn),
      unitId: c.unitId,
      enterpriseId: c.enterpriseId,
      regionCode: e.regionCode,
      industryCode: e.industryCode,
      kind: c.kind,
      status: 'planned' as const,
      drawId: c.drawId ?? null,
      planItemId: c.planItemId ?? null,
      scheduledOn: c.scheduledOn,
      inspectorIds: c.inspectorIds,
      createdBy: c.createdBy,
      createdAt: now,
      updatedAt: now,
    };
  });
  const out: EnforcementCheckRow[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    out.push(
      ...(await ex
        .insert(enforcementChecks)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  return out;
}
