import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { enforcementSettings, proposeYearlyPlan, type RiskLevel } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { createServices } from '../src/app.ts';
import type { Actor } from '../src/lib/actor.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { createDiskStorage } from '../src/lib/storage.ts';
import { enforcementInspectors } from '../src/modules/enforcement/enforcement.table.ts';
import { enforcementPlanRepo } from '../src/modules/enforcement/enforcement-plan.repo.ts';
import { enterprises } from '../src/modules/enterprises/enterprise.table.ts';
import { hazards } from '../src/modules/hazards/hazard.table.ts';
import { regionRepo } from '../src/modules/regions/region.repo.ts';
import { unitRepo } from '../src/modules/units/unit.repo.ts';
import { userRepo } from '../src/modules/users/user.repo.ts';
import { type BenchContext, percentile, time } from './harness.ts';

const TARGETS = 5_000;

/**
 * `enforcement.plan_5k.ms`: a unit with 5,000 targets (a tenth high-risk by flags or risk class, some with open major
 * hazards and founded reports) and 20 inspectors; the yearly plan proposed through the service (facts read, core rule,
 * plan and items stored, audited) — median of five years' plans. Beside it the baseline: the set-based read of the
 * same facts, and the core rule alone.
 */
export async function planFiveThousand(ctx: BenchContext) {
  const database = await ctx.fresh();
  const now = new Date('2026-01-05T02:00:00Z');
  const { db } = database;
  const county = '330110000000';
  const town = '330110101000';
  await regionRepo.insert(db, { code: county, name: '示例县', level: 'county', parentCode: null, createdAt: now });
  await regionRepo.insert(db, { code: town, name: '示例镇', level: 'township', parentCode: county, createdAt: now });
  const villages = Array.from({ length: 20 }, (_, k) => `3301101012${String(k).padStart(2, '0')}`);
  for (const [k, code] of villages.entries())
    await regionRepo.insert(db, { code, name: `村${k}`, level: 'village', parentCode: town, createdAt: now });
  const unit = await unitRepo.insert(db, {
    name: '示例镇应急管理办公室',
    regionCode: town,
    kind: 'regulator',
    industries: [],
    createdAt: now,
    updatedAt: now,
  });
  const user = await userRepo.insert(db, {
    username: 'bench',
    displayName: 'bench',
    passwordHash: 'x',
    roles: ['office'],
    regionCodes: [town],
    mustChangePassword: false,
    createdAt: now,
    updatedAt: now,
  });
  const levels: Array<RiskLevel | null> = [null, 'low', 'low', 'medium', 'medium', 'medium', 'low', null, 'low', 'high', 'major'];
  const flagSets = [[], [], [], [], [], [], [], [], [], ['dustExplosion'], ['confinedSpace'], [], [], ['majorHazardSource']];
  for (let i = 0; i < TARGETS; i += 1000) {
    await db.insert(enterprises).values(
      Array.from({ length: Math.min(1000, TARGETS - i) }, (_, j) => {
        const k = i + j;
        return {
          name: `压测企业${k}`,
          nameKey: `压测企业${k}`,
          publicCode: `bp${String(k).padStart(8, '0')}`,
          regionCode: villages[k % villages.length] as string,
          supervisingUnitId: unit.id,
          riskLevel: levels[k % levels.length] ?? null,
          flags: flagSets[k % flagSets.length] ?? [],
          createdAt: now,
          updatedAt: now,
        };
      }),
    );
  }
  // 2,000 hazards: open major ones, founded public reports, and ordinary closed ones.
  await db.execute(sql`
    INSERT INTO ${hazards} (code, found_by, enterprise_id, region_code, supervising_unit_id, channel, grade, category, status, title, description, found_on, deadline, closed_on)
    SELECT 'BH-' || g, ${user.id}::int, e.id, e.region_code, e.supervising_unit_id,
      CASE WHEN g % 5 = 0 THEN 'publicReport' ELSE 'inspection' END,
      CASE WHEN g % 7 = 0 THEN 'major' ELSE 'general' END,
      'thing',
      CASE WHEN g % 3 = 0 THEN 'rectifying' ELSE 'closed' END,
      '压测隐患', '压测', DATE '2025-09-01', DATE '2026-03-01',
      CASE WHEN g % 3 = 0 THEN NULL ELSE DATE '2025-10-01' END
    FROM generate_series(1, 2000) g JOIN ${enterprises} e ON e.id = (g * 7 % ${TARGETS}) + 1`);
  await db.insert(enforcementInspectors).values(
    Array.from({ length: 20 }, (_, k) => ({
      unitId: unit.id,
      name: `执法员${k}`,
      certificateNo: `B${k}`,
      certificateValidUntil: '2030-12-31',
    })),
  );

  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-bench-files-'));
  const services = createServices({ database, clock: fixedClock(now), storage: createDiskStorage(filesDir) });
  const plans = services.enforcementModule.plans;
  const actor: Actor = {
    userId: user.id,
    username: 'bench',
    displayName: 'bench',
    roles: ['office'],
    regionCodes: [town],
    unitId: null,
    enterpriseId: null,
    scope: { kind: 'regions', regionCodes: [town] },
    permissions: [],
    mustChangePassword: false,
    ip: null,
  };
  const samples: number[] = [];
  let planned = 0;
  for (const year of [2026, 2027, 2028, 2029, 2030]) {
    const [ms, plan] = await time(() => plans.propose(actor, { unitId: unit.id, year }));
    samples.push(ms);
    planned = plan.plannedChecks;
  }
  const sqlSamples: number[] = [];
  const coreSamples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [ms, targets] = await time(() => enforcementPlanRepo.planTargets(db, unit.id, '2025-01-05'));
    sqlSamples.push(ms);
    const [coreMs] = await time(async () =>
      proposeYearlyPlan({
        year: 2026,
        targets,
        capacity: { inspectors: 20, inspectionDaysPerMonth: 8, personDaysPerCheck: 2 },
        settings: enforcementSettings.defaults,
      }),
    );
    coreSamples.push(coreMs);
  }
  ctx.record('enforcement.plan_5k.ms', percentile(samples, 50), 'ms');
  ctx.record('enforcement.plan_5k.sql_facts_ms', percentile(sqlSamples, 50), 'ms');
  ctx.record('enforcement.plan_5k.core_ms', percentile(coreSamples, 50), 'ms');
  ctx.record('enforcement.plan_5k.planned_checks', planned, 'checks');
  await database.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
}
