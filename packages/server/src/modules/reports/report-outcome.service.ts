import { isDismissed, outcomeIssues, type ReportDetail, type ReportOutcomeBody, reportActionAllowed } from '@anzhi/core';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enforcementChecks, enforcementPenalties } from '../enforcement/enforcement.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import type { ReportDeps } from './report.module.ts';
import { reports } from './report.table.ts';
import { type ReportRow, reportHandlingRepo as repo } from './report-handling.repo.ts';
import type { ReportHandling } from './report-handling.service.ts';
import { requireStep, requireVersion } from './report-steps.service.ts';

const field = (path: string, message: string) => errors.badRequest('report.invalid_field', message, [{ path, message }]);

type Links = { hazardId: number | null; createdHazard: boolean; enforcementCheckId: number | null; enforcementPenaltyId: number | null };

/**
 * 核查办结: founded or unfounded, the feedback to the reporter, and for a founded report what it became — a hazard of
 * channel 群众举报查实 created in the same transaction through the hazard module, or an existing hazard or enforcement
 * case of the same enterprise (one record with its provenance, not a duplicate). Reports merged into this one follow
 * its outcome on the same day.
 */
export function createReportOutcome(
  deps: Pick<ReportDeps, 'db' | 'clock' | 'audit' | 'criteria' | 'hazards'> & { handling: ReportHandling },
) {
  const { db, clock, audit, handling } = deps;

  async function links(
    tx: Tx,
    actor: Actor,
    row: ReportRow,
    body: ReportOutcomeBody,
    library: Awaited<ReturnType<typeof deps.criteria.library>> | null,
  ): Promise<Links> {
    const out: Links = { hazardId: null, createdHazard: false, enforcementCheckId: null, enforcementPenaltyId: null };
    const enterpriseId = row.enterpriseId as number;
    if (body.createHazard && library) {
      const h = body.createHazard;
      out.hazardId = await deps.hazards.hazards.createInTx(
        tx,
        actor,
        {
          enterpriseId,
          channel: 'publicReport',
          grade: h.grade,
          category: h.category,
          title: h.title,
          description: h.description,
          location: h.location ?? row.place ?? null,
          photos: [],
          deadline: h.deadline ?? null,
          fixedOnSpot: false,
          afterPhotos: [],
          criteriaCodes: h.criteriaCodes,
          cause: h.cause ?? null,
        },
        { library },
      );
      out.createdHazard = true;
    }
    if (body.linkHazardId) {
      const [h] = await tx
        .select({ id: hazards.id, enterpriseId: hazards.enterpriseId, status: hazards.status })
        .from(hazards)
        .where(and(eq(hazards.id, body.linkHazardId), scopeOn.hazards(actor.scope)));
      if (!h) throw field('linkHazardId', '隐患不存在或您无权查看');
      if (h.enterpriseId !== enterpriseId) throw field('linkHazardId', '该隐患不是被举报企业的');
      if (isDismissed(h.status)) throw field('linkHazardId', '该隐患已被认定为不属于隐患，不能关联');
      out.hazardId = h.id;
    }
    if (body.enforcementCheckId) {
      const [c] = await tx
        .select({ id: enforcementChecks.id, enterpriseId: enforcementChecks.enterpriseId })
        .from(enforcementChecks)
        .where(and(eq(enforcementChecks.id, body.enforcementCheckId), scopeOn.enforcement_checks(actor.scope)));
      if (!c) throw field('enforcementCheckId', '执法检查不存在或您无权查看');
      if (c.enterpriseId !== enterpriseId) throw field('enforcementCheckId', '该执法检查不是被举报企业的');
      out.enforcementCheckId = c.id;
    }
    if (body.enforcementPenaltyId) {
      const [p] = await tx
        .select({ id: enforcementPenalties.id, enterpriseId: enforcementPenalties.enterpriseId })
        .from(enforcementPenalties)
        .where(and(eq(enforcementPenalties.id, body.enforcementPenaltyId), scopeOn.enforcement_penalties(actor.scope)));
      if (!p) throw field('enforcementPenaltyId', '处罚案件不存在或您无权查看');
      if (p.enterpriseId !== enterpriseId) throw field('enforcementPenaltyId', '该处罚案件不是被举报企业的');
      out.enforcementPenaltyId = p.id;
    }
    return out;
  }

  async function decide(actor: Actor, id: number, body: ReportOutcomeBody): Promise<ReportDetail> {
    // Read before the transaction: the library reads through the pool (PGlite has one connection).
    const library = body.createHazard ? await deps.criteria.library() : null;
    await auditedTransaction(db, async (tx) => {
      const row = await handling.load(tx, actor, id, true);
      requireVersion(row, body.version);
      requireStep(row, 'outcome');
      const matter = body.matter ?? row.matter;
      const issues = outcomeIssues(body, { enterpriseId: row.enterpriseId, matter });
      if (issues.length) throw errors.badRequest('report.invalid_outcome', issues.map((i) => i.message).join('；'), issues);
      const linked = body.outcome === 'founded' ? await links(tx, actor, row, body, library) : null;
      const now = clock.now();
      const decidedOn = chinaToday(now);
      await repo.update(tx, id, {
        status: body.outcome,
        matter,
        decidedOn,
        outcomeNote: body.note ?? null,
        feedbackAt: now,
        hazardId: linked?.hazardId ?? row.hazardId,
        enforcementCheckId: linked?.enforcementCheckId ?? row.enforcementCheckId,
        enforcementPenaltyId: linked?.enforcementPenaltyId ?? row.enforcementPenaltyId,
        concealedDeaths: body.outcome === 'founded' ? (body.concealedDeaths ?? null) : null,
        accidentGrade: body.outcome === 'founded' ? (body.accidentGrade ?? null) : null,
        updatedAt: now,
      });
      await repo.insertMessage(tx, { reportId: id, kind: 'feedback', body: body.feedback, authorId: actor.userId, at: now });
      const events: Parameters<typeof repo.insertEvents>[1] = [
        { reportId: id, kind: body.outcome, actorId: actor.userId, at: now, note: body.note ?? null, data: { matter } },
      ];
      if (linked?.hazardId)
        events.push({
          reportId: id,
          kind: 'linkedHazard',
          actorId: actor.userId,
          at: now,
          data: { hazardId: linked.hazardId, created: linked.createdHazard },
        });
      if (linked?.enforcementCheckId || linked?.enforcementPenaltyId)
        events.push({
          reportId: id,
          kind: 'linkedCase',
          actorId: actor.userId,
          at: now,
          data: { checkId: linked.enforcementCheckId, penaltyId: linked.enforcementPenaltyId },
        });
      // The reports merged into this one follow its outcome, on the same day, and their reporters get the same feedback.
      const followers = (await tx.select().from(reports).where(eq(reports.duplicateOfId, id))).filter((d) =>
        reportActionAllowed('unmerge', d.status),
      );
      for (const d of followers) {
        await repo.update(tx, d.id, { status: body.outcome, matter, decidedOn, feedbackAt: now, updatedAt: now });
        await repo.insertMessage(tx, { reportId: d.id, kind: 'feedback', body: body.feedback, authorId: actor.userId, at: now });
        events.push({ reportId: d.id, kind: body.outcome, actorId: actor.userId, at: now, data: { followed: id } });
      }
      await repo.insertEvents(tx, events);
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'report',
        entityId: id,
        action: body.outcome,
        before: { status: row.status, version: row.version },
        after: {
          status: body.outcome,
          matter,
          decidedOn,
          ...linked,
          followers: followers.map((d) => d.id),
          concealedDeaths: body.concealedDeaths ?? null,
          accidentGrade: body.accidentGrade ?? null,
        },
      });
    });
    return handling.detail(db, actor, id);
  }

  return { decide };
}

export type ReportOutcome = ReturnType<typeof createReportOutcome>;
