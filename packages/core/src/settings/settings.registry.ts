import type { z } from 'zod';
import { dualSettings } from '../dual/dual.settings.ts';
import { enforcementSettings } from '../enforcement/enforcement.settings.ts';
import { hazardReportSettings, hazardTimeSettings, supervisionSettings } from '../hazard/hazard.settings.ts';
import { planRankingSettings, planTrackingSettings } from '../plan/plan.settings.ts';
import { reportSettings } from '../report/report.settings.ts';
import { resolveFragment, type SettingsFragment } from './settings.rules.ts';

/** Every module's settings fragment, in the order the admin page shows them. */
export const settingsRegistry = {
  hazardTime: hazardTimeSettings,
  hazardReport: hazardReportSettings,
  supervision: supervisionSettings,
  planTracking: planTrackingSettings,
  planRanking: planRankingSettings,
  enforcement: enforcementSettings,
  report: reportSettings,
  dual: dualSettings,
} as const;

export type SettingsKey = keyof typeof settingsRegistry;
export const settingsKeys = Object.keys(settingsRegistry) as SettingsKey[];

/** The complete, typed settings of one township. */
export type ResolvedSettings = { [K in SettingsKey]: z.infer<(typeof settingsRegistry)[K]['schema']> };

export function isSettingsKey(key: string): key is SettingsKey {
  return Object.hasOwn(settingsRegistry, key);
}

export function settingsFragmentOf(key: SettingsKey): SettingsFragment {
  return settingsRegistry[key];
}

/** Stored values (missing or null = not changed) → every fragment's value with the defaults filled in. */
export function resolveSettingsValues(stored: Partial<Record<string, unknown>>): ResolvedSettings {
  const out: Record<string, unknown> = {};
  for (const key of settingsKeys) out[key] = resolveFragment(settingsFragmentOf(key), stored[key]);
  return out as ResolvedSettings;
}
