import {
  type DataScope,
  imposedPenaltyStatuses,
  type OrderListQuery,
  type OrderView,
  openOrderStatuses,
  type PenaltyListQuery,
  type PenaltyView,
  type RecheckState,
  recheckState,
  recheckSuggestsPenalty,
} from '@anzhi/core';
import { and, count, desc, eq, gt, gte, inArray, lt, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { units } from '../units/unit.table.ts';
import {
  enforcementCheckItems,
  enforcementChecks,
  enforcementDocuments,
  enforcementOrders,
  enforcementPenalties,
} from './enforcement.table.ts';
import { notFixedWithoutCase } from './enforcement-stats.repo.ts';

export type OrderRow = typeof enforcementOrders.$inferSelect;
export type PenaltyRow = typeof enforcementPenalties.$inferSelect;

/**
 * SQL of core's recheckState as of `today` (the same comparisons; the open set is core's openOrderStatuses). A test in
 * enforcement-triad.test.ts feeds the same orders to both.
 */
export function recheckStateSql(state: RecheckState, today: string): SQL {
  const open = inArray(enforcementOrders.status, [...openOrderStatuses]);
  switch (state) {
    case 'closed':
      return notInArray(enforcementOrders.status, [...openOrderStatuses]);
    case 'overdue':
      return and(open, lt(enforcementOrders.recheckDueOn, today)) as SQL;
    case 'due':
      return and(open, lte(enforcementOrders.deadline, today), gte(enforcementOrders.recheckDueOn, today)) as SQL;
    case 'notYetDue':
      return and(open, gt(enforcementOrders.deadline, today)) as SQL;
  }
}

export const triadRepo = {
  async checkInScope(ex: Executor, scope: DataScope, id: number) {
    const [row] = await ex
      .select()
      .from(enforcementChecks)
      .where(and(eq(enforcementChecks.id, id), scopeOn.enforcement_checks(scope)));
    return row;
  },
  async checkItems(ex: Executor, checkId: number) {
    return ex.select().from(enforcementCheckItems).where(eq(enforcementCheckItems.checkId, checkId)).orderBy(enforcementCheckItems.seq);
  },
  async orderInScope(ex: Executor, scope: DataScope, id: number, lock = false) {
    const q = ex
      .select()
      .from(enforcementOrders)
      .where(and(eq(enforcementOrders.id, id), scopeOn.enforcement_orders(scope)));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },
  async orderOfCheck(ex: Executor, checkId: number) {
    const [row] = await ex.select().from(enforcementOrders).where(eq(enforcementOrders.checkId, checkId));
    return row;
  },
  async listOrders(ex: Executor, scope: DataScope, q: OrderListQuery, today: string): Promise<{ rows: OrderRow[]; total: number }> {
    const where = and(
      scopeOn.enforcement_orders(scope),
      q.status ? eq(enforcementOrders.status, q.status) : undefined,
      q.state ? recheckStateSql(q.state, today) : undefined,
      q.unitId ? eq(enforcementOrders.unitId, q.unitId) : undefined,
      q.enterpriseId ? eq(enforcementOrders.enterpriseId, q.enterpriseId) : undefined,
      q.checkId ? eq(enforcementOrders.checkId, q.checkId) : undefined,
      q.notFixed ? notFixedWithoutCase() : undefined,
      // The year an order belongs to: its 复查's, else its issue's (the statistics count 复查 by their day).
      q.year
        ? sql`extract(year from coalesce(${enforcementOrders.recheckedOn}, ${enforcementOrders.issuedOn}))::int = ${q.year}`
        : undefined,
    );
    const [rows, [total]] = await Promise.all([
      ex
        .select()
        .from(enforcementOrders)
        .where(where)
        .orderBy(enforcementOrders.recheckDueOn, desc(enforcementOrders.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      ex.select({ n: count() }).from(enforcementOrders).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },

  /** Orders as the API shows them: names, the ordered items with their 复查 result, document numbers, cases opened. */
  async presentOrders(ex: Executor, rows: OrderRow[], today: string): Promise<OrderView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [checks, ents, us, items, docs, cases] = await Promise.all([
      ex
        .select({ id: enforcementChecks.id, code: enforcementChecks.code })
        .from(enforcementChecks)
        .where(inArray(enforcementChecks.id, [...new Set(rows.map((r) => r.checkId))])),
      ex
        .select({ id: enterprises.id, name: enterprises.name })
        .from(enterprises)
        .where(inArray(enterprises.id, [...new Set(rows.map((r) => r.enterpriseId))])),
      ex
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))])),
      ex
        .select()
        .from(enforcementCheckItems)
        .where(inArray(enforcementCheckItems.id, [...new Set(rows.flatMap((r) => r.itemIds))])),
      ex
        .select()
        .from(enforcementDocuments)
        .where(and(eq(enforcementDocuments.entityType, 'order'), inArray(enforcementDocuments.entityId, ids))),
      ex
        .select({ id: enforcementPenalties.id, orderId: enforcementPenalties.orderId })
        .from(enforcementPenalties)
        .where(inArray(enforcementPenalties.orderId, ids)),
    ]);
    const name = <T extends { id: number; name: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x.name]));
    const checkCodes = new Map(checks.map((c) => [c.id, c.code]));
    const entNames = name(ents);
    const unitNames = name(us);
    const itemById = new Map(items.map((i) => [i.id, i]));
    return rows.map((r) => {
      const results = new Map((r.recheckResults ?? []).map((x) => [x.itemId, x]));
      const penaltyIds = cases.filter((c) => c.orderId === r.id).map((c) => c.id);
      const doc = (kind: string) => docs.find((d) => d.entityId === r.id && d.kind === kind)?.number ?? null;
      return {
        id: r.id,
        checkId: r.checkId,
        checkCode: checkCodes.get(r.checkId) ?? '',
        unitId: r.unitId,
        unitName: unitNames.get(r.unitId) ?? '',
        enterpriseId: r.enterpriseId,
        enterpriseName: entNames.get(r.enterpriseId) ?? '',
        status: r.status,
        state: recheckState(r, today),
        issuedOn: r.issuedOn,
        deadline: r.deadline,
        recheckDueOn: r.recheckDueOn,
        recheckedOn: r.recheckedOn,
        earlyRecheckReason: r.earlyRecheckReason,
        orderNo: doc('rectificationOrder'),
        recheckNo: doc('recheckOpinion'),
        items: r.itemIds.flatMap((id) => {
          const i = itemById.get(id);
          if (!i) return [];
          const res = results.get(id);
          return [
            {
              id: i.id,
              seq: i.seq,
              text: i.text,
              criterionCode: i.criterionCode,
              major: i.major,
              note: i.note,
              hazardId: i.hazardId,
              recheckResult: res?.result ?? null,
              recheckNote: res?.note ?? null,
            },
          ];
        }),
        suggestPenalty: recheckSuggestsPenalty(r.recheckResults) && penaltyIds.length === 0,
        penaltyIds,
        version: r.version,
      };
    });
  },

  async penaltyInScope(ex: Executor, scope: DataScope, id: number, lock = false) {
    const q = ex
      .select()
      .from(enforcementPenalties)
      .where(and(eq(enforcementPenalties.id, id), scopeOn.enforcement_penalties(scope)));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },
  async listPenalties(ex: Executor, scope: DataScope, q: PenaltyListQuery): Promise<{ rows: PenaltyRow[]; total: number }> {
    const where = and(
      scopeOn.enforcement_penalties(scope),
      q.status ? eq(enforcementPenalties.status, q.status) : undefined,
      q.unitId ? eq(enforcementPenalties.unitId, q.unitId) : undefined,
      q.enterpriseId ? eq(enforcementPenalties.enterpriseId, q.enterpriseId) : undefined,
      q.orderId ? eq(enforcementPenalties.orderId, q.orderId) : undefined,
      q.checkId ? eq(enforcementPenalties.checkId, q.checkId) : undefined,
      q.majorHazard === undefined ? undefined : eq(enforcementPenalties.majorHazard, q.majorHazard),
      // 受到行政处罚: a decision was made (core's set, as the statistics and 第一百一十三条 count).
      q.imposed ? inArray(enforcementPenalties.status, [...imposedPenaltyStatuses]) : undefined,
      // The year a case belongs to: its decision's, else its filing's.
      q.year
        ? sql`extract(year from coalesce(${enforcementPenalties.decidedOn}, ${enforcementPenalties.filedOn}))::int = ${q.year}`
        : undefined,
    );
    const [rows, [total]] = await Promise.all([
      ex
        .select()
        .from(enforcementPenalties)
        .where(where)
        .orderBy(desc(enforcementPenalties.filedOn), desc(enforcementPenalties.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      ex.select({ n: count() }).from(enforcementPenalties).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  async presentPenalties(ex: Executor, rows: PenaltyRow[]): Promise<PenaltyView[]> {
    if (!rows.length) return [];
    const [ents, us] = await Promise.all([
      ex
        .select({ id: enterprises.id, name: enterprises.name })
        .from(enterprises)
        .where(inArray(enterprises.id, [...new Set(rows.map((r) => r.enterpriseId))])),
      ex
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))])),
    ]);
    const entNames = new Map(ents.map((x) => [x.id, x.name]));
    const unitNames = new Map(us.map((x) => [x.id, x.name]));
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      unitName: unitNames.get(r.unitId) ?? '',
      enterpriseId: r.enterpriseId,
      enterpriseName: entNames.get(r.enterpriseId) ?? '',
      checkId: r.checkId,
      orderId: r.orderId,
      hazardId: r.hazardId,
      status: r.status,
      legalBasis: r.legalBasis,
      facts: r.facts,
      amount: r.amount === null ? null : Number(r.amount),
      decisionNo: r.decisionNo,
      majorHazard: r.majorHazard,
      dualInquiry: r.dualInquiry,
      filedOn: r.filedOn,
      decidedOn: r.decidedOn,
      closedOn: r.closedOn,
      withdrawnReason: r.withdrawnReason,
      version: r.version,
    }));
  },
};
