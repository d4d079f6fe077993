import type { CampaignChecklistItem, CampaignDetail, CampaignScope } from '@anzhi/core';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';

/** The form's shape: both scope kinds' fields kept side by side, so switching kind does not lose what was picked. */
export interface CampaignFormValues {
  title?: string;
  basis?: string;
  planId?: number | null;
  planTaskId?: number | null;
  planTargetMetric?: string | null;
  scopeKind?: CampaignScope['kind'];
  domains?: string[];
  flags?: string[];
  industrySections?: string[];
  smallVenues?: boolean;
  typeId?: number | null;
  villageCodes?: string[];
  checklist?: Array<Partial<CampaignChecklistItem>>;
  unitIds?: number[];
  rounds?: Array<{ title?: string; startsOn?: Dayjs | null; dueOn?: Dayjs | null; status?: string }>;
}

const day = (d: Dayjs | null | undefined) => (d?.isValid() ? d.format('YYYY-MM-DD') : '');

/** Form values → the body `campaignInput` parses (invalid bits are left for the schema to name). */
export function toCampaignInput(v: CampaignFormValues): unknown {
  const scope =
    v.scopeKind === 'ledger'
      ? { kind: 'ledger', typeId: v.typeId ?? undefined, villageCodes: v.villageCodes ?? [] }
      : {
          kind: 'registry',
          domains: v.domains ?? [],
          flags: v.flags ?? [],
          industrySections: v.industrySections ?? [],
          villageCodes: v.villageCodes ?? [],
          smallVenues: !!v.smallVenues,
        };
  return {
    title: v.title ?? '',
    basis: v.basis ?? '',
    planTaskId: v.planTaskId ?? null,
    planTargetMetric: v.planTaskId ? (v.planTargetMetric ?? null) : null,
    scope,
    checklist: (v.checklist ?? []).map((i) => ({
      key: i.key ?? '',
      text: i.text ?? '',
      source: i.source ?? 'own',
      criteriaCode: i.criteriaCode ?? null,
      major: !!i.major,
    })),
    unitIds: v.unitIds ?? [],
    rounds: (v.rounds ?? []).map((r) => ({
      ...(r.title?.trim() ? { title: r.title.trim() } : {}),
      startsOn: day(r.startsOn),
      dueOn: day(r.dueOn),
    })),
  };
}

/** A stored campaign → the form (editing). */
export function formValuesOf(c: CampaignDetail): CampaignFormValues {
  const s = c.scope;
  return {
    title: c.title,
    basis: c.basis,
    planId: c.planId,
    planTaskId: c.planTaskId,
    planTargetMetric: c.planTargetMetric,
    scopeKind: s.kind,
    domains: s.kind === 'registry' ? s.domains : [],
    flags: s.kind === 'registry' ? s.flags : [],
    industrySections: s.kind === 'registry' ? s.industrySections : [],
    smallVenues: s.kind === 'registry' ? s.smallVenues : false,
    typeId: s.kind === 'ledger' ? s.typeId : null,
    villageCodes: s.villageCodes,
    checklist: c.checklist.map((i) => ({ ...i })),
    unitIds: c.units.map((u) => u.id),
    rounds: c.rounds.map((r) => ({ title: r.title, startsOn: dayjs(r.startsOn), dueOn: dayjs(r.dueOn), status: r.status })),
  };
}

export const emptyCampaignForm = (today: Dayjs): CampaignFormValues => ({
  basis: '',
  scopeKind: 'ledger',
  domains: [],
  flags: [],
  industrySections: [],
  smallVenues: false,
  villageCodes: [],
  checklist: [],
  unitIds: [],
  rounds: [{ startsOn: today, dueOn: today.add(1, 'month') }],
});

export type FormName = Array<string | number>;
export interface PlacedProblem {
  name: FormName;
  message: string;
}

/** Where a body path shows on the form; every scope field lives at the form's top level. */
const topFields = new Set(['title', 'basis', 'planTaskId', 'planTargetMetric', 'unitIds']);
const scopeFields = new Set(['typeId', 'domains', 'flags', 'industrySections', 'villageCodes', 'smallVenues']);
const checklistFields = new Set(['text', 'major']);
const roundFields = new Set(['title', 'startsOn', 'dueOn']);

/**
 * A problem's path (`body.rounds.1.dueOn`, `scope/typeId`, `checklist[0].key`) → the form field that shows it, or null
 * when no single field does (e.g. "请至少安排一轮检查" on the list itself): those are shown above the submit button.
 */
export function formNameOf(path: string): FormName | null {
  const parts = path.split(/[./[\]]/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  const [head, second, third] = parts;
  if (!head) return null;
  if (topFields.has(head) && parts.length === 1) return [head];
  if (head === 'unitIds') return ['unitIds'];
  if (head === 'scope') {
    if (second === undefined || second === 'kind') return ['scopeKind'];
    return scopeFields.has(second) ? [second] : null;
  }
  const index = Number(second);
  if (!Number.isInteger(index) || third === undefined) return null;
  if (head === 'checklist') return ['checklist', index, checklistFields.has(third) ? third : 'text'];
  if (head === 'rounds' && roundFields.has(third)) return ['rounds', index, third];
  return null;
}

/** Splits problems into those a field shows and the rest. */
export function placeProblems(problems: ReadonlyArray<{ path: string; message: string }>): {
  placed: PlacedProblem[];
  unplaced: string[];
} {
  const placed: PlacedProblem[] = [];
  const unplaced: string[] = [];
  for (const p of problems) {
    const name = formNameOf(p.path);
    if (name) placed.push({ name, message: p.message });
    else unplaced.push(p.message);
  }
  return { placed, unplaced };
}

/** Zod issues → `{path, message}` as the server's details read. */
export const issuesAsProblems = (issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) =>
  issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
