import { type HazardCategory, type HazardChannel, type HazardCreate, type HazardGrade, hazardCreate, majorReportItems } from '@anzhi/core';
import dayjs, { type Dayjs } from 'dayjs';

/** What the form holds: dates as Dayjs, everything else as the API names it. */
export interface HazardFormValues {
  enterpriseId?: number | null;
  channel?: HazardChannel;
  grade?: HazardGrade;
  category?: HazardCategory;
  title?: string;
  description?: string;
  location?: string;
  photos?: number[];
  foundOn?: Dayjs | null;
  deadline?: Dayjs | null;
  fixedOnSpot?: boolean;
  afterPhotos?: number[];
  criteriaCodes?: string[];
  cause?: string;
  harm?: string;
  difficulty?: string;
}

/** Every field on the form by its API name, so schema and server problems land on the right one. */
export const hazardFormFields = [
  'enterpriseId',
  'channel',
  'grade',
  'category',
  'title',
  'description',
  'location',
  'photos',
  'foundOn',
  'deadline',
  'fixedOnSpot',
  'afterPhotos',
  'criteriaCodes',
  'cause',
  'harm',
  'difficulty',
] as const;

const day = (d: Dayjs | null | undefined) => (d?.isValid() ? d.format('YYYY-MM-DD') : undefined);

/**
 * The request body, before `hazardCreate` checks it. Fields the chosen grade does not use are dropped, so a deadline
 * typed before switching to 重大 does not travel.
 */
export function toCreateBody(v: HazardFormValues): Partial<Record<keyof HazardCreate, unknown>> {
  const general = v.grade === 'general';
  const fixedOnSpot = general && !!v.fixedOnSpot;
  return {
    enterpriseId: v.enterpriseId ?? undefined,
    channel: v.channel,
    grade: v.grade,
    category: v.category,
    title: v.title ?? '',
    description: v.description ?? '',
    location: v.location?.trim() || null,
    photos: v.photos ?? [],
    foundOn: day(v.foundOn),
    deadline: general && !fixedOnSpot ? (day(v.deadline) ?? null) : null,
    fixedOnSpot,
    afterPhotos: fixedOnSpot ? (v.afterPhotos ?? []) : [],
    criteriaCodes: v.grade === 'major' ? (v.criteriaCodes ?? []) : [],
    // 16号令 第十四条第二款: what a major hazard's report states (required by 认定 at the latest).
    ...Object.fromEntries(majorReportItems.map((k) => [k, v.grade === 'major' ? v[k]?.trim() || null : null])),
  };
}

/**
 * The schema's cross-field rules (a deadline or 立行立改, after-photos…) run only once every field is valid. To show
 * them in the same round as the missing fields, check them on a body whose other fields are stand-ins.
 */
export function crossFieldProblems(body: ReturnType<typeof toCreateBody>): Array<{ path: string; message: string }> {
  const probe = {
    enterpriseId: 1,
    channel: 'inspection',
    category: 'thing',
    title: '占位',
    description: '占位',
    grade: body.grade ?? 'general',
    fixedOnSpot: body.fixedOnSpot,
    deadline: body.deadline,
    afterPhotos: body.afterPhotos,
  };
  const result = hazardCreate.safeParse(probe);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

// ——— Draft: a form that survives a lost connection or a closed tab ———

type Draft = Omit<HazardFormValues, 'foundOn' | 'deadline'> & { foundOn?: string; deadline?: string; savedAt: string };

const draftKey = (userId: number) => `anzhi.hazard-draft.${userId}`;

export function saveDraft(userId: number, v: HazardFormValues): void {
  const draft: Draft = { ...v, foundOn: day(v.foundOn), deadline: day(v.deadline), savedAt: new Date().toISOString() };
  try {
    localStorage.setItem(draftKey(userId), JSON.stringify(draft));
  } catch {
    // Private mode or a full disk: the form still works, only without a draft.
  }
}

export function loadDraft(userId: number): (HazardFormValues & { savedAt: string }) | null {
  try {
    const raw = localStorage.getItem(draftKey(userId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    const hasContent = !!(d.title || d.description || d.photos?.length);
    if (!hasContent) return null;
    return { ...d, foundOn: d.foundOn ? dayjs(d.foundOn) : null, deadline: d.deadline ? dayjs(d.deadline) : null };
  } catch {
    return null;
  }
}

export function clearDraft(userId: number): void {
  try {
    localStorage.removeItem(draftKey(userId));
  } catch {
    // nothing to clear
  }
}
