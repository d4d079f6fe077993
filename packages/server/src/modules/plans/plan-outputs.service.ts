import { periodOf } from '@anzhi/core';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { planErrorsOf } from './plan.presenter.ts';
import { planRepo } from './plan.repo.ts';
import { bulletinDocx } from './plan-bulletin.ts';
import { loadLedger, statusesOf } from './plan-ledger.ts';
import { countsOf } from './plan-progress.ts';
import { computeRankings } from './plan-rankings.ts';
import { asOfPeriod, type PlanTrackingService, viewerOf } from './plan-tracking.service.ts';
import { wallRows, wallTableXlsx } from './plan-wall-table.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A plan title as part of a download's name: characters no file system takes (\ / : * ? " < > |, controls) and ' become
 * spaces, runs of spaces one, at most 60 characters. The header carries it UTF-8 encoded (filename*), with an ASCII
 * fallback.
 */
export function fileTitle(title: string): string {
  const clean = title
    .replace(/[\\/:*?"'<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (clean || '方案').slice(0, 60).trim();
}

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/** The months of a quarter that have begun by `today`. */
export function quarterPeriods(quarter: string, today: string): string[] {
  const [year, q] = quarter.split('Q').map(Number) as [number, number];
  return [1, 2, 3].map((i) => `${year}-${pad((q - 1) * 3 + i)}`).filter((p) => p <= periodOf(today));
}

/** The generated documents: the 挂图作战 table (as the caller sees the plan) and the 季通报 (whole plan). */
export function createPlanOutputs(deps: { db: Db; tracking: PlanTrackingService }) {
  const { db, tracking } = deps;

  async function wallTable(actor: Actor, id: number) {
    const plan = await tracking.load(actor, id);
    const today = tracking.today();
    const ledger = await loadLedger(db, plan, viewerOf(actor));
    const buffer = await wallTableXlsx(`${plan.title}“挂图作战”责任表`, wallRows(ledger, statusesOf(ledger, today)));
    return { buffer, fileName: `${fileTitle(plan.title)}-挂图作战表.xlsx`, ascii: `battle-map-${plan.id}-${today}.xlsx` };
  }

  async function bulletin(actor: Actor, id: number, requested?: string) {
    const plan = await tracking.load(actor, id, { published: true });
    const today = tracking.today();
    const quarter = requested ?? quarterOf(today);
    const periods = quarterPeriods(quarter, today);
    const last = periods[periods.length - 1];
    if (!last) throw planErrorsOf.invalid('quarter', `${quarter} 尚未开始，无法生成通报`);
    const asOf = asOfPeriod(last, today);
    const ledger = await loadLedger(db, plan, { upTo: last });
    const statuses = statusesOf(ledger, asOf);
    const township = await planRepo.region(db, plan.regionCode);
    const buffer = await bulletinDocx({
      ledger,
      statuses,
      counts: countsOf([...statuses.values()]),
      rankings: computeRankings(ledger, last, asOf),
      quarter,
      periods,
      asOf,
      issuer: `${township?.name ?? ''}安全生产委员会办公室`,
      today,
    });
    const [year, q] = quarter.split('Q');
    return {
      buffer,
      fileName: `${fileTitle(plan.title)}-${year}年第${q}季度通报.docx`,
      ascii: `bulletin-${plan.id}-${quarter}.docx`,
    };
  }

  return { wallTable, bulletin };
}

export type PlanOutputs = ReturnType<typeof createPlanOutputs>;
