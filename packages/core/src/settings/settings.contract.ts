import { z } from 'zod';
import { isRegionCode } from '../org/region.rules.ts';
import { settingsKeys } from './settings.registry.ts';

/**
 * Township settings (CONVENTIONS rule 12). Routes (permissions settings.read / settings.write):
 * GET /api/v1/settings?regionCode= → settingsView [settings.read];
 * PUT /api/v1/settings/{key}?regionCode= (settingsPutBody) → settingsFragmentView [settings.write] (stale version → 409);
 * DELETE /api/v1/settings/{key}?regionCode=&version= → settingsFragmentView, back to the default [settings.write].
 */
export const settingsKey = z.enum(settingsKeys);

export const settingsRegionQuery = z.object({
  regionCode: z.string().trim().refine(isRegionCode, '应为 12 位统计用区划代码').optional(),
});
export const settingsKeyParam = z.object({ key: settingsKey });

/** The value is checked against the fragment's own schema by the service (its messages name the field). */
export const settingsPutBody = z.object({
  /** The version the form was loaded with; 0 when the township still uses the defaults and never stored a value. */
  version: z.number().int().min(0),
  value: z.record(z.string(), z.unknown()),
});
export const settingsDeleteQuery = settingsRegionQuery.extend({ version: z.coerce.number().int().min(0) });

export const settingField = z.object({
  path: z.string(),
  label: z.string(),
  description: z.string().optional(),
  unit: z.string().optional(),
  source: z.string(),
  default: z.unknown(),
  input: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('number'), integer: z.boolean(), min: z.number().nullable(), max: z.number().nullable() }),
    z.object({ kind: z.literal('options'), options: z.array(z.object({ value: z.string(), label: z.string() })) }),
    z.object({ kind: z.literal('text'), maxLength: z.number().nullable() }),
    z.object({ kind: z.literal('switch') }),
  ]),
});

export const settingsFragmentView = z.object({
  key: settingsKey,
  module: z.string(),
  label: z.string(),
  description: z.string(),
  fields: z.array(settingField),
  /** The fragment's JSON Schema (for integrators; the web builds its form from core's zod schema). */
  schema: z.record(z.string(), z.unknown()),
  default: z.record(z.string(), z.unknown()),
  value: z.record(z.string(), z.unknown()),
  overridden: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type SettingsFragmentView = z.infer<typeof settingsFragmentView>;

export const settingsView = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  canWrite: z.boolean(),
  /** The townships the caller may look at (a picker for administrators of several). */
  townships: z.array(z.object({ code: z.string(), name: z.string() })),
  fragments: z.array(settingsFragmentView),
});
export type SettingsView = z.infer<typeof settingsView>;
