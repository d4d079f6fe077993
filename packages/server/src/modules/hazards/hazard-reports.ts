import {
  endedReportPeriods,
  type HazardGrade,
  type HazardReportFigures,
  hazardReportDeadline,
  hazardReportState,
  reportPeriodKind,
  reportPeriodRange,
} from '@anzhi/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { systemScope } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { resolveSettings } from '../settings/settings.resolver.ts';
import { userRepo } from '../users/user.repo.ts';
import { hazardReports, hazards } from './hazard.table.ts';
import { hazardSql } from './hazard-predicates.sql.ts';

/**
 * An enterprise's periodic hazard report (16号令 第十四条: 季报 by the 15th day after the quarter, 年报 by 31 January),
 * generated from its hazard records; its principal reviews and signs it, and the signed figures are kept as signed.
 */
export function createHazardReports(deps: {
  db: Db;
  /** The figures shown before signing read here (ADR 0017); signing counts on the primary. */
  readDb: Db;
  clock: Clock;
  audit: AuditService;
}) {
  const { db, readDb, clock, audit } = deps;

  async function figures(ex: Executor, enterpriseId: number, period: string): Promise<HazardReportFigures> {
    const { from, to } = reportPeriodRange(period);
    // Core's predicates (hazard-predicates.rules.ts): the same stock and overdue as the ledger and 动态清零.
    const major = eq(hazards.grade, 'major' satisfies HazardGrade);
    const found = hazardSql.isFoundIn(from, to);
    const cleared = hazardSql.isClearedIn(from, to);
    const openEnd = hazardSql.countsAsStockAt(to);
    const result = (await ex.execute(sql`
      SELECT
        count(*) FILTER (WHERE ${found})::int AS found,
        count(*) FILTER (WHERE ${found} AND ${major})::int AS found_major,
        count(*) FILTER (WHERE ${cleared})::int AS closed,
        count(*) FILTER (WHERE ${cleared} AND ${major})::int AS closed_major,
        count(*) FILTER (WHERE ${openEnd})::int AS open_end,
        count(*) FILTER (WHERE ${openEnd} AND ${major})::int AS open_major_end,
        count(*) FILTER (WHERE ${hazardSql.wasOverdueAt(to)})::int AS overdue_end
      FROM ${hazards} WHERE enterprise_id = ${enterpriseId}`)) as unknown as { rows: Record<string, number>[] };
    const r = result.rows[0] ?? {};
    return {
      found: Number(r.found ?? 0),
      foundMajor: Number(r.found_major ?? 0),
      closed: Number(r.closed ?? 0),
      closedMajor: Number(r.closed_major ?? 0),
      openAtEnd: Number(r.open_end ?? 0),
      openMajorAtEnd: Number(r.open_major_end ?? 0),
      overdueAtEnd: Number(r.overdue_end ?? 0),
    };
  }

  async function enterpriseOf(actor: Actor, enterpriseId: number | undefined) {
    const id = actor.scope.kind === 'enterprise' ? actor.scope.enterpriseId : enterpriseId;
    if (!id) throw errors.badRequest('hazard.invalid_field', '请指定企业', [{ path: 'enterpriseId', message: '必填' }]);
    const e = await enterpriseRepo.findById(db, id, actor.scope);
    if (!e) throw errors.notFound('企业', 'enterprise.not_found');
    return e;
  }

  return {
    /** The ended periods of the last year with their figures (signed ones as signed), due dates and status. */
    async list(actor: Actor, enterpriseId?: number) {
      const e = await enterpriseOf(actor, enterpriseId);
      const today = chinaToday(clock.now());
      const signed = await db.select().from(hazardReports).where(eq(hazardReports.enterpriseId, e.id));
      const config = (await resolveSettings(db, e.regionCode)).hazardReport;
      // On the platform since it was registered, or since its first recorded hazard if that is earlier (records
      // carried over from before).
      const [first] = await db
        .select({ on: sql<string | null>`min(${hazards.foundOn})::text` })
        .from(hazards)
        .where(eq(hazards.enterpriseId, e.id));
      const registered = chinaToday(e.createdAt);
      const enterpriseSince = first?.on && first.on < registered ? first.on : registered;
      const items = [];
      for (const period of endedReportPeriods(today, config, 1)) {
        const s = signed.find((r) => r.period === period);
        const dueOn = hazardReportDeadline(period, config);
        const figs = s ? (s.figures as HazardReportFigures) : await figures(readDb, e.id, period);
        const { state, reason } = hazardReportState(
          { period, dueOn, signed: Boolean(s), found: figs.found, openAtEnd: figs.openAtEnd },
          { today, enterpriseSince },
        );
        items.push({
          period,
          kind: reportPeriodKind(period),
          dueOn,
          figures: figs,
          signedAt: s?.signedAt?.toISOString() ?? null,
          signerName: s?.signerName ?? null,
          late: state === 'late',
          state,
          reason,
        });
      }
      return { enterpriseId: e.id, enterpriseName: e.name, principal: e.principal, items };
    },

    async sign(actor: Actor, period: string, enterpriseId?: number) {
      if (actor.scope.kind !== 'enterprise') throw errors.forbidden('季报、年报由企业主要负责人签署', 'hazard.report_sign_forbidden');
      // 16号令 第十四条: signed by the principal. The office registers which account that is (ADR 0012).
      const signer = await userRepo.findById(db, actor.userId, systemScope);
      if (!signer?.enterprisePrincipal) {
        throw errors.forbidden(
          '季报、年报须由企业主要负责人签署：本账号未登记为企业主要负责人，请联系安委办登记',
          'hazard.report_sign_forbidden',
        );
      }
      const e = await enterpriseOf(actor, enterpriseId);
      const today = chinaToday(clock.now());
      const config = (await resolveSettings(db, e.regionCode)).hazardReport;
      if (!endedReportPeriods(today, config, 1).includes(period))
        throw errors.badRequest('hazard.invalid_field', `报告期 ${period} 尚未结束或已过久`);
      const figs = await figures(db, e.id, period);
      return auditedTransaction(db, async (tx) => {
        const [row] = await tx
          .insert(hazardReports)
          .values({
            enterpriseId: e.id,
            period,
            dueOn: hazardReportDeadline(period, config),
            figures: figs,
            signedBy: actor.userId,
            signerName: actor.displayName,
            signedAt: clock.now(),
          })
          .onConflictDoNothing()
          .returning();
        if (!row) throw errors.conflict('hazard.report_signed', `${period} 报告已签署`);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'hazardReport',
          entityId: row.id,
          action: 'sign',
          after: { period, figures: figs },
        });
        return { period, figures: figs, signedAt: row.signedAt?.toISOString() ?? null, signerName: row.signerName };
      });
    },

    async exists(enterpriseId: number, period: string) {
      const [row] = await db
        .select({ id: hazardReports.id })
        .from(hazardReports)
        .where(and(eq(hazardReports.enterpriseId, enterpriseId), eq(hazardReports.period, period)));
      return row !== undefined;
    },
  };
}

export type HazardReports = ReturnType<typeof createHazardReports>;
