import {
  type ReportDetail,
  type ReportIdentity,
  type ReportListQuery,
  type ReportRegisterBody,
  type ReportRegistered,
  reportActions,
} from '@anzhi/core';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enforcementChecks, enforcementPenalties } from '../enforcement/enforcement.table.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { regions } from '../regions/region.table.ts';
import type { ReportDeps } from './report.module.ts';
import { reports } from './report.table.ts';
import { newReportSecret, newTrackingCode } from './report-codes.ts';
import { type ReportRow, reportHandlingRepo as repo } from './report-handling.repo.ts';

/** Files the intake attached to a report (the photos). */
export const reportFileOwner = 'report';

const field = (path: string, message: string) => errors.badRequest('report.invalid_field', message, [{ path, message }]);

export type HandlingDeps = Pick<ReportDeps, 'db' | 'clock' | 'audit' | 'files' | 'identity'>;

/** 举报办理: the list, the detail, the audited view of the reporter's identity, and registering an offline report. */
export function createReportHandling(deps: HandlingDeps) {
  const { db, clock, audit, identity } = deps;
  const today = () => chinaToday(clock.now());

  async function load(ex: Executor, actor: Actor, id: number, lock = false): Promise<ReportRow> {
    const row = await repo.inScope(ex, actor.scope, id, lock);
    if (!row) throw errors.notFound('举报', 'report.not_found');
    return row;
  }

  async function detail(ex: Executor, actor: Actor, id: number): Promise<ReportDetail> {
    const row = await load(ex, actor, id);
    const [item] = await repo.present(ex, [row], today());
    if (!item) throw errors.notFound('举报', 'report.not_found');
    const one = async <T>(p: Promise<T[]>): Promise<T | null> => (await p)[0] ?? null;
    const [messages, events, duplicates, duplicateOf, hazard, check, penalty, ent, photos] = await Promise.all([
      repo.messages(ex, id),
      repo.events(ex, id),
      repo.duplicatesOf(ex, id),
      row.duplicateOfId
        ? one(
            ex
              .select({ id: reports.id, trackingCode: reports.trackingCode, status: reports.status })
              .from(reports)
              .where(eq(reports.id, row.duplicateOfId)),
          )
        : null,
      row.hazardId
        ? one(
            ex
              .select({ id: hazards.id, code: hazards.code, title: hazards.title, status: hazards.status })
              .from(hazards)
              .where(eq(hazards.id, row.hazardId)),
          )
        : null,
      row.enforcementCheckId
        ? one(
            ex
              .select({ id: enforcementChecks.id, code: enforcementChecks.code, status: enforcementChecks.status })
              .from(enforcementChecks)
              .where(eq(enforcementChecks.id, row.enforcementCheckId)),
          )
        : null,
      row.enforcementPenaltyId
        ? one(
            ex
              .select({
                id: enforcementPenalties.id,
                decisionNo: enforcementPenalties.decisionNo,
                status: enforcementPenalties.status,
                amount: enforcementPenalties.amount,
              })
              .from(enforcementPenalties)
              .where(eq(enforcementPenalties.id, row.enforcementPenaltyId)),
          )
        : null,
      row.enterpriseId
        ? one(ex.select({ supervisingUnitId: enterprises.supervisingUnitId }).from(enterprises).where(eq(enterprises.id, row.enterpriseId)))
        : null,
      deps.files.listByOwner(ex, reportFileOwner, id),
    ]);
    return {
      ...item,
      description: row.description,
      place: row.place,
      supervisingUnitId: ent?.supervisingUnitId ?? null,
      extendedDays: row.extendedDays,
      extensionReason: row.extensionReason,
      decidedOn: row.decidedOn,
      outcomeNote: row.outcomeNote,
      feedbackAt: row.feedbackAt?.toISOString() ?? null,
      rejectReason: row.rejectReason,
      concealedDeaths: row.concealedDeaths,
      accidentGrade: row.accidentGrade,
      messages: messages.map((m) => ({ ...m, at: m.at.toISOString() })),
      events: events.map((e) => ({ ...e, data: e.data ?? null, at: e.at.toISOString() })),
      duplicateOf,
      duplicates: duplicates.map((d) => ({ ...d, receivedAt: d.receivedAt.toISOString() })),
      hazard,
      enforcementCheck: check,
      enforcementPenalty: penalty,
      photos,
      identity: { named: row.named, canView: actor.permissions.includes('report.identity') },
      actions: reportActions(row.status, actor.permissions),
    };
  }

  return {
    load,
    detail,
    get: (actor: Actor, id: number) => detail(db, actor, id),

    async list(actor: Actor, q: ReportListQuery) {
      const { rows, total } = await repo.list(db, actor.scope, q, today());
      return { items: await repo.present(db, rows, today()), total };
    },

    /** 查看举报人: decrypted for those who call back or pay a reward; every view is audited and on the timeline. */
    async identity(actor: Actor, id: number): Promise<ReportIdentity> {
      return auditedTransaction(db, async (tx) => {
        const row = await load(tx, actor, id);
        const now = clock.now();
        await repo.insertEvents(tx, [{ reportId: id, kind: 'identityViewed', actorId: actor.userId, at: now }]);
        await audit.record(tx, auditActorOf(actor), { entityType: 'report', entityId: id, action: 'identity_viewed' });
        return {
          name: row.reporterNameEnc ? identity.decrypt(row.reporterNameEnc) : null,
          phone: row.reporterPhoneEnc ? identity.decrypt(row.reporterPhoneEnc) : null,
        };
      });
    },

    /** The office registers a report received by 12350, letter, visit or email; the secret is returned this once. */
    async register(actor: Actor, body: ReportRegisterBody): Promise<ReportRegistered> {
      const now = clock.now();
      const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
      if (receivedAt > now) throw field('receivedAt', '收到时间不能晚于现在');
      const trackingCode = newTrackingCode();
      const secret = newReportSecret();
      const id = await auditedTransaction(db, async (tx) => {
        let place: { regionCode: string; industryCode: string | null; domains: string[]; unitId: number | null };
        if (body.enterpriseId) {
          const [e] = await tx
            .select()
            .from(enterprises)
            .where(and(eq(enterprises.id, body.enterpriseId), scopeOn.enterprises(actor.scope)));
          if (!e) throw field('enterpriseId', '企业不存在或不在您的管辖范围内');
          place = { regionCode: e.regionCode, industryCode: e.industryCode, domains: e.domains, unitId: e.supervisingUnitId };
        } else {
          if (!body.regionCode) throw field('regionCode', '请选择被举报企业，或选择问题所在的村（社区）');
          const [r] = await tx
            .select({ code: regions.code })
            .from(regions)
            .where(and(eq(regions.code, body.regionCode), scopeOn.regions(actor.scope)));
          if (!r) throw field('regionCode', '所在村（社区）不存在或不在您的管辖范围内');
          place = { regionCode: r.code, industryCode: null, domains: [], unitId: null };
        }
        const [row] = await tx
          .insert(reports)
          .values({
            trackingCode,
            secretHash: identity.digest('secret', secret),
            channel: body.channel,
            source: body.source,
            matter: body.matter ?? null,
            description: body.description,
            place: body.place ?? null,
            enterpriseId: body.enterpriseId ?? null,
            enterpriseName: body.enterpriseId ? null : (body.enterpriseName ?? null),
            regionCode: place.regionCode,
            industryCode: place.industryCode,
            domains: place.domains,
            // 三管三必须: the supervising unit, until the office accepts it and decides.
            assignedUnitId: place.unitId,
            status: 'received',
            receivedAt,
            reporterNameEnc: body.reporterName ? identity.encrypt(body.reporterName) : null,
            reporterPhoneEnc: body.reporterPhone ? identity.encrypt(body.reporterPhone) : null,
            named: Boolean(body.reporterName || body.reporterPhone),
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: reports.id });
        if (!row) throw new Error('report insert returned nothing');
        await repo.insertEvents(tx, [
          { reportId: row.id, kind: 'received', data: { source: body.source }, actorId: actor.userId, at: now },
        ]);
        // Never the name or phone in the audit trail: whether the report is named is enough.
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'report',
          entityId: row.id,
          action: 'register',
          after: {
            trackingCode,
            source: body.source,
            channel: body.channel,
            matter: body.matter ?? null,
            enterpriseId: body.enterpriseId ?? null,
            regionCode: place.regionCode,
            named: Boolean(body.reporterName || body.reporterPhone),
          },
        });
        return row.id;
      });
      return { trackingCode, secret, report: await detail(db, actor, id) };
    },
  };
}

export type ReportHandling = ReturnType<typeof createReportHandling>;
