import { and, eq, gte, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import { enforcementInspectors, enforcementPlans } from '../modules/enforcement/enforcement.table.ts';
import { proposePlanInto } from '../modules/enforcement/enforcement-plan-propose.ts';
import { resolveSettings } from '../modules/settings/settings.resolver.ts';
import { units } from '../modules/units/unit.table.ts';

/** Inspectors assumed for a unit whose 执法人员名录库 is still empty in the demo (the draws part may seed them). */
const DEMO_INSPECTORS = 4;

/**
 * Demo (issue 14, part B — the yearly plan): this year's approved 年度监督检查计划 of the given units (应急办 and
 * 综合执法大队 in seed-demo), proposed from their 名录库 as the API would (derived from the registry first) with the
 * township's enforcement settings and the unit's inspectors with a valid 执法证 (DEMO_INSPECTORS when none yet).
 *
 * Call inside seedDemo's transaction, after the enterprises and hazards (the proposal reads their risk, flags and open
 * major hazards). Idempotent: a unit that already has a plan for the year is skipped. Returns the plan ids.
 * The caller's seed_demo audit event records the counts.
 */
export async function seedDemoEnforcementPlans(
  tx: Tx,
  opts: { now: Date; unitIds: number[]; officeUserId: number },
): Promise<{ planIds: number[]; plannedChecks: number }> {
  const today = chinaToday(opts.now);
  const year = Number(today.slice(0, 4));
  const planIds: number[] = [];
  let plannedChecks = 0;
  for (const unitId of opts.unitIds) {
    const [unit] = await tx.select().from(units).where(eq(units.id, unitId));
    if (!unit) continue;
    const [existing] = await tx
      .select({ id: enforcementPlans.id })
      .from(enforcementPlans)
      .where(and(eq(enforcementPlans.unitId, unitId), eq(enforcementPlans.year, year)));
    if (existing) continue;
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(enforcementInspectors)
      .where(
        and(
          eq(enforcementInspectors.unitId, unitId),
          eq(enforcementInspectors.active, true),
          gte(enforcementInspectors.certificateValidUntil, today),
        ),
      );
    const settings = (await resolveSettings(tx, unit.regionCode)).enforcement;
    const capacity = {
      inspectors: Number(count?.n) || DEMO_INSPECTORS,
      inspectionDaysPerMonth: settings.inspectionDaysPerMonth,
      personDaysPerCheck: settings.personDaysPerCheck,
      months: 13 - Number(today.slice(5, 7)),
    };
    const [plan] = await tx
      .insert(enforcementPlans)
      .values({
        unitId,
        regionCode: unit.regionCode,
        year,
        status: 'approved',
        capacity,
        approvedBy: opts.officeUserId,
        approvedAt: opts.now,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning();
    if (!plan) continue;
    const { proposal } = await proposePlanInto(tx, plan, capacity, settings, opts.now);
    planIds.push(plan.id);
    plannedChecks += proposal.plannedChecks;
  }
  return { planIds, plannedChecks };
}
