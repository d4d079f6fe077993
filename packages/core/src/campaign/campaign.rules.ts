import type { PlanFigure } from '../plan/plan-tracking.contract.ts';
import type { RoundStatus } from './campaign.dict.ts';

export interface RoundState {
  ordinal: number;
  status: RoundStatus;
  startsOn: string;
  dueOn: string;
  /** China date the round was closed, when it is. */
  closedOn: string | null;
}

/**
 * May round `ordinal` be opened now? Rounds open in order; a round opens while the one before is still open only
 * with a written reason (the seeds' "全覆盖" rounds are sequential: starting the second before the first is closed
 * leaves the first's gaps uncounted). Returns the Chinese reason it may not, or null.
 */
export function roundOpenError(rounds: readonly RoundState[], ordinal: number, reason: string | undefined): string | null {
  const round = rounds.find((r) => r.ordinal === ordinal);
  if (!round) return `第 ${ordinal} 轮不存在`;
  if (round.status !== 'planned') return `第 ${ordinal} 轮${round.status === 'open' ? '已在进行中' : '已结束'}`;
  const before = rounds.filter((r) => r.ordinal < ordinal);
  const notOpened = before.find((r) => r.status === 'planned');
  if (notOpened) return `第 ${notOpened.ordinal} 轮尚未开始，请按顺序开展`;
  const stillOpen = before.find((r) => r.status === 'open');
  if (stillOpen && (reason?.trim().length ?? 0) < 4)
    return `第 ${stillOpen.ordinal} 轮尚未结束，提前开始第 ${ordinal} 轮请说明原因（不少于 4 个字）`;
  return null;
}

/**
 * The days a round covers for counting: from its start to its close (closed), else to `today` (open). A round not
 * yet open covers nothing.
 */
export function roundWindow(round: RoundState, today: string): { from: string; to: string } | null {
  if (round.status === 'planned') return null;
  return { from: round.startsOn, to: round.closedOn ?? today };
}

/**
 * Does an object (or enterprise) count in a round's denominator? It must have been registered by the window's end —
 * an object added mid-campaign counts from the round open when it was added, never in rounds closed before — and not
 * removed by then; an object checked in the round always counts (it was reached before it was removed).
 */
export function countsInRound(
  object: { registeredOn: string; removedOn: string | null; checkedInRound: boolean },
  window: { from: string; to: string },
): boolean {
  if (object.checkedInRound) return true;
  return object.registeredOn <= window.to && (object.removedOn === null || object.removedOn > window.to);
}

export interface CampaignFigureInput {
  counter: string;
  /** What is counted: 经营性自建房, 企业 … */
  subject: string;
  rounds: Array<{ ordinal: number; status: RoundStatus; targets: number; covered: number }>;
  findings: number;
  hazards: number;
  hazardsClosed: number;
  /** Objects with findings whose hazards are all closed (整治销号). */
  objectsCleared: number;
}

/**
 * The figures a campaign gives its plan task's monthly dispatch (月调度): coverage of the latest round begun, the
 * problems found and closed, and — when the task has a quantitative target — the 销号 count under the target's own
 * metric, so the card reads against the plan's number.
 */
export function campaignDispatchFigures(c: CampaignFigureInput, target?: { metric: string; unit: string } | null): PlanFigure[] {
  const figures: PlanFigure[] = [];
  const begun = c.rounds.filter((r) => r.status !== 'planned');
  const latest = begun[begun.length - 1];
  if (latest) {
    figures.push({ metric: `${c.subject}第${latest.ordinal}轮应检查`, value: latest.targets, unit: c.counter });
    figures.push({ metric: `${c.subject}第${latest.ordinal}轮已检查`, value: latest.covered, unit: c.counter });
  }
  figures.push({ metric: '发现问题隐患', value: c.hazards, unit: '项' });
  figures.push({ metric: '问题隐患已整改销号', value: c.hazardsClosed, unit: '项' });
  figures.push({
    metric: target?.metric ?? `${c.subject}整治销号`,
    value: c.objectsCleared,
    unit: target?.unit || c.counter,
  });
  return figures;
}
