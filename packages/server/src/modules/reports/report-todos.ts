import {
  can,
  chinaDayOf,
  reportAcceptDueOn,
  type TodoBox,
  type TodoItem,
  unacceptedReportStatuses,
  verifyDueSoon,
  verifyingReportStatuses,
  verifyOverdue,
} from '@anzhi/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { loadSettingsBook } from '../settings/settings.resolver.ts';
import type { TodoProvider } from '../todos/todo.provider.ts';
import { reportRewards, reports } from './report.table.ts';

const LIMIT = 500;

/**
 * 举报's to-dos: for the office, reports to accept (受理) and rewards to approve or pay; for a member unit, its
 * reports under verification that are due soon or overdue (core report-sweep.rules.ts, with the township's days).
 * Items name the tracking code only: never the reporter, never the report's text.
 */
export function createReportTodoProvider(deps: { db: Db; clock: Clock }): TodoProvider {
  const { db } = deps;

  async function toAccept(actor: Actor, today: string): Promise<TodoItem[]> {
    const rows = await db
      .select()
      .from(reports)
      .where(and(scopeOn.reports(actor.scope), inArray(reports.status, unacceptedReportStatuses)))
      .orderBy(asc(reports.receivedAt))
      .limit(LIMIT);
    const book = await loadSettingsBook(db);
    return rows.map((r) => {
      const dueOn = reportAcceptDueOn(chinaDayOf(r.receivedAt), book.forRegion(r.regionCode).report);
      return {
        kind: 'report.accept',
        title: `受理举报：${r.trackingCode}`,
        detail: r.enterpriseName ?? r.place ?? null,
        link: `/reports/${r.id}`,
        dueOn,
        overdue: today > dueOn,
        entityType: 'report',
        entityId: r.id,
        at: r.receivedAt.toISOString(),
      };
    });
  }

  async function toVerify(actor: Actor, unitId: number, today: string): Promise<TodoItem[]> {
    const rows = await db
      .select()
      .from(reports)
      .where(and(scopeOn.reports(actor.scope), eq(reports.assignedUnitId, unitId), inArray(reports.status, verifyingReportStatuses)))
      .orderBy(asc(reports.dueOn))
      .limit(LIMIT);
    const book = await loadSettingsBook(db);
    return rows
      .filter((r) => verifyOverdue(r, today) || verifyDueSoon(r, today, book.forRegion(r.regionCode).report))
      .map((r) => ({
        kind: 'report.verify',
        title: `核查举报：${r.trackingCode}`,
        detail: r.enterpriseName ?? r.place ?? null,
        link: `/reports/${r.id}`,
        dueOn: r.dueOn,
        overdue: verifyOverdue(r, today),
        entityType: 'report',
        entityId: r.id,
        at: null,
      }));
  }

  async function rewards(actor: Actor, today: string): Promise<TodoItem[]> {
    const rows = await db
      .select({ w: reportRewards, trackingCode: reports.trackingCode })
      .from(reportRewards)
      .innerJoin(reports, eq(reports.id, reportRewards.reportId))
      .where(and(scopeOn.report_rewards(actor.scope), inArray(reportRewards.status, ['proposed', 'approved'])))
      .orderBy(asc(reportRewards.proposedAt))
      .limit(LIMIT);
    return rows.map(({ w, trackingCode }) => {
      const approve = w.status === 'proposed';
      return {
        kind: 'report.reward',
        title: approve ? `审批举报奖励：${trackingCode}` : `登记奖励发放：${trackingCode}`,
        detail: approve ? `拟奖励 ${Number(w.computedAmount)} 元` : `已批准 ${Number(w.amount)} 元，${w.claimDueOn} 前领取`,
        link: `/reports/${w.reportId}`,
        dueOn: approve ? null : w.claimDueOn,
        overdue: !approve && w.claimDueOn !== null && today > w.claimDueOn,
        entityType: 'reportReward',
        entityId: w.id,
        at: w.proposedAt.toISOString(),
      };
    });
  }

  return {
    kinds: ['report.accept', 'report.verify', 'report.reward'],
    async list(actor: Actor, box: TodoBox): Promise<TodoItem[]> {
      if (box !== 'mine') return [];
      const today = chinaToday(deps.clock.now());
      const items: TodoItem[] = [];
      if (can(actor.roles, 'report.triage')) items.push(...(await toAccept(actor, today)));
      if (actor.roles.includes('unit') && actor.unitId && can(actor.roles, 'report.verify'))
        items.push(...(await toVerify(actor, actor.unitId, today)));
      if (can(actor.roles, 'report.reward')) items.push(...(await rewards(actor, today)));
      return items;
    },
  };
}
