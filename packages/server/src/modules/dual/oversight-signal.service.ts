import type { DataScope, DualSignal, DualSignalDismissBody, DualSignalListQuery, DualSignalStatus } from '@anzhi/core';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { regionSubtree, scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { regions } from '../regions/region.table.ts';
import { users } from '../users/user.table.ts';
import { dualSignals } from './dual.table.ts';

const OPEN: DualSignalStatus = 'open';
const DISMISSED: DualSignalStatus = 'dismissed';

type SignalRow = typeof dualSignals.$inferSelect;
type Evidence = DualSignal['evidence'];

/** The signals the caller may see (scopeOn.dual_signals) with the list's filters. */
function whereOf(scope: DataScope, q: Partial<DualSignalListQuery>): SQL | undefined {
  return and(
    scopeOn.dual_signals(scope),
    q.kind ? eq(dualSignals.kind, q.kind) : undefined,
    q.status ? eq(dualSignals.status, q.status) : undefined,
    q.regionCode ? regionSubtree(dualSignals.regionCode, q.regionCode) : undefined,
    q.enterpriseId !== undefined ? eq(dualSignals.enterpriseId, q.enterpriseId) : undefined,
  );
}

/** Names and codes the evidence refers to, each read in the caller's own scope (nothing of another township leaks). */
async function present(ex: Executor, scope: DataScope, rows: SignalRow[]): Promise<DualSignal[]> {
  const evidence = (r: SignalRow) => r.evidence as Evidence;
  const enterpriseIds = [...new Set(rows.flatMap((r) => [r.enterpriseId, ...(evidence(r).enterpriseIds ?? [])]))];
  const hazardIds = [...new Set(rows.flatMap((r) => evidence(r).hazardIds ?? []))];
  const regionCodes = [...new Set(rows.map((r) => r.regionCode))];
  const userIds = [...new Set(rows.map((r) => r.dismissedBy).filter((id): id is number => id !== null))];
  const [ents, hz, regs, us] = await Promise.all([
    enterpriseIds.length
      ? ex
          .select({ id: enterprises.id, name: enterprises.name })
          .from(enterprises)
          .where(and(inArray(enterprises.id, enterpriseIds), scopeOn.enterprises(scope)))
      : [],
    hazardIds.length
      ? ex
          .select({ id: hazards.id, code: hazards.code })
          .from(hazards)
          .where(and(inArray(hazards.id, hazardIds), scopeOn.hazards(scope)))
      : [],
    regionCodes.length ? ex.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, regionCodes)) : [],
    userIds.length ? ex.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [],
  ]);
  const entName = new Map(ents.map((e) => [e.id, e.name]));
  const hzCode = new Map(hz.map((h) => [h.id, h.code]));
  const regName = new Map(regs.map((r) => [r.code, r.name]));
  const userName = new Map(us.map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const ev = evidence(r);
    return {
      id: r.id,
      kind: r.kind,
      enterpriseId: r.enterpriseId,
      enterpriseName: entName.get(r.enterpriseId) ?? `企业 ${r.enterpriseId}`,
      regionCode: r.regionCode,
      regionName: regName.get(r.regionCode) ?? null,
      subjectKey: r.subjectKey,
      evidence: ev,
      enterpriseNames: Object.fromEntries(
        (ev.enterpriseIds ?? []).flatMap((id) => (entName.has(id) ? [[String(id), entName.get(id) as string]] : [])),
      ),
      hazardCodes: Object.fromEntries(
        (ev.hazardIds ?? []).flatMap((id) => (hzCode.has(id) ? [[String(id), hzCode.get(id) as string]] : [])),
      ),
      detectedOn: r.detectedOn,
      status: r.status,
      dismissReason: r.dismissReason,
      dismissedAt: r.dismissedAt ? r.dismissedAt.toISOString() : null,
      dismissedByName: r.dismissedBy ? (userName.get(r.dismissedBy) ?? null) : null,
    };
  });
}

export function createOversightSignalService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  async function list(actor: Actor, q: DualSignalListQuery): Promise<{ items: DualSignal[]; total: number }> {
    const where = whereOf(actor.scope, q);
    const [rows, [count]] = await Promise.all([
      db
        .select()
        .from(dualSignals)
        .where(where)
        .orderBy(desc(dualSignals.detectedOn), desc(dualSignals.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(dualSignals).where(where),
    ]);
    return { items: await present(db, actor.scope, rows), total: Number(count?.n ?? 0) };
  }

  /** 排除 a signal with a reason (audited); it stays dismissed when the sweep finds the same subject again. */
  async function dismiss(actor: Actor, id: number, body: DualSignalDismissBody): Promise<DualSignal> {
    const row = await auditedTransaction(db, async (tx) => {
      const [s] = await tx
        .select()
        .from(dualSignals)
        .where(and(eq(dualSignals.id, id), scopeOn.dual_signals(actor.scope)))
        .for('update');
      if (!s) throw errors.notFound('形式主义提示', 'dual.signal_not_found');
      if (s.status !== OPEN) throw errors.conflict('dual.signal_dismissed', '该提示已排除，不能重复排除');
      const set = { status: DISMISSED, dismissReason: body.reason, dismissedBy: actor.userId, dismissedAt: clock.now() };
      const [updated] = await tx.update(dualSignals).set(set).where(eq(dualSignals.id, id)).returning();
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'dualSignal',
        entityId: id,
        action: 'dismiss',
        before: { status: s.status, kind: s.kind, subjectKey: s.subjectKey },
        after: { status: DISMISSED, reason: body.reason },
      });
      return updated as SignalRow;
    });
    const [out] = await present(db, actor.scope, [row]);
    return out as DualSignal;
  }

  return { list, dismiss };
}

export type OversightSignalService = ReturnType<typeof createOversightSignalService>;
