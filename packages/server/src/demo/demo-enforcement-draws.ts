// enforcement: 名录库 and draws — the demo's 执法人员名录库 and 检查对象名录库 of two units, and one published 双随机
// draw of each (with its planned checks, for the later parts of issue 14 to carry out).
import crypto from 'node:crypto';
import { drawAlgorithm, drawInputs, drawSeedHash, runDraw } from '@anzhi/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import { enforcementDraws, enforcementInspectors } from '../modules/enforcement/enforcement.table.ts';
import { insertPlannedChecks } from '../modules/enforcement/enforcement-check.repo.ts';
import { drawSnapshot } from '../modules/enforcement/enforcement-draw.service.ts';
import { deriveTargetsFromRegistry } from '../modules/enforcement/enforcement-target.repo.ts';
import { demoTownship } from './demo-accounts.ts';

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

type DemoInspector = [name: string, homeVillage: string | null, field: string, expired?: boolean];
const rosters: Array<{ key: 'emergency' | 'lawEnforcement'; prefix: string; title: string; inspectors: DemoInspector[] }> = [
  {
    key: 'emergency',
    prefix: '33990101',
    title: '应急办一般检查对象双随机抽查',
    inspectors: [
      ['陈建国', '339901100201', '危化'],
      ['周海峰', '339901100202', '工贸'],
      ['吴晓梅', null, '工贸'],
      ['郑伟', '339901100203', '危化'],
      ['孙立新', null, '工贸', true],
    ],
  },
  {
    key: 'lawEnforcement',
    prefix: '33990106',
    title: '综合执法大队一般检查对象双随机抽查',
    inspectors: [
      ['钱志强', '339901100204', '工贸'],
      ['冯丽', null, '危化'],
      ['蒋涛', '339901100205', '工贸'],
      ['韩雪', null, '工贸'],
      ['杨帆', '339901100206', '危化', true],
    ],
  },
];

/**
 * Expects: the seeding transaction (its one seed_demo audit event stands for everything seeded), `now`, the ids of 示例镇应急管理办公室 and
 * 示例镇综合行政执法大队 and of the office account that commits the draws. Enterprises must already be seeded (the
 * targets are derived from their supervising units). Returns what it made: the draws' ids and the checks they
 * created (planned, `kind` general, 20 days ago or the year's 2 January, whichever is later) so later parts can
 * carry them out.
 */
export async function seedDemoEnforcementDraws(
  tx: Tx,
  opts: { now: Date; units: { emergency: number; lawEnforcement: number }; officeUserId: number },
): Promise<{ inspectors: number; targets: number; drawIds: number[]; checkIds: number[] }> {
  const { now } = opts;
  const today = chinaToday(now);
  const scheduledOn = [shift(today, -20), `${today.slice(0, 4)}-01-02`].sort().at(-1) as string;
  let inspectors = 0;
  let targets = 0;
  const drawIds: number[] = [];
  const checkIds: number[] = [];
  for (const roster of rosters) {
    const unitId = opts.units[roster.key];
    await tx.insert(enforcementInspectors).values(
      roster.inspectors.map(([name, homeRegionCode, field, expired], k) => ({
        unitId,
        name,
        certificateNo: `${roster.prefix}${String(k + 1).padStart(4, '0')}`,
        certificateValidUntil: expired ? shift(scheduledOn, -30) : `${Number(today.slice(0, 4)) + 2}-12-31`,
        homeRegionCode,
        field,
        createdAt: now,
        updatedAt: now,
      })),
    );
    inspectors += roster.inspectors.length;
    targets += await deriveTargetsFromRegistry(tx, unitId, now);
    const snapshot = await drawSnapshot(
      tx,
      { id: unitId, regionCode: demoTownship.code },
      { scheduledOn, targetCount: 1, inspectorsPerCheck: 2 },
    );
    const inputs = drawInputs.parse({ ...snapshot, targetCount: Math.min(5, snapshot.targets.length) });
    const seed = crypto.randomBytes(32).toString('hex');
    const [draw] = await tx
      .insert(enforcementDraws)
      .values({
        unitId,
        regionCode: demoTownship.code,
        title: `${today.slice(0, 4)}年${roster.title}`,
        status: 'committed',
        seed,
        seedHash: drawSeedHash(seed),
        algorithm: drawAlgorithm,
        inputs,
        committedBy: opts.officeUserId,
        committedAt: new Date(now.getTime() - 21 * DAY_MS),
        createdAt: now,
      })
      .returning();
    const id = draw?.id as number;
    const result = runDraw(inputs, seed);
    const checks = await insertPlannedChecks(
      tx,
      result.checks.map((c) => ({
        unitId,
        enterpriseId: c.targetId,
        kind: 'general' as const,
        scheduledOn,
        inspectorIds: c.inspectorIds,
        drawId: id,
        createdBy: opts.officeUserId,
      })),
      now,
    );
    await tx
      .update(enforcementDraws)
      .set({ status: 'drawn', result, drawnBy: opts.officeUserId, drawnAt: new Date(now.getTime() - 21 * DAY_MS + 600_000) })
      .where(eq(enforcementDraws.id, id));
    drawIds.push(id);
    checkIds.push(...checks.map((c) => c.id));
  }
  return { inspectors, targets, drawIds, checkIds };
}
