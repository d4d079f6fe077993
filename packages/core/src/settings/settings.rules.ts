import { z } from 'zod';

/** What the admin page shows beside a setting: its name, what it does, its unit and where the default comes from. */
export interface SettingMeta {
  label: string;
  description?: string;
  unit?: string;
  /** The source of the default: a regulation article, or 本地做法 (local practice) when no rule fixes it. */
  source: string;
  /** Names of the choices of a list of options (enum values → Chinese). */
  optionLabels?: Record<string, string>;
}

/** How the admin page edits a field, read off its zod schema (the web does not walk zod itself). */
export type SettingInput =
  | { kind: 'number'; integer: boolean; min: number | null; max: number | null }
  | { kind: 'options'; options: Array<{ value: string; label: string }> }
  | { kind: 'text'; maxLength: number | null }
  | { kind: 'switch' };

export function settingInputOf(schema: z.ZodType, meta?: Partial<SettingMeta>): SettingInput {
  if (schema instanceof z.ZodNumber) {
    return { kind: 'number', integer: schema.isInt, min: finite(schema.minValue), max: finite(schema.maxValue) };
  }
  if (schema instanceof z.ZodArray && schema.element instanceof z.ZodEnum) {
    const values = schema.element.options.map(String);
    return { kind: 'options', options: values.map((value) => ({ value, label: meta?.optionLabels?.[value] ?? value })) };
  }
  if (schema instanceof z.ZodBoolean) return { kind: 'switch' };
  return { kind: 'text', maxLength: schema instanceof z.ZodString ? finite(schema.maxLength) : null };
}

function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/**
 * The labels of settings live in a registry of their own, not zod's global one: the global registry's metadata is
 * written into every JSON Schema (the OpenAPI document), where `label`, `unit` and `source` are not valid keywords.
 */
const settingRegistry = z.registry<SettingMeta>();

/** Attaches the labels to a schema, so the form and the messages can be built from it. */
export function setting<T extends z.ZodType>(schema: T, meta: SettingMeta): T {
  settingRegistry.add(schema, { ...meta });
  return schema;
}

export function settingMetaOf(schema: z.ZodType): SettingMeta | undefined {
  return settingRegistry.get(schema);
}

/**
 * One module's settings (CONVENTIONS rule 12): a zod object with labelled fields and the default values. The server
 * stores a township's value per fragment; the resolver fills the defaults in.
 */
export interface SettingsFragment<S extends z.ZodObject = z.ZodObject> {
  key: string;
  /** The module that reads it, for grouping on the admin page. */
  module: string;
  label: string;
  description: string;
  schema: S;
  defaults: z.infer<S>;
}

export function defineSettings<S extends z.ZodObject>(fragment: SettingsFragment<S>): SettingsFragment<S> {
  return fragment;
}

/** The schema at a dotted path inside an object schema (through nested objects), or undefined. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    if (!(current instanceof z.ZodObject)) return typeof key === 'number' ? current : undefined;
    current = (current.shape as Record<string, z.ZodType>)[String(key)];
  }
  return current;
}

/** The Chinese name of a field: its label, prefixed by the labels of the objects around it (逾期问责天数·函告). */
export function settingLabelAt(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const names: string[] = [];
  for (let i = 1; i <= path.length; i++) {
    if (typeof path[i - 1] === 'number') continue;
    const at = schemaAt(schema, path.slice(0, i));
    const label = at ? settingMetaOf(at)?.label : undefined;
    names.push(label ?? String(path[i - 1]));
  }
  return names.join('·') || '设置';
}

export interface SettingIssue {
  path: string;
  message: string;
}

export type SettingParse<T> = { ok: true; value: T } | { ok: false; issues: SettingIssue[] };

/** Validates a submitted value; every message names the field in Chinese (“到期提醒提前天数：不能超过 30 天”). */
export function parseSettingValue<S extends z.ZodObject>(fragment: SettingsFragment<S>, value: unknown): SettingParse<z.infer<S>> {
  const r = fragment.schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: `${settingLabelAt(fragment.schema, i.path)}：${i.message}`,
    })),
  };
}

/**
 * A stored value → the complete value: fields the stored one lacks (a fragment that gained a field since) come from
 * the defaults; a value that no longer validates falls back to the defaults as a whole rather than half-applying.
 */
export function resolveFragment<S extends z.ZodObject>(fragment: SettingsFragment<S>, stored: unknown): z.infer<S> {
  if (stored === null || stored === undefined || typeof stored !== 'object') return fragment.defaults;
  const merged = mergeDefaults(fragment.defaults, stored);
  const r = fragment.schema.safeParse(merged);
  return r.success ? r.data : fragment.defaults;
}

function mergeDefaults(defaults: unknown, stored: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(stored)) return stored === undefined ? defaults : stored;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(stored)) out[k] = k in defaults ? mergeDefaults(defaults[k], v) : v;
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A leaf field of a fragment with its full label, its own (or its group's) unit and source, and its default. */
export interface SettingField {
  path: string;
  label: string;
  description?: string;
  unit?: string;
  source: string;
  default: unknown;
  input: SettingInput;
}

export function settingFieldsOf(fragment: SettingsFragment): SettingField[] {
  const out: SettingField[] = [];
  const walk = (schema: z.ZodObject, prefix: string[], defaults: Record<string, unknown>, inherited: Partial<SettingMeta>) => {
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const meta = { ...inherited, ...settingMetaOf(child) };
      const path = [...prefix, key];
      if (child instanceof z.ZodObject) {
        walk(child, path, (defaults[key] ?? {}) as Record<string, unknown>, { source: meta.source, unit: meta.unit });
        continue;
      }
      out.push({
        path: path.join('.'),
        label: settingLabelAt(fragment.schema, path),
        description: settingMetaOf(child)?.description,
        unit: meta.unit,
        source: meta.source ?? '',
        default: defaults[key],
        input: settingInputOf(child, settingMetaOf(child)),
      });
    }
  };
  walk(fragment.schema, [], fragment.defaults as Record<string, unknown>, {});
  return out;
}
