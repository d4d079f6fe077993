import { dispatchCardOutcome, type PlanDispatch, type PlanDispatchItem, type PlanReportInput, type PlanReportStatus } from '@anzhi/core';

/** A figure row: one per target of the task (metric fixed), plus any the unit adds. */
export interface FigureRow {
  metric: string;
  value: number | null;
  unit: string;
  fromTarget: boolean;
}

export interface ItemValues {
  status: PlanReportStatus;
  summary: string;
  problems: string;
  figures: FigureRow[];
  fileIds: number[];
  /** 本月无新进展: the unit confirms the card as it stands (a report of its own kind). */
  noChange: boolean;
}

export interface DispatchValues {
  /** Keyed `t<taskId>` so antd keeps them as an object, not a sparse array. */
  items: Record<string, ItemValues>;
}

export const itemKey = (taskId: number) => `t${taskId}`;

function figuresOf(item: PlanDispatchItem): FigureRow[] {
  const given = item.prefill.figures;
  const rows: FigureRow[] = [];
  const seen = new Set<string>();
  for (const t of item.targets) {
    if (seen.has(t.metric)) continue;
    seen.add(t.metric);
    const f = given.find((g) => g.metric === t.metric);
    rows.push({ metric: t.metric, unit: f?.unit ?? t.unit, value: f ? f.value : null, fromTarget: true });
  }
  for (const f of given) if (!seen.has(f.metric)) rows.push({ metric: f.metric, unit: f.unit, value: f.value, fromTarget: false });
  return rows;
}

/** The form as the server prefilled it: this month's report, else last month's, else empty. */
export function initialValues(dispatch: PlanDispatch): DispatchValues {
  const items: Record<string, ItemValues> = {};
  for (const item of dispatch.items) {
    items[itemKey(item.taskId)] = {
      status: item.prefill.status,
      summary: item.prefill.summary,
      problems: item.prefill.problems,
      figures: figuresOf(item),
      fileIds: item.prefill.fileIds,
      noChange: false,
    };
  }
  return { items };
}

/** One report per task, with the version of this month's report when it is an update. */
export function toReports(dispatch: PlanDispatch, values: DispatchValues): PlanReportInput[] {
  return dispatch.items.map((item) => {
    const v = values.items[itemKey(item.taskId)];
    return {
      taskId: item.taskId,
      status: v?.status ?? 'notStarted',
      summary: (v?.summary ?? '').trim(),
      problems: (v?.problems ?? '').trim(),
      figures: (v?.figures ?? [])
        .filter((f) => f.metric.trim() && typeof f.value === 'number' && Number.isFinite(f.value))
        .map((f) => ({ metric: f.metric.trim(), value: f.value as number, unit: f.unit.trim() })),
      fileIds: v?.fileIds ?? [],
      noChange: v?.noChange ?? false,
      version: item.report?.version,
    };
  });
}

/**
 * Cards not yet reported this month that are still exactly as prefilled and not confirmed 本月无新进展: the server will
 * not count them (core dispatchCardOutcome, the same rule), so the page says so before saving.
 */
export function untouchedItems(dispatch: PlanDispatch, reports: readonly PlanReportInput[]): PlanDispatchItem[] {
  return dispatch.items.filter((item) => {
    const input = reports.find((r) => r.taskId === item.taskId);
    return !item.report && input !== undefined && dispatchCardOutcome(input, item.prefill) === 'untouched';
  });
}

const draftKey = (dispatch: Pick<PlanDispatch, 'period' | 'assignee'>) =>
  `anzhi.plan-dispatch.${dispatch.period}.${dispatch.assignee.unitId ?? dispatch.assignee.villageCode ?? 'self'}`;

interface StoredDraft {
  savedAt: string;
  values: DispatchValues;
}

/** What was typed survives a lost connection or a closed tab until it is sent. */
export function storeDraft(dispatch: PlanDispatch, values: DispatchValues): void {
  try {
    localStorage.setItem(draftKey(dispatch), JSON.stringify({ savedAt: new Date().toISOString(), values } satisfies StoredDraft));
  } catch {
    // private mode or a full disk: the draft is a convenience
  }
}

export function loadDraft(dispatch: PlanDispatch): StoredDraft | null {
  try {
    const raw = localStorage.getItem(draftKey(dispatch));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft;
    return parsed && typeof parsed === 'object' && parsed.values?.items ? parsed : null;
  } catch {
    return null;
  }
}

export function clearDraft(dispatch: PlanDispatch): void {
  try {
    localStorage.removeItem(draftKey(dispatch));
  } catch {
    // nothing to clear
  }
}
