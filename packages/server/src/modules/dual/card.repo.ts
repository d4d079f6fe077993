import type { RiskLevel } from '@anzhi/core';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { controlMeasures, riskEvents, riskPoints, riskUnits } from './dual.table.ts';

export type RiskPointRow = typeof riskPoints.$inferSelect;

/** What a 风险告知卡 prints, read along the chain point → units → events → measures. */
export const cardRepo = {
  async point(ex: Executor, scope: SQL | undefined, id: number) {
    const [r] = await ex
      .select()
      .from(riskPoints)
      .where(and(scope, eq(riskPoints.id, id)));
    return r;
  },

  async pointByPublicCode(ex: Executor, publicCode: string) {
    const [r] = await ex.select().from(riskPoints).where(eq(riskPoints.publicCode, publicCode));
    return r;
  },

  async enterpriseContact(ex: Executor, enterpriseId: number) {
    const [r] = await ex
      .select({ name: enterprises.name, principal: enterprises.principal, principalPhone: enterprises.principalPhone })
      .from(enterprises)
      .where(eq(enterprises.id, enterpriseId));
    if (!r) throw new Error('cardRepo.enterpriseContact: no enterprise');
    return r;
  },

  /** The point's events in order, with their measures. */
  async events(ex: Executor, pointId: number) {
    const events = await ex
      .select({
        id: riskEvents.id,
        name: riskEvents.name,
        level: riskEvents.level,
        consequence: riskEvents.consequence,
        controlLevel: riskEvents.controlLevel,
      })
      .from(riskEvents)
      .innerJoin(riskUnits, eq(riskUnits.id, riskEvents.unitId))
      .where(eq(riskUnits.pointId, pointId))
      .orderBy(asc(riskUnits.id), asc(riskEvents.id));
    const measures = events.length
      ? await ex
          .select({ eventId: controlMeasures.eventId, kind: controlMeasures.kind, content: controlMeasures.content })
          .from(controlMeasures)
          .where(
            inArray(
              controlMeasures.eventId,
              events.map((e) => e.id),
            ),
          )
          .orderBy(asc(controlMeasures.id))
      : [];
    return events.map((e) => ({ ...e, measures: measures.filter((m) => m.eventId === e.id) }));
  },

  /** Each point's event levels (the colour of a zone is its point's highest). */
  async pointLevels(
    ex: Executor,
    scope: SQL | undefined,
    enterpriseId: number,
  ): Promise<Array<{ id: number; name: string; levels: RiskLevel[] }>> {
    const rows = await ex
      .select({ id: riskPoints.id, name: riskPoints.name, level: riskEvents.level })
      .from(riskPoints)
      .leftJoin(riskUnits, eq(riskUnits.pointId, riskPoints.id))
      .leftJoin(riskEvents, eq(riskEvents.unitId, riskUnits.id))
      .where(and(scope, eq(riskPoints.enterpriseId, enterpriseId)))
      .orderBy(asc(riskPoints.id));
    const byId = new Map<number, { id: number; name: string; levels: RiskLevel[] }>();
    for (const r of rows) {
      const p = byId.get(r.id) ?? { id: r.id, name: r.name, levels: [] };
      if (r.level) p.levels.push(r.level);
      byId.set(r.id, p);
    }
    return [...byId.values()];
  },
};
