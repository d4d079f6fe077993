import {
  extensionProblem,
  type ReportAcceptBody,
  type ReportAssignBody,
  type ReportDetail,
  type ReportExtendBody,
  type ReportHandlingAction,
  type ReportMergeBody,
  type ReportMessageBody,
  type ReportRejectBody,
  type ReportUnmergeBody,
  reportActionAllowed,
  reportDueOn,
  reportTransitionMessages,
} from '@anzhi/core';
import { and, count, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { notificationRecipients } from '../notifications/notification-recipients.ts';
import { loadSettingsBook } from '../settings/settings.resolver.ts';
import { units } from '../units/unit.table.ts';
import type { ReportDeps } from './report.module.ts';
import { reports } from './report.table.ts';
import { type ReportRow, reportHandlingRepo as repo } from './report-handling.repo.ts';
import type { ReportHandling } from './report-handling.service.ts';

const field = (path: string, message: string) => errors.badRequest('report.invalid_field', message, [{ path, message }]);

export function requireStep(row: ReportRow, action: ReportHandlingAction): void {
  if (!reportActionAllowed(action, row.status)) throw errors.conflict('report.invalid_transition', reportTransitionMessages[action]);
}
export function requireVersion(row: ReportRow, version: number): void {
  if (row.version !== version) throw errors.conflict('report.version_conflict', '该举报已被他人处理，请刷新后重试');
}

/** The township's `report` settings for a report (deadlines and limits are never constants). */
export async function reportConfigOf(ex: Executor, row: ReportRow) {
  return (await loadSettingsBook(ex)).forRegion(row.regionCode).report;
}

/**
 * The steps of handling: 受理并交办, 不予受理, 改派, 延期, messages to the reporter, 合并 / 取消合并. Each runs in one audited
 * transaction on the locked row, checks the status (core) and the version, and writes the internal timeline; what
 * the reporter must know goes to them as a message. Notices to units never carry the reporter's identity.
 */
export function createReportSteps(deps: Pick<ReportDeps, 'db' | 'clock' | 'audit' | 'notifications'> & { handling: ReportHandling }) {
  const { db, clock, audit, notifications, handling } = deps;

  /** Runs a step on the locked report and answers the detail afterwards. */
  async function step(
    actor: Actor,
    id: number,
    action: ReportHandlingAction,
    version: number | null,
    fn: (tx: Tx, row: ReportRow, now: Date) => Promise<Record<string, unknown>>,
  ): Promise<ReportDetail> {
    await auditedTransaction(db, async (tx) => {
      const row = await handling.load(tx, actor, id, true);
      if (version !== null) requireVersion(row, version);
      requireStep(row, action);
      const now = clock.now();
      const after = await fn(tx, row, now);
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'report',
        entityId: id,
        action,
        before: { status: row.status, assignedUnitId: row.assignedUnitId, dueOn: row.dueOn, version: row.version },
        after,
      });
    });
    return handling.detail(db, actor, id);
  }

  async function unitInScope(tx: Tx, actor: Actor, unitId: number, path: string) {
    const [unit] = await tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.id, unitId), scopeOn.units(actor.scope)));
    if (!unit) throw field(path, '承办单位不存在或不在您的管辖范围内');
    return unit;
  }

  async function notifyUnit(tx: Tx, row: ReportRow, unitId: number, dueOn: string | null) {
    await notifications.notify(tx, {
      userIds: await notificationRecipients.ofUnit(tx, unitId),
      kind: 'report.assigned',
      title: '举报核查交办',
      // The tracking code and the deadline only: never the reporter, never the text (it may name them).
      body: `举报 ${row.trackingCode} 已交办贵单位核查${dueOn ? `，请于 ${dueOn} 前核查办结` : ''}。`,
      link: `/reports/${row.id}`,
      entityType: 'report',
      entityId: row.id,
    });
  }

  const message = (tx: Tx, row: ReportRow, actor: Actor, kind: 'notice' | 'question' | 'extension', body: string, at: Date) =>
    repo.insertMessage(tx, { reportId: row.id, kind, body, authorId: actor.userId, at });
  const event = (
    tx: Tx,
    reportId: number,
    actor: Actor,
    kind: Parameters<typeof repo.insertEvents>[1][number]['kind'],
    at: Date,
    data?: Record<string, unknown>,
    note?: string,
  ) => repo.insertEvents(tx, [{ reportId, kind, actorId: actor.userId, at, data: data ?? null, note: note ?? null }]);

  return {
    /** 受理并交办: on the 60-day clock from today; the reporter is told, the unit notified. */
    accept: (actor: Actor, id: number, body: ReportAcceptBody) =>
      step(actor, id, 'accept', body.version, async (tx, row, now) => {
        const unit = await unitInScope(tx, actor, body.assignedUnitId, 'assignedUnitId');
        const acceptedOn = chinaToday(now);
        const dueOn = reportDueOn(acceptedOn, row.extendedDays, await reportConfigOf(tx, row));
        await repo.update(tx, id, { status: 'verifying', assignedUnitId: unit.id, matter: body.matter, acceptedOn, dueOn, updatedAt: now });
        await message(tx, row, actor, 'notice', `您的举报已于 ${acceptedOn} 受理，我们将在 ${dueOn} 前核查完毕并告知结果。`, now);
        await event(tx, id, actor, 'accepted', now, { unitId: unit.id, unitName: unit.name, dueOn, matter: body.matter });
        await notifyUnit(tx, row, unit.id, dueOn);
        return { status: 'verifying', assignedUnitId: unit.id, matter: body.matter, acceptedOn, dueOn };
      }),

    /** 不予受理: the reason goes to the reporter. */
    reject: (actor: Actor, id: number, body: ReportRejectBody) =>
      step(actor, id, 'reject', body.version, async (tx, row, now) => {
        await repo.update(tx, id, { status: 'rejected', rejectReason: body.reason, updatedAt: now });
        await message(tx, row, actor, 'notice', `您的举报不予受理。理由：${body.reason}`, now);
        await event(tx, id, actor, 'rejected', now, undefined, body.reason);
        return { status: 'rejected', reason: body.reason };
      }),

    /** 改派 while verifying (the office only); the new unit is notified. */
    assign: (actor: Actor, id: number, body: ReportAssignBody) =>
      step(actor, id, 'assign', body.version, async (tx, row, now) => {
        if (row.assignedUnitId === body.unitId) throw field('unitId', '已由该单位承办，请选择其他单位');
        const unit = await unitInScope(tx, actor, body.unitId, 'unitId');
        await repo.update(tx, id, { assignedUnitId: unit.id, updatedAt: now });
        await event(tx, id, actor, 'assigned', now, { from: row.assignedUnitId, unitId: unit.id, unitName: unit.name });
        await notifyUnit(tx, row, unit.id, row.dueOn);
        return { assignedUnitId: unit.id };
      }),

    /** 延期 within the township's limit (core `extensionProblem`); the reason is shown to the reporter. */
    extend: (actor: Actor, id: number, body: ReportExtendBody) =>
      step(actor, id, 'extend', body.version, async (tx, row, now) => {
        const config = await reportConfigOf(tx, row);
        const problem = extensionProblem(row.extendedDays, body.days, config);
        if (problem) throw field('days', problem);
        const extendedDays = row.extendedDays + body.days;
        const dueOn = reportDueOn(row.acceptedOn ?? chinaToday(now), extendedDays, config);
        await repo.update(tx, id, { extendedDays, dueOn, extensionReason: body.reason, updatedAt: now });
        await message(tx, row, actor, 'extension', `核查期限延长 ${body.days} 天，至 ${dueOn}。理由：${body.reason}`, now);
        await event(tx, id, actor, 'extended', now, { days: body.days, dueOn }, body.reason);
        return { extendedDays, dueOn, reason: body.reason };
      }),

    /** A question or notice to the reporter (they read and answer it on the tracking page). */
    message: (actor: Actor, id: number, body: ReportMessageBody) =>
      step(actor, id, 'message', null, async (tx, row, now) => {
        await message(tx, row, actor, body.kind, body.body, now);
        await event(tx, id, actor, 'messaged', now, { kind: body.kind });
        await repo.update(tx, id, { updatedAt: now });
        return { kind: body.kind };
      }),

    /** 合并办理: into the first report of the matter, never a chain. */
    merge: (actor: Actor, id: number, body: ReportMergeBody) =>
      step(actor, id, 'merge', body.version, async (tx, row, now) => {
        if (body.intoId === id) throw field('intoId', '不能合并到自身');
        const into = await repo.inScope(tx, actor.scope, body.intoId);
        if (!into) throw field('intoId', '要合并到的举报不存在或您无权查看');
        if (into.duplicateOfId !== null || into.status === 'merged')
          throw field('intoId', `举报 ${into.trackingCode} 本身已合并到其他举报，请合并到最初的那一件`);
        if (into.status === 'rejected') throw field('intoId', `举报 ${into.trackingCode} 已不予受理，不能合并到它`);
        const [own] = await tx.select({ n: count() }).from(reports).where(eq(reports.duplicateOfId, id));
        if (Number(own?.n ?? 0) > 0) throw field('intoId', '已有其他举报合并到本件，请改为把其他举报合并到本件，或先取消它们的合并');
        await repo.update(tx, id, { status: 'merged', duplicateOfId: into.id, updatedAt: now });
        await event(tx, id, actor, 'merged', now, { intoId: into.id, trackingCode: into.trackingCode });
        await event(tx, into.id, actor, 'merged', now, { duplicateId: id, trackingCode: row.trackingCode });
        return { status: 'merged', duplicateOfId: into.id };
      }),

    /** 取消合并: back to where it was (核查中 once accepted, else 待受理). */
    unmerge: (actor: Actor, id: number, body: ReportUnmergeBody) =>
      step(actor, id, 'unmerge', body.version, async (tx, row, now) => {
        const status = row.acceptedOn ? 'verifying' : 'received';
        await repo.update(tx, id, { status, duplicateOfId: null, updatedAt: now });
        await event(tx, id, actor, 'unmerged', now, { fromId: row.duplicateOfId });
        if (row.duplicateOfId) await event(tx, row.duplicateOfId, actor, 'unmerged', now, { duplicateId: id });
        return { status, duplicateOfId: null };
      }),
  };
}

export type ReportSteps = ReturnType<typeof createReportSteps>;
