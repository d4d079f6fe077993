import { addDays, recheckDueOn } from '@anzhi/core';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import {
  enforcementCheckItems,
  enforcementChecks,
  enforcementOrders,
  enforcementPenalties,
} from '../modules/enforcement/enforcement.table.ts';
import { allocateEnforcementDoc } from '../modules/enforcement/enforcement-doc-numbers.ts';
import { resolveSettings } from '../modules/settings/settings.resolver.ts';

export interface DemoTriadResult {
  orders: number;
  rechecked: number;
  overdue: number;
  penalties: number;
}

/**
 * Demo data of the 执法三部曲 (issue 14 part D), called by seed-demo inside its transaction after the checks exist.
 *
 * Expects `checkIds`: signed checks (status signed, signedAt set) with failed items not fixed on the spot, best signed
 * three weeks or more before `now` so the dates below fall after the signing. Issues a numbered 责令限期整改指令书 for
 * each (one per check): the first is rechecked (first item fixed, the rest not) and gets a decided penalty case of
 * 5,000 元 under 第一百零二条 (seed 001: ≥ 500 元 a year per unit) with its 行政处罚决定书 number; the second is left
 * overdue for its 复查 (the sweep then marks it); the rest are open with a deadline ahead. Returns the counts.
 */
export async function seedDemoEnforcementTriad(
  tx: Tx,
  opts: { now: Date; checkIds: number[]; issuerUserId: number | null; penalizerUserId: number | null },
): Promise<DemoTriadResult> {
  const today = chinaToday(opts.now);
  const out: DemoTriadResult = { orders: 0, rechecked: 0, overdue: 0, penalties: 0 };
  if (!opts.checkIds.length) return out;
  const checks = await tx.select().from(enforcementChecks).where(inArray(enforcementChecks.id, opts.checkIds));
  const ordered = opts.checkIds.flatMap((id) => checks.filter((c) => c.id === id && c.status === 'signed'));
  for (const [k, check] of ordered.entries()) {
    const items = (await tx.select().from(enforcementCheckItems).where(eq(enforcementCheckItems.checkId, check.id))).filter(
      (i) => i.result === 'fail' && !i.fixedOnSpot,
    );
    if (!items.length) continue;
    const { recheckDays } = (await resolveSettings(tx, check.regionCode)).enforcement;
    const signedDay = check.signedAt ? chinaToday(check.signedAt) : addDays(today, -21);
    const issuedOn = signedDay;
    // 0: rechecked two days after its deadline; 1: its 复查 overdue by three days; others: deadline ahead.
    const deadline =
      k === 0
        ? maxDay(issuedOn, addDays(today, -10))
        : k === 1
          ? maxDay(issuedOn, addDays(today, -recheckDays - 3))
          : addDays(maxDay(today, issuedOn), 15);
    const recheckedOn = k === 0 ? minDay(today, addDays(deadline, 2)) : null;
    const results =
      k === 0
        ? items.map((i, n) => ({
            itemId: i.id,
            result: n === 0 ? ('fixed' as const) : ('notFixed' as const),
            note: n === 0 ? null : '复查时仍未整改到位',
          }))
        : null;
    const [order] = await tx
      .insert(enforcementOrders)
      .values({
        checkId: check.id,
        unitId: check.unitId,
        enterpriseId: check.enterpriseId,
        regionCode: check.regionCode,
        status: k === 0 ? 'rechecked' : 'open',
        itemIds: items.map((i) => i.id),
        issuedOn,
        deadline,
        recheckDueOn: recheckDueOn(deadline, recheckDays),
        recheckedOn,
        recheckResults: results,
        issuedBy: opts.issuerUserId,
        recheckedBy: k === 0 ? opts.issuerUserId : null,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!order) continue;
    out.orders++;
    const doc = (
      kind: 'rectificationOrder' | 'recheckOpinion' | 'penaltyDecision',
      entityType: 'order' | 'penalty',
      entityId: number,
      day: string,
    ) =>
      allocateEnforcementDoc(tx, {
        unitId: check.unitId,
        kind,
        entityType,
        entityId,
        year: Number(day.slice(0, 4)),
        now: opts.now,
        actorId: opts.issuerUserId,
      });
    await doc('rectificationOrder', 'order', order.id, issuedOn);
    if (k === 1 && order.recheckDueOn < today) out.overdue++;
    if (k !== 0 || !recheckedOn) continue;
    out.rechecked++;
    await doc('recheckOpinion', 'order', order.id, recheckedOn);
    const decidedOn = minDay(today, addDays(recheckedOn, 3));
    const [penalty] = await tx
      .insert(enforcementPenalties)
      .values({
        unitId: check.unitId,
        enterpriseId: check.enterpriseId,
        regionCode: check.regionCode,
        checkId: check.id,
        orderId: order.id,
        hazardId: items[1]?.hazardId ?? items[0]?.hazardId ?? null,
        status: 'decided',
        legalBasis: ['aqsf-2021:102'],
        facts: `经复查，${
          items
            .slice(1)
            .map((i) => i.text)
            .join('；') || items[0]?.text
        }，逾期未整改，未采取措施消除事故隐患。`,
        amount: 5000,
        majorHazard: items.some((i) => i.major),
        dualInquiry: items.some((i) => i.major),
        filedOn: recheckedOn,
        decidedOn,
        createdBy: opts.penalizerUserId,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning();
    if (!penalty) continue;
    const { row } = await doc('penaltyDecision', 'penalty', penalty.id, decidedOn);
    await tx.update(enforcementPenalties).set({ decisionNo: row.number }).where(eq(enforcementPenalties.id, penalty.id));
    out.penalties++;
  }
  return out;
}

const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);
