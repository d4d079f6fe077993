import {
  can,
  endedReportPeriods,
  type HazardAction,
  type HazardGrade,
  hazardActionLabels,
  hazardActions,
  type hazardCheckStatuses,
  hazardReportDeadline,
  hazardStatusLabels,
  hazardTodoStep,
  isAwaitingAction,
  isOverdue,
  reportPeriodKind,
  type TodoBox,
  type TodoItem,
} from '@anzhi/core';
import { and, count, desc, eq, inArray, isNull, max, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { scopeOn, systemScope } from '../../db/data-scope.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { resolveSettings } from '../settings/settings.resolver.ts';
import type { TodoProvider } from '../todos/todo.provider.ts';
import { TODO_HISTORY_LIMIT } from '../todos/todo.provider.ts';
import { userRepo } from '../users/user.repo.ts';
import { hazardActorOf, hazardFacts } from './hazard.presenter.ts';
import { type HazardListRow, hazardRepo } from './hazard.repo.ts';
import { hazardCheckRequests, hazardEvents, hazardReports, hazards } from './hazard.table.ts';
import { awaitingActorSql, hazardSql } from './hazard-predicates.sql.ts';

/** The most hazards one caller's to-do list reads (a backstop: the SQL already picks the caller's own). */
const CANDIDATE_LIMIT = 2000;
const unanswered: (typeof hazardCheckStatuses)[number] = 'open';
const major: HazardGrade = 'major';
const reportLabel = (period: string) => {
  const kind = reportPeriodKind(period);
  if (kind === 'year') return `${period}年度隐患排查治理报告`;
  if (kind === 'quarter') return `${period.slice(0, 4)}年第${period.slice(5)}季度隐患排查治理报告`;
  return `${period.slice(0, 4)}年${Number(period.slice(5))}月隐患排查治理报告`;
};

/**
 * The hazard module's to-dos (待办): hazards waiting for the caller's step (core's hazardTodoStep over the action
 * rules), 举一反三 checks the caller's enterprise has not answered, 季报/年报 its principal has not signed; what the
 * caller did (done) and what the caller started that others still owe (initiated). Every read goes through scopeOn.
 */
export function createHazardTodoProvider(deps: { db: Db; clock: Clock }): TodoProvider {
  const { db } = deps;
  const today = () => chinaToday(deps.clock.now());

  /**
   * The caller's hazards in SQL: those waiting for the caller (core's isAwaitingActor, the ledger's 待我处理) and the
   * overdue, unlisted major hazards the caller answers for (owesSupervision); core then names each one's step.
   */
  function candidates(actor: Actor, t: string): SQL {
    const a = hazardActorOf(actor);
    const answersFor =
      a.unitId != null ? eq(hazards.supervisingUnitId, a.unitId) : a.office ? isNull(hazards.supervisingUnitId) : undefined;
    const owesSupervision = answersFor
      ? and(answersFor, eq(hazards.grade, major), isNull(hazards.supervisionLevel), hazardSql.isOverdue(t))
      : undefined;
    return or(awaitingActorSql(a), owesSupervision) as SQL;
  }

  const hazardItem = (h: HazardListRow, action: HazardAction, t: string): TodoItem => ({
    kind: 'hazard.step',
    title: `${hazardActionLabels[action]}：${h.title}`,
    detail: [h.enterpriseName, h.code, hazardStatusLabels[h.status]].filter(Boolean).join(' · '),
    link: `/hazards/${h.id}?action=${action}`,
    dueOn: isAwaitingAction(h.status) ? h.deadline : null,
    overdue: isOverdue(h, t),
    entityType: 'hazard',
    entityId: h.id,
    at: h.updatedAt.toISOString(),
  });

  async function steps(actor: Actor): Promise<TodoItem[]> {
    if (!can(actor.roles, 'hazard.act')) return [];
    const t = today();
    const rows = await hazardRepo.page(db, and(scopeOn.hazards(actor.scope), hazardSql.isOpen(), candidates(actor, t)), {
      offset: 0,
      limit: CANDIDATE_LIMIT,
    });
    const a = hazardActorOf(actor);
    return rows.flatMap((h) => {
      const step = hazardTodoStep(hazardFacts(h), a, { overdue: isOverdue(h, t) });
      return step ? [hazardItem(h, step, t)] : [];
    });
  }

  async function checks(actor: Actor): Promise<TodoItem[]> {
    if (actor.scope.kind !== 'enterprise') return [];
    const rows = await db
      .select({ r: hazardCheckRequests, sourceTitle: hazards.title })
      .from(hazardCheckRequests)
      .innerJoin(hazards, eq(hazards.id, hazardCheckRequests.sourceHazardId))
      .where(and(scopeOn.hazard_check_requests(actor.scope), eq(hazardCheckRequests.status, unanswered)))
      .orderBy(hazardCheckRequests.deadline);
    const t = today();
    return rows.map(({ r, sourceTitle }) => ({
      kind: 'hazard.check',
      title: `举一反三自查：${r.criterionCode}`,
      detail: `对照“${sourceTitle}”同类问题开展自查并反馈`,
      link: `/hazards/checks?answer=${r.id}`,
      dueOn: r.deadline,
      overdue: r.deadline < t,
      entityType: 'hazardCheck',
      entityId: r.id,
      at: r.createdAt.toISOString(),
    }));
  }

  /** 第十四条: the ended periods the reports page lists (endedReportPeriods), not yet signed; only the principal signs. */
  async function reports(actor: Actor): Promise<TodoItem[]> {
    if (actor.scope.kind !== 'enterprise') return [];
    const me = await userRepo.findById(db, actor.userId, systemScope);
    if (!me?.enterprisePrincipal) return [];
    const e = await enterpriseRepo.findById(db, actor.scope.enterpriseId, actor.scope);
    if (!e) return [];
    const config = (await resolveSettings(db, e.regionCode)).hazardReport;
    const signed = new Set(
      (await db.select({ period: hazardReports.period }).from(hazardReports).where(scopeOn.hazard_reports(actor.scope))).map(
        (r) => r.period,
      ),
    );
    const t = today();
    return endedReportPeriods(t, config, 1)
      .filter((p) => !signed.has(p))
      .map((period) => {
        const dueOn = hazardReportDeadline(period, config);
        return {
          kind: 'hazard.report',
          title: `签署${reportLabel(period)}`,
          detail: e.name,
          link: `/hazards/reports?sign=${period}`,
          dueOn,
          overdue: dueOn < t,
          entityType: 'hazardReport',
          entityId: null,
          at: null,
        };
      });
  }

  async function done(actor: Actor): Promise<TodoItem[]> {
    const steps = await db
      .select({ e: hazardEvents, title: hazards.title, code: hazards.code, enterpriseName: enterprises.name })
      .from(hazardEvents)
      .innerJoin(hazards, eq(hazards.id, hazardEvents.hazardId))
      .leftJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
      .where(and(eq(hazardEvents.actorId, actor.userId), inArray(hazardEvents.action, [...hazardActions]), scopeOn.hazards(actor.scope)))
      .orderBy(desc(hazardEvents.at), desc(hazardEvents.id))
      .limit(TODO_HISTORY_LIMIT);
    const items: TodoItem[] = steps.map(({ e, title, code, enterpriseName }) => ({
      kind: 'hazard.step',
      title: `${hazardActionLabels[e.action as HazardAction]}：${title}`,
      detail: [enterpriseName, code].filter(Boolean).join(' · '),
      link: `/hazards/${e.hazardId}`,
      dueOn: null,
      overdue: false,
      entityType: 'hazard',
      entityId: e.hazardId,
      at: e.at.toISOString(),
    }));
    if (actor.scope.kind === 'enterprise') {
      const answered = await db
        .select()
        .from(hazardCheckRequests)
        .where(and(scopeOn.hazard_check_requests(actor.scope), sql`${hazardCheckRequests.answeredAt} IS NOT NULL`))
        .orderBy(desc(hazardCheckRequests.answeredAt))
        .limit(TODO_HISTORY_LIMIT);
      for (const r of answered) {
        items.push({
          kind: 'hazard.check',
          title: `已反馈举一反三自查：${r.criterionCode}`,
          detail: r.answer,
          link: '/hazards/checks',
          dueOn: null,
          overdue: false,
          entityType: 'hazardCheck',
          entityId: r.id,
          at: r.answeredAt?.toISOString() ?? null,
        });
      }
    }
    const signed = await db
      .select()
      .from(hazardReports)
      .where(and(eq(hazardReports.signedBy, actor.userId), scopeOn.hazard_reports(actor.scope)))
      .orderBy(desc(hazardReports.signedAt))
      .limit(TODO_HISTORY_LIMIT);
    for (const r of signed) {
      items.push({
        kind: 'hazard.report',
        title: `已签署${reportLabel(r.period)}`,
        detail: r.signerName,
        link: '/hazards/reports',
        dueOn: null,
        overdue: false,
        entityType: 'hazardReport',
        entityId: r.id,
        at: r.signedAt?.toISOString() ?? null,
      });
    }
    return items;
  }

  /** What the caller started and others still owe: hazards they registered still open, 举一反三 checks still unanswered. */
  async function initiated(actor: Actor): Promise<TodoItem[]> {
    const t = today();
    const found = await hazardRepo.page(db, and(scopeOn.hazards(actor.scope), eq(hazards.foundBy, actor.userId), hazardSql.isOpen()), {
      offset: 0,
      limit: TODO_HISTORY_LIMIT,
    });
    const items: TodoItem[] = found.map((h) => ({
      kind: 'hazard.step',
      title: `我登记的：${h.title}`,
      detail: [h.enterpriseName, hazardStatusLabels[h.status]].filter(Boolean).join(' · '),
      link: `/hazards/${h.id}`,
      dueOn: isAwaitingAction(h.status) ? h.deadline : null,
      overdue: isOverdue(h, t),
      entityType: 'hazard',
      entityId: h.id,
      at: h.createdAt.toISOString(),
    }));
    const open = await db
      .select({
        sourceHazardId: hazardCheckRequests.sourceHazardId,
        criterionCode: hazardCheckRequests.criterionCode,
        waiting: count(),
        deadline: max(hazardCheckRequests.deadline),
        sentAt: max(hazardCheckRequests.createdAt),
      })
      .from(hazardCheckRequests)
      .where(
        and(
          eq(hazardCheckRequests.createdBy, actor.userId),
          eq(hazardCheckRequests.status, unanswered),
          scopeOn.hazard_check_requests(actor.scope),
        ),
      )
      .groupBy(hazardCheckRequests.sourceHazardId, hazardCheckRequests.criterionCode)
      .limit(TODO_HISTORY_LIMIT);
    for (const r of open) {
      items.push({
        kind: 'hazard.check',
        title: `举一反三：${r.criterionCode}`,
        detail: `${r.waiting} 家企业尚未反馈`,
        link: `/hazards/${r.sourceHazardId}`,
        dueOn: r.deadline,
        overdue: r.deadline != null && r.deadline < t,
        entityType: 'hazard',
        entityId: r.sourceHazardId,
        at: r.sentAt ? new Date(r.sentAt).toISOString() : null,
      });
    }
    return items;
  }

  return {
    kinds: ['hazard.step', 'hazard.check', 'hazard.report'],
    async list(actor: Actor, box: TodoBox) {
      if (!can(actor.roles, 'hazard.read')) return [];
      if (box === 'done') return done(actor);
      if (box === 'initiated') return initiated(actor);
      return [...(await steps(actor)), ...(await checks(actor)), ...(await reports(actor))];
    },
  };
}
