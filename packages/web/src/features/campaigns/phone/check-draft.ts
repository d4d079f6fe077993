import {
  type CampaignCheckInput,
  type CampaignChecklistItem,
  type CampaignFieldTarget,
  type CampaignItemResult,
  campaignCheckInput,
} from '@anzhi/core';
import type { OutboxPhoto, OutboxRecord, OutboxTarget } from '../../../lib/offline/offline-db.ts';

/** Where a 专项检查 is posted (the outbox carries records of every kind). */
export const campaignCheckTarget: OutboxTarget = { endpoint: '/api/v1/campaign-checks', field: 'check' };

/** A target's key in a page address: `o<objectId>` (a ledger object) or `e<enterpriseId>` (an enterprise). */
export const targetKeyOf = (t: Pick<CampaignFieldTarget, 'objectId' | 'enterpriseId'>) =>
  t.objectId !== null ? `o${t.objectId}` : `e${t.enterpriseId}`;
export const checkPath = (roundId: number, t: Pick<CampaignFieldTarget, 'objectId' | 'enterpriseId'>) =>
  `/campaigns/m/check/${roundId}/${targetKeyOf(t)}`;

/** The outbox's 专项检查 (other kinds are other features'). */
export const campaignRecords = (rows: readonly OutboxRecord[]) =>
  rows.filter((r): r is OutboxRecord<CampaignCheckInput> => r.target?.endpoint === campaignCheckTarget.endpoint);
/** A record waiting in the outbox for this round's target. */
export const isFor = (r: OutboxRecord<CampaignCheckInput>, roundId: number, t: Pick<CampaignFieldTarget, 'objectId' | 'enterpriseId'>) =>
  r.record.roundId === roundId && (r.record.objectId ?? null) === t.objectId && (r.record.enterpriseId ?? null) === t.enterpriseId;

export interface ItemDraft {
  seq: number;
  key: string;
  text: string;
  major: boolean;
  result?: CampaignItemResult;
  note: string;
  fixedOnSpot: boolean;
  deadline: string;
  photos: OutboxPhoto[];
}

export function emptyDrafts(checklist: readonly CampaignChecklistItem[], fixing?: OutboxRecord<CampaignCheckInput>): ItemDraft[] {
  return checklist.map((item, i) => {
    const done = fixing?.record.items.find((x) => x.key === item.key);
    return {
      seq: i + 1,
      key: item.key,
      text: item.text,
      major: item.major,
      result: done?.result,
      note: done?.note ?? '',
      fixedOnSpot: done?.fixedOnSpot ?? false,
      deadline: done?.deadline ?? '',
      photos: fixing?.photos.filter((p) => p.seq === i + 1) ?? [],
    };
  });
}

/** The device's local time with its offset (the contract's `checkedAt`). */
export function localDateTime(d: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${
    offset >= 0 ? '+' : '-'
  }${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

export type BuildResult =
  | { ok: true; record: CampaignCheckInput; photos: OutboxPhoto[] }
  | { ok: false; problems: Map<number | 'form', string> };

/** The check to keep in the outbox, checked with the contract the server applies; every item must be answered. */
export function buildCheck(
  target: { roundId: number } & Pick<CampaignFieldTarget, 'objectId' | 'enterpriseId'>,
  drafts: ItemDraft[],
  clientId: string,
  note: string,
  now: Date,
): BuildResult {
  const problems = new Map<number | 'form', string>();
  for (const d of drafts) if (!d.result) problems.set(d.seq, `第 ${d.seq} 项：请选择“符合”“不符合”或“不适用”`);
  for (const d of drafts)
    if (d.result === 'fail' && !d.major && !d.fixedOnSpot && !d.deadline && !problems.has(d.seq))
      problems.set(d.seq, `第 ${d.seq} 项：请填写整改期限，或选择“立行立改”`);
  if (problems.size) return { ok: false, problems };
  const parsed = campaignCheckInput.safeParse({
    clientId,
    roundId: target.roundId,
    ...(target.objectId !== null ? { objectId: target.objectId } : { enterpriseId: target.enterpriseId }),
    checkedAt: localDateTime(now),
    note: note.trim() || undefined,
    items: drafts.map((d) => {
      const fail = d.result === 'fail';
      return {
        seq: d.seq,
        key: d.key,
        result: d.result,
        note: d.note.trim() || undefined,
        fixedOnSpot: fail && !d.major && d.fixedOnSpot,
        deadline: fail && !d.major && !d.fixedOnSpot && d.deadline ? d.deadline : undefined,
      };
    }),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, index] = issue.path;
      const key = first === 'items' && typeof index === 'number' ? (drafts[index]?.seq ?? 'form') : 'form';
      if (!problems.has(key)) problems.set(key, issue.message);
    }
    return { ok: false, problems };
  }
  // Photos only of 不符合 items: they go to the hazard as its evidence.
  return { ok: true, record: parsed.data, photos: drafts.filter((d) => d.result === 'fail').flatMap((d) => d.photos) };
}
