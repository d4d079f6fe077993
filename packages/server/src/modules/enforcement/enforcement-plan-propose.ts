import { defaultPlanSeed, type EnforcementConfig, type PlanCapacityInput, proposeYearlyPlan } from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { chinaToday } from '../../lib/clock.ts';
import { enforcementPlanRepo as repo } from './enforcement-plan.repo.ts';
import { deriveTargetsFromRegistry } from './enforcement-target.repo.ts';

/** What a plan stores of its proposal (plan.proposal). */
export interface StoredProposal {
  seed: string;
  generalPool: number;
  generalRatio: number;
  leftOut: Array<{ enterpriseId: number; reason: string }>;
  reduced: Array<{ enterpriseId: number; from: number; to: number }>;
}

/**
 * Proposes a unit's plan from its 名录库 (derived from the registry first when the unit has none) into the plan: its
 * items replaced, the proposal stored. The seed of the general sample is the unit and year's, so proposing again
 * with the same facts gives the same plan. The caller holds the transaction and audits.
 */
export async function proposePlanInto(
  tx: Executor,
  plan: { id: number; unitId: number; year: number },
  capacity: Required<PlanCapacityInput>,
  settings: Pick<EnforcementConfig, 'keyFrequency' | 'generalRatio'>,
  now: Date,
) {
  if (!(await repo.hasTargets(tx, plan.unitId))) await deriveTargetsFromRegistry(tx, plan.unitId, now);
  // "An accident or founded report in the last 12 months": founded public reports (hazards of channel publicReport)
  // until an accident module exists — enforcementPlanRepo.planTargets is the seam.
  const since = chinaToday(new Date(now.getTime() - 365 * 86_400_000));
  const targets = await repo.planTargets(tx, plan.unitId, since);
  const p = proposeYearlyPlan({ year: plan.year, targets, capacity, settings, seed: defaultPlanSeed(`${plan.unitId}|${plan.year}`) });
  const region = new Map(targets.map((t) => [t.enterpriseId, t.regionCode]));
  await repo.deleteItems(tx, plan.id);
  await repo.insertItems(
    tx,
    p.items.map((i) => ({
      planId: plan.id,
      enterpriseId: i.enterpriseId,
      regionCode: region.get(i.enterpriseId) as string,
      kind: i.kind,
      reasons: i.reasons,
      checksPerYear: i.checksPerYear,
      months: i.months,
      createdAt: now,
    })),
  );
  const stored: StoredProposal = {
    seed: p.seed,
    generalPool: p.generalPool,
    generalRatio: settings.generalRatio,
    leftOut: p.leftOut,
    reduced: p.reduced,
  };
  await repo.setProposal(tx, plan.id, { ...stored });
  return { stored, proposal: p };
}
