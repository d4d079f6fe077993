import { type CheckRecordInput, type CheckResult, checkRecordInput } from '@anzhi/core';
import type { OutboxPhoto } from '../../../lib/offline/offline-db.ts';
import type { DualOutboxRecord } from './dual-outbox.ts';

/** One checklist item as the form holds it. */
export interface ItemDraft {
  seq: number;
  text: string;
  result?: CheckResult;
  note: string;
  major: boolean;
  fixedOnSpot: boolean;
  deadline: string;
  photos: OutboxPhoto[];
}

export interface RecordTarget {
  kind: CheckRecordInput['kind'];
  enterpriseId: number;
  taskPeriodId?: number;
  title: string;
  items: Array<{ seq: number; text: string }>;
}

export function emptyDrafts(target: RecordTarget): ItemDraft[] {
  return target.items.map((i) => ({ ...i, note: '', major: false, fixedOnSpot: false, deadline: '', photos: [] }));
}

/** A refused record opened again to be fixed: its answers and photos back in the form. */
export function draftsFromOutbox(target: RecordTarget, row: DualOutboxRecord): ItemDraft[] {
  return emptyDrafts(target).map((d) => {
    const done = row.record.items.find((i) => i.seq === d.seq);
    if (!done) return d;
    return {
      ...d,
      result: done.result,
      note: done.note ?? '',
      major: done.major,
      fixedOnSpot: done.fixedOnSpot,
      deadline: done.deadline ?? '',
      photos: row.photos.filter((p) => p.seq === d.seq),
    };
  });
}

/** The device's local time with its offset, e.g. 2026-12-06T09:30:00+08:00 (the contract's `checkedAt`). */
export function localDateTime(d: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(
    d.getSeconds(),
  )}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

export type BuildResult =
  | { ok: true; record: CheckRecordInput; photos: OutboxPhoto[] }
  | { ok: false; problems: Map<number | 'form', string> };

/**
 * The record to keep in the outbox, checked with the contract the server applies. Every item must be answered;
 * problems are keyed by item seq ('form' for the record as a whole).
 */
export function buildRecord(target: RecordTarget, drafts: ItemDraft[], clientId: string, note: string, now: Date): BuildResult {
  const problems = new Map<number | 'form', string>();
  for (const d of drafts) if (!d.result) problems.set(d.seq, `第 ${d.seq} 项：请选择“正常”或“异常”`);
  if (problems.size) return { ok: false, problems };
  const input = {
    clientId,
    kind: target.kind,
    taskPeriodId: target.taskPeriodId,
    enterpriseId: target.enterpriseId,
    checkedAt: localDateTime(now),
    note,
    items: drafts.map((d) => {
      const abnormal = d.result === 'abnormal';
      return {
        seq: d.seq,
        text: d.text,
        result: d.result,
        note: d.note,
        major: abnormal && d.major,
        fixedOnSpot: abnormal && d.fixedOnSpot,
        deadline: abnormal && !d.fixedOnSpot && d.deadline ? d.deadline : undefined,
      };
    }),
  };
  const parsed = checkRecordInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, index] = issue.path;
      const key = first === 'items' && typeof index === 'number' ? drafts[index].seq : 'form';
      if (!problems.has(key)) problems.set(key, issue.message);
    }
    return { ok: false, problems };
  }
  // Photos only of 异常 items: a 正常 item's photos are not evidence of anything.
  const photos = drafts.filter((d) => d.result === 'abnormal').flatMap((d) => d.photos);
  return { ok: true, record: parsed.data, photos };
}
