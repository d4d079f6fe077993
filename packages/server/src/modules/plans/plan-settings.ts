import { type PlanSettings, planSettingsOf, townshipPlanSettings } from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { resolveSettings } from '../settings/settings.resolver.ts';
import type { PlanRow } from './plan.repo.ts';

/** The township's dispatch and 五色图 settings (settings store), the defaults above township level. */
export async function townshipPlanSettingsOf(ex: Executor, regionCode: string): Promise<PlanSettings> {
  return townshipPlanSettings(await resolveSettings(ex, regionCode));
}

/**
 * A plan's effective settings: the values set on the plan itself (PATCH /plans/{id}/settings) over its township's.
 * A plan that sets nothing follows the township when the office changes its settings.
 */
export async function planSettingsFor(ex: Executor, plan: Pick<PlanRow, 'regionCode' | 'settings'>): Promise<PlanSettings> {
  return planSettingsOf(plan.settings, await townshipPlanSettingsOf(ex, plan.regionCode));
}
