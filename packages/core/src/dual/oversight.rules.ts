import { chinaDayOf } from '../report/report-sweep.rules.ts';
import type { DualConfig } from './dual.settings.ts';

/**
 * What the township sees (issue 16, "What the township sees (形式主义 signals)"): pure predicates over plain rows. The
 * sweep's SQL (server modules/dual/oversight-signals.ts) is built from these definitions and the thresholds of the
 * township's `dual` settings; oversight-signals.sql.test.ts proves both pick the same rows.
 *
 * The dates a hazard carries (modules/hazards): `found_on` (发现日期, entered when it is registered), the 整改完成 step
 * (hazard_events action `rectify`, its time `at`) and the 验收销号 step (hazard_events action `accept`, its time `at`;
 * hazards.closed_on is set to that day). Days are China calendar days.
 */
export type SignalThresholds = DualConfig['signals'];

/** Signals look back this many whole months (and the current one): a year of records. */
export const signalLookbackMonths = 12;

// ---------------------------------------------------------------------------------------------- months and days

/** The China month (YYYY-MM) of an instant. */
export const chinaMonthOf = (at: Date): string => chinaDayOf(at).slice(0, 7);

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + by;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The last `n` whole months before the month of `today` (oldest first): 2026-03-15, 3 → 2025-12, 2026-01, 2026-02. */
export function lastWholeMonths(today: string, n: number): string[] {
  const current = today.slice(0, 7);
  return Array.from({ length: n }, (_, i) => shiftMonth(current, i - n));
}

/** The first day of the signals' look-back window (the first day of the month `signalLookbackMonths` before today's). */
export function lookbackStart(today: string): string {
  return `${shiftMonth(today.slice(0, 7), -signalLookbackMonths)}-01`;
}

// ---------------------------------------------------------------------------------------------- noFindings

/**
 * 高危企业连续多月排查无隐患: a high-risk enterprise (enterprises.high_risk) with at least one check record in each of the
 * last `noFindingMonths` whole months, and not one 异常 item in any of them (abnormal_count 0 on every record).
 */
export function noFindings(
  enterprise: { highRisk: boolean },
  records: Array<{ checkedAt: Date; abnormalCount: number }>,
  today: string,
  t: Pick<SignalThresholds, 'noFindingMonths'>,
): boolean {
  if (!enterprise.highRisk) return false;
  const months = lastWholeMonths(today, t.noFindingMonths);
  const inWindow = records.filter((r) => months.includes(chinaMonthOf(r.checkedAt)));
  const covered = new Set(inWindow.map((r) => chinaMonthOf(r.checkedAt)));
  return months.every((m) => covered.has(m)) && inWindow.every((r) => r.abnormalCount === 0);
}

// ---------------------------------------------------------------------------------------------- photoReused

/** The stored form of a perceptual hash, as a regular expression SQL can use too. */
export const phashPattern = '^[0-9a-f]{16}$';
const HEX64 = new RegExp(phashPattern);
/** A 64-bit perceptual hash as stored in check_photos.phash: 16 lower-case hex digits. */
export const isPhash = (s: string): boolean => HEX64.test(s);

/** Bits in which two 64-bit hashes (16 hex digits each) differ. */
export function hammingDistance(a: string, b: string): number {
  if (!isPhash(a) || !isPhash(b)) throw new Error(`not a 64-bit hash: ${a} / ${b}`);
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x > 0n) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

export interface SignalPhoto {
  id: number;
  recordId: number;
  phash: string | null;
  /** sha256 of the stored file. */
  sha256: string;
}

/**
 * 同一照片重复使用: two photos of different records (of one enterprise or of two) whose perceptual hashes differ by at
 * most `photoDistance` bits, or whose files are byte for byte the same (sha256).
 */
export function photosReused(a: SignalPhoto, b: SignalPhoto, t: Pick<SignalThresholds, 'photoDistance'>): boolean {
  if (a.id === b.id || a.recordId === b.recordId) return false;
  if (a.sha256 === b.sha256) return true;
  return a.phash !== null && b.phash !== null && hammingDistance(a.phash, b.phash) <= t.photoDistance;
}

/**
 * The bands of the pigeonhole index that keeps the photo comparison from being a self-join of every pair: split the
 * 64 bits into `photoDistance + 1` bands; two hashes that differ in at most `photoDistance` bits agree on at least one
 * whole band, so only photos sharing a band value are compared. More distance means more and narrower bands (17 bands
 * of 3–4 bits at the maximum 16): the candidate sets grow and the index does less — say so when the setting is raised.
 * Bands are 1-based bit positions as SQL's substring takes them.
 */
export function photoBands(photoDistance: number): Array<{ start: number; length: number }> {
  const count = Math.max(1, Math.min(64, photoDistance + 1));
  const base = Math.floor(64 / count);
  const extra = 64 % count;
  const out: Array<{ start: number; length: number }> = [];
  let start = 1;
  for (let i = 0; i < count; i++) {
    const length = base + (i < extra ? 1 : 0);
    out.push({ start, length });
    start += length;
  }
  return out;
}

/**
 * Reused photos grouped as the sweep reports them: each photo that matches an earlier one (lower id) belongs to the
 * group of the earliest photo it matches (the anchor); one signal per anchor, with the anchor and every later match.
 */
export function reusedPhotoGroups(photos: SignalPhoto[], t: Pick<SignalThresholds, 'photoDistance'>): Map<number, number[]> {
  const sorted = [...photos].sort((a, b) => a.id - b.id);
  const groups = new Map<number, number[]>();
  for (const [i, b] of sorted.entries()) {
    const anchor = sorted.slice(0, i).find((a) => photosReused(a, b, t));
    if (!anchor) continue;
    const g = groups.get(anchor.id) ?? [anchor.id];
    g.push(b.id);
    groups.set(anchor.id, g);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------- hazard dates

export interface HazardDates {
  /** hazards.found_on. */
  foundOn: string;
  /** China day of the first 整改完成 (hazard_events `rectify`), null when never reported fixed. */
  firstFixedOn: string | null;
  /** China day of the last 整改完成. */
  lastFixedOn: string | null;
  /** China day of the 验收销号 (hazard_events `accept`), null when not accepted. */
  acceptedOn: string | null;
}

/** 验收日期早于整改日期: the acceptance is dated before the (last) reported fix. */
export const acceptedBeforeFix = (h: HazardDates): boolean =>
  h.acceptedOn !== null && h.lastFixedOn !== null && h.acceptedOn < h.lastFixedOn;

/** 整改日期早于发现日期: the (first) reported fix is dated before the hazard was found. */
export const fixedBeforeFound = (h: HazardDates): boolean => h.firstFixedOn !== null && h.firstFixedOn < h.foundOn;

// ---------------------------------------------------------------------------------------------- bulkRecorded

export interface SignalRecord {
  id: number;
  checkedBy: number;
  /** The device's time (checked_at), not the sync's: an honest offline bulk sync is not a signal. */
  checkedAt: Date;
}

/**
 * 短时间内批量补录: at least `bulkRecords` records by one user whose device times fall within `bulkMinutes` (a window
 * [t, t + bulkMinutes) starting at one of them). Overlapping windows make one burst: its head is a qualifying start
 * with no other qualifying start of the same user in the `bulkMinutes` before it. The burst's records are those of the
 * head's window.
 */
export function bulkBursts(records: SignalRecord[], t: Pick<SignalThresholds, 'bulkRecords' | 'bulkMinutes'>) {
  const span = t.bulkMinutes * 60_000;
  const byUser = new Map<number, SignalRecord[]>();
  for (const r of records) byUser.set(r.checkedBy, [...(byUser.get(r.checkedBy) ?? []), r]);
  const out: Array<{ userId: number; headId: number; recordIds: number[] }> = [];
  for (const [userId, rs] of byUser) {
    const sorted = [...rs].sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime() || a.id - b.id);
    const windowOf = (s: SignalRecord) =>
      sorted.filter((r) => r.checkedAt.getTime() >= s.checkedAt.getTime() && r.checkedAt.getTime() < s.checkedAt.getTime() + span);
    const starts = sorted.filter((s) => windowOf(s).length >= t.bulkRecords);
    for (const s of starts) {
      const at = s.checkedAt.getTime();
      const earlier = starts.some(
        (p) =>
          p !== s && p.checkedAt.getTime() >= at - span && (p.checkedAt.getTime() < at || (p.checkedAt.getTime() === at && p.id < s.id)),
      );
      if (!earlier) out.push({ userId, headId: s.id, recordIds: windowOf(s).map((r) => r.id) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- statistics

/** A due check's outcome as of `today`: done on time (record's China day ≤ period end), late, missed, or still open. */
export type DueOutcome = 'onTime' | 'late' | 'missed' | 'open';
/** The outcomes by name, so the server's SQL (`dueOutcomeSql`) is built from these and never retypes them. */
export const dueOutcomeRule = {
  /** Done by the period's last day. */
  onTime: 'onTime',
  /** Done after it. */
  late: 'late',
  /** Not done and the period has ended. */
  missed: 'missed',
  /** Not done and the period still runs. */
  open: 'open',
} as const satisfies Record<DueOutcome, DueOutcome>;

export function dueOutcome(p: { periodEnd: string; doneOn: string | null }, today: string): DueOutcome {
  if (p.doneOn !== null) return p.doneOn <= p.periodEnd ? dueOutcomeRule.onTime : dueOutcomeRule.late;
  return p.periodEnd < today ? dueOutcomeRule.missed : dueOutcomeRule.open;
}

/** A risk point never reviewed, or last reviewed more than `reviewMonths` months before today (长期未复评). */
export function reviewOverdue(point: { reviewedOn: string | null }, today: string, reviewMonths: number): boolean {
  if (point.reviewedOn === null) return true;
  return point.reviewedOn < reviewCutoff(today, reviewMonths);
}

/** The earliest review day that still counts: today minus `reviewMonths` months (day clamped to the month's end). */
export function reviewCutoff(today: string, reviewMonths: number): string {
  const month = shiftMonth(today.slice(0, 7), -reviewMonths);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = Math.min(Number(today.slice(8, 10)), last);
  return `${month}-${String(day).padStart(2, '0')}`;
}
