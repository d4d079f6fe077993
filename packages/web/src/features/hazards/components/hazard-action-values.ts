import { fiveInPlace, type HazardAction, type HazardDetail, planContents } from '@anzhi/core';
import dayjs, { type Dayjs } from 'dayjs';

/** Form values of any action: dates as Dayjs, the 五落实 checklist as the list of ticked items. */
export type ActionFormValues = Record<string, unknown> & {
  deadline?: Dayjs | null;
  reviewedOn?: Dayjs | null;
  checks?: string[];
  plan?: Record<string, string>;
};

/** Each action's fields by their API path, so schema and server problems land on the right field. */
export const actionFields: Record<HazardAction, string[]> = {
  confirm: ['criteriaCodes', 'cause', 'harm', 'difficulty', 'deadline', 'opinion'],
  submitPlan: [...planContents.map((k) => `plan.${k}`), 'interimMeasures', 'stoppage', 'deadline', 'files'],
  approvePlan: ['checks', 'deadline', 'opinion'],
  returnPlan: ['opinion'],
  supervise: ['level', 'opinion'],
  unsupervise: ['reason'],
  rectify: ['note', 'photos'],
  accept: ['opinion', 'photos'],
  reject: ['opinion', 'photos'],
  requestExtension: ['deadline', 'reason'],
  approveExtension: ['opinion'],
  denyExtension: ['opinion'],
  decline: ['reason'],
  dismiss: ['reason'],
  upgrade: ['reason', 'criteriaCodes', 'deadline'],
  evaluate: ['evaluator', 'institution', 'reportFiles', 'verdict', 'conclusion'],
  applyResume: ['applicant', 'content', 'files'],
  review: ['verdict', 'reviewedOn', 'opinion', 'photos'],
};

const textFields = ['opinion', 'reason', 'note', 'interimMeasures', 'conclusion', 'content', 'applicant'];

/** Text fields start empty rather than unset, so an empty one gets the schema's own words ("请写明退回理由"). */
function emptyTexts(action: HazardAction): ActionFormValues {
  return Object.fromEntries(actionFields[action].filter((f) => textFields.includes(f)).map((f) => [f, '']));
}

/** What a drawer opens with: what the record already says, so nothing is typed twice. */
export function initialActionValues(action: HazardAction, h: HazardDetail): ActionFormValues {
  return { ...emptyTexts(action), ...prefilled(action, h) };
}

function prefilled(action: HazardAction, h: HazardDetail): ActionFormValues {
  switch (action) {
    case 'confirm':
      return { criteriaCodes: h.criteriaCodes, cause: h.cause ?? '', harm: h.harm ?? '', difficulty: h.difficulty ?? '' };
    case 'upgrade':
      return { criteriaCodes: h.criteriaCodes };
    case 'submitPlan':
      return { stoppage: 'none', files: [], plan: Object.fromEntries(planContents.map((k) => [k, ''])) };
    case 'approvePlan':
      return { checks: [] };
    case 'supervise':
      return { level: h.supervisionLevel ?? h.supervisionOptions[0]?.value };
    case 'rectify':
    case 'accept':
    case 'reject':
      return { photos: [] };
    case 'evaluate':
      return { evaluator: 'self', reportFiles: [] };
    case 'applyResume':
      return { files: [] };
    case 'review':
      return { reviewedOn: dayjs(), photos: [] };
    default:
      return {};
  }
}

const optionalOpinion: HazardAction[] = ['confirm', 'approvePlan', 'supervise', 'approveExtension'];

/** The request body (without `version`) from the form values, before the action's zod schema checks it. */
export function actionBody(action: HazardAction, v: ActionFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = { ...v };
  if ('deadline' in v) body.deadline = v.deadline?.isValid() ? v.deadline.format('YYYY-MM-DD') : undefined;
  if ('reviewedOn' in v) body.reviewedOn = v.reviewedOn?.isValid() ? v.reviewedOn.format('YYYY-MM-DD') : undefined;
  if (action === 'evaluate' && v.evaluator !== 'institution') delete body.institution;
  if (action === 'approvePlan') {
    const ticked = new Set(v.checks ?? []);
    body.checks = Object.fromEntries(fiveInPlace.map((k) => [k, ticked.has(k)]));
  }
  if (action === 'submitPlan') body.plan = Object.fromEntries(planContents.map((k) => [k, v.plan?.[k] ?? '']));
  // An optional opinion left empty is left out rather than recorded as "".
  if (optionalOpinion.includes(action) && typeof body.opinion === 'string' && !body.opinion.trim()) delete body.opinion;
  return body;
}

/** `body.plan.goal`, `/plan/goal` → `plan.goal`. */
export function normalisePath(path: string): string {
  const parts = path.split(/[./[\]]/).filter(Boolean);
  if (parts[0] === 'body' && parts.length > 1) parts.shift();
  return parts.join('.');
}
