import type { CheckKind, CheckStatus, PenaltyStatus, RecheckItemResult } from '@anzhi/core';
import { eq } from 'drizzle-orm';
import type { Executor } from '../src/db/client.ts';
import {
  enforcementCheckItems,
  enforcementChecks,
  enforcementInspectors,
  enforcementOrders,
  enforcementPenalties,
  enforcementPlanItems,
  enforcementPlans,
} from '../src/modules/enforcement/enforcement.table.ts';
import { insertPlannedChecks } from '../src/modules/enforcement/enforcement-check.repo.ts';
import type { EnterpriseRow } from '../src/modules/enterprises/enterprise.repo.ts';

/**
 * Small factories for the enforcement tables, written straight into the database (the statistics read what the other
 * parts write; these stand in for them in tests and in the role matrix).
 */
const at = new Date('2026-01-05T00:00:00Z');
let serial = 0;

export async function makeInspector(ex: Executor, unitId: number, name = '执法员') {
  serial++;
  const [row] = await ex
    .insert(enforcementInspectors)
    .values({
      unitId,
      name: `${name}${serial}`,
      certificateNo: `ZF-STAT-${serial}-${Math.random().toString(36).slice(2, 8)}`,
      certificateValidUntil: '2028-12-31',
    })
    .returning();
  return row as typeof enforcementInspectors.$inferSelect;
}

/** A yearly plan with lines: each line an enterprise, its kind and planned months. */
export async function makePlan(
  ex: Executor,
  opts: {
    unitId: number;
    regionCode: string;
    year?: number;
    status?: 'draft' | 'approved';
    lines: Array<{ enterprise: EnterpriseRow; kind?: CheckKind; months: number[] }>;
  },
) {
  const [plan] = await ex
    .insert(enforcementPlans)
    .values({ unitId: opts.unitId, regionCode: opts.regionCode, year: opts.year ?? 2026, status: opts.status ?? 'approved', capacity: {} })
    .returning();
  const planId = (plan as { id: number }).id;
  const items = opts.lines.length
    ? await ex
        .insert(enforcementPlanItems)
        .values(
          opts.lines.map((l) => ({
            planId,
            enterpriseId: l.enterprise.id,
            regionCode: l.enterprise.regionCode,
            kind: l.kind ?? 'key',
            checksPerYear: l.months.length,
            months: l.months,
          })),
        )
        .returning()
    : [];
  return { plan: plan as typeof enforcementPlans.$inferSelect, items };
}

export interface KitItem {
  result: 'pass' | 'fail' | 'na';
  major?: boolean;
  hazardId?: number | null;
}

/** A check (through insertPlannedChecks, the one way checks are made) with its status and checklist items. */
export async function makeCheck(
  ex: Executor,
  opts: {
    unitId: number;
    enterprise: EnterpriseRow;
    scheduledOn: string;
    status?: CheckStatus;
    kind?: CheckKind;
    items?: KitItem[];
    planItemId?: number | null;
  },
) {
  const [check] = await insertPlannedChecks(
    ex,
    [
      {
        unitId: opts.unitId,
        enterpriseId: opts.enterprise.id,
        kind: opts.kind ?? 'key',
        scheduledOn: opts.scheduledOn,
        inspectorIds: [],
        planItemId: opts.planItemId ?? null,
        createdBy: null,
      },
    ],
    at,
  );
  const id = (check as { id: number }).id;
  const status = opts.status ?? 'signed';
  if (status !== 'planned')
    await ex
      .update(enforcementChecks)
      .set({ status, signedAt: status === 'signed' ? new Date(`${opts.scheduledOn}T02:00:00Z`) : null })
      .where(eq(enforcementChecks.id, id));
  const items = opts.items?.length
    ? await ex
        .insert(enforcementCheckItems)
        .values(
          opts.items.map((it, k) => ({
            checkId: id,
            seq: k + 1,
            source: 'criteria' as const,
            text: `检查项${k + 1}`,
            major: it.major ?? false,
            result: it.result,
            hazardId: it.hazardId ?? null,
          })),
        )
        .returning()
    : [];
  return { id, items };
}

export async function makeOrder(
  ex: Executor,
  opts: {
    check: { id: number; items: Array<{ id: number }> };
    unitId: number;
    enterprise: EnterpriseRow;
    recheckedOn?: string;
    results?: RecheckItemResult[];
  },
) {
  const [row] = await ex
    .insert(enforcementOrders)
    .values({
      checkId: opts.check.id,
      unitId: opts.unitId,
      enterpriseId: opts.enterprise.id,
      regionCode: opts.enterprise.regionCode,
      status: opts.recheckedOn ? 'rechecked' : 'open',
      itemIds: opts.check.items.map((i) => i.id),
      issuedOn: '2026-01-10',
      deadline: '2026-01-20',
      recheckDueOn: '2026-01-30',
      recheckedOn: opts.recheckedOn ?? null,
      recheckResults: opts.results ? opts.results.map((result, k) => ({ itemId: opts.check.items[k]?.id ?? 0, result, note: null })) : null,
    })
    .returning();
  return row as typeof enforcementOrders.$inferSelect;
}

export async function makePenalty(
  ex: Executor,
  opts: {
    unitId: number;
    enterprise: EnterpriseRow;
    status?: PenaltyStatus;
    decidedOn?: string | null;
    amount?: number;
    majorHazard?: boolean;
    checkId?: number | null;
    orderId?: number | null;
    hazardId?: number | null;
    facts?: string;
  },
) {
  const status = opts.status ?? 'decided';
  const [row] = await ex
    .insert(enforcementPenalties)
    .values({
      unitId: opts.unitId,
      enterpriseId: opts.enterprise.id,
      regionCode: opts.enterprise.regionCode,
      status,
      legalBasis: ['aqscf-2021:102'],
      facts: opts.facts ?? '未按规定排查治理事故隐患',
      amount: opts.amount ?? 1000,
      majorHazard: opts.majorHazard ?? false,
      checkId: opts.checkId ?? null,
      orderId: opts.orderId ?? null,
      hazardId: opts.hazardId ?? null,
      filedOn: opts.decidedOn ?? '2026-01-15',
      decidedOn: opts.decidedOn === undefined ? (status === 'filed' ? null : '2026-01-20') : opts.decidedOn,
    })
    .returning();
  return row as typeof enforcementPenalties.$inferSelect;
}
