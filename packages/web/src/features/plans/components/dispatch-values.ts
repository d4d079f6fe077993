import type { PlanDispatch, PlanDispatchItem, PlanReportInput, PlanReportStatus } from '@anzhi/core';

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
      version: item.report?.version,
    };
  });
}

/** Items whose form still holds last month's words and that nobody touched: shown before saving, not hidden. */
export function carriedOver(dispatch: PlanDispatch, touched: (taskId: number) => boolean): PlanDispatchItem[] {
  return dispatch.items.filter((i) => !i.report && i.prefill.fromPeriod && i.prefill.fromPeriod !== dispatch.period && !touched(i.taskId));
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
