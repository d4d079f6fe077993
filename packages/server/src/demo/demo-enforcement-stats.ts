import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { enforcementPenalties } from '../modules/enforcement/enforcement.table.ts';
import { allocateEnforcementDoc } from '../modules/enforcement/enforcement-doc-numbers.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';

/**
 * Demo data for 执法统计 (part E): so that the statistics page shows a 第一百一十三条 flag, one enterprise with a
 * 重大事故隐患 gets three decided penalty cases within 180 days (the last one `today` minus a week), by the given unit.
 *
 * Expects: inside seedDemo's transaction, after the enterprises (and, when part D's demo runs, after its penalty case);
 * `unitId` an enforcing unit of the enterprise's township, `enterpriseId` an enterprise of the registry, `today` the
 * demo's China date (YYYY-MM-DD); the decisions fall 160, 90 and 7 days before it (the first may fall in the year
 * before: the flag shows in the year of the last). Returns the ids of the cases it added. The amounts (5,000 元
 * each) also keep the unit clear of 零处罚. Not wired into seed-demo.ts: the lead decides with part D's demo.
 */
export async function seedEnforcementStatsDemo(
  tx: Tx,
  opts: { unitId: number; enterpriseId: number; today: string; createdBy: number | null },
): Promise<number[]> {
  const [e] = await tx.select({ regionCode: enterprises.regionCode }).from(enterprises).where(eq(enterprises.id, opts.enterpriseId));
  if (!e) throw new Error(`demo enterprise ${opts.enterpriseId} not found`);
  const day = (back: number) => new Date(Date.parse(`${opts.today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
  const rows = await tx
    .insert(enforcementPenalties)
    .values(
      [160, 90, 7].map((back, k) => ({
        unitId: opts.unitId,
        enterpriseId: opts.enterpriseId,
        regionCode: e.regionCode,
        status: 'decided' as const,
        legalBasis: ['aqsf-2021:102'],
        facts: `（示例）重大事故隐患未按期整改，第${k + 1}次处罚`,
        amount: 5000,
        majorHazard: true,
        filedOn: day(back + 10),
        decidedOn: day(back),
        createdBy: opts.createdBy,
      })),
    )
    .returning({ id: enforcementPenalties.id, decidedOn: enforcementPenalties.decidedOn });
  // 行政处罚决定书 numbers from the unit's yearly sequence, as a decision made through the API gets them.
  for (const r of rows) {
    const { row } = await allocateEnforcementDoc(tx, {
      unitId: opts.unitId,
      kind: 'penaltyDecision',
      entityType: 'penalty',
      entityId: r.id,
      year: Number(String(r.decidedOn).slice(0, 4)),
      now: new Date(`${opts.today}T02:00:00Z`),
      actorId: opts.createdBy,
    });
    await tx.update(enforcementPenalties).set({ decisionNo: row.number }).where(eq(enforcementPenalties.id, r.id));
  }
  return rows.map((r) => r.id);
}
