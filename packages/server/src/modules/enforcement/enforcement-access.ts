import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import type { Actor } from '../../lib/actor.ts';
import { errors } from '../../lib/errors.ts';
import { units } from '../units/unit.table.ts';

export type EnforcingUnit = { id: number; name: string; regionCode: string };

/**
 * The enforcing unit an actor manages 名录库 and draws for: a unit account only its own unit, the office and the
 * administrator any unit in their scope. Anything else is "not found" (ids of other places are not confirmed).
 */
export async function managedUnit(ex: Executor, actor: Actor, unitId: number): Promise<EnforcingUnit> {
  if (actor.scope.kind === 'unit' && actor.scope.unitId !== unitId) throw errors.notFound('执法单位', 'enforcement.unit_not_found');
  const [unit] = await ex
    .select({ id: units.id, name: units.name, regionCode: units.regionCode })
    .from(units)
    .where(and(eq(units.id, unitId), scopeOn.units(actor.scope)));
  if (!unit) throw errors.notFound('执法单位', 'enforcement.unit_not_found');
  return unit;
}
