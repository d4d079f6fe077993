// enforcement.draw_10k: a 双随机 draw over 10,000 targets and 200 inspectors through the service (commit: snapshot,
// validation, seed; run: runDraw, 500 planned checks inserted, audited), beside the raw work — runDraw alone and the
// SQL of the check inserts — as the baseline.
import { type DrawInputs, runDraw } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/lib/actor.ts';
import { systemClock } from '../src/lib/clock.ts';
import { createAuditService } from '../src/modules/audit/audit.service.ts';
import { enforcementDraws } from '../src/modules/enforcement/enforcement.table.ts';
import { insertPlannedChecks } from '../src/modules/enforcement/enforcement-check.repo.ts';
import { createDrawService } from '../src/modules/enforcement/enforcement-draw.service.ts';
import { deriveTargetsFromRegistry } from '../src/modules/enforcement/enforcement-target.repo.ts';
import { type BenchContext, percentile, time } from './harness.ts';

const TARGETS = 10_000;
const INSPECTORS = 200;
const DRAWN = 500;
const ROUNDS = 3;
const town = '339901100000';
const villages = Array.from({ length: 20 }, (_, k) => `3399011002${String(k + 1).padStart(2, '0')}`);

export async function drawTenThousand(ctx: BenchContext): Promise<void> {
  const database = await ctx.fresh();
  try {
    const db = database.db;
    const now = systemClock.now();
    await database.rows(
      sql`INSERT INTO regions (code, name, level, parent_code, created_at) VALUES ('339901000000', '示例县', 'county', NULL, now())`,
    );
    await database.rows(
      sql`INSERT INTO regions (code, name, level, parent_code, created_at) VALUES (${town}, '示例镇', 'township', '339901000000', now())`,
    );
    for (const [k, code] of villages.entries())
      await database.rows(
        sql`INSERT INTO regions (code, name, level, parent_code, created_at) VALUES (${code}, ${`第${k + 1}村`}, 'village', ${town}, now())`,
      );
    const [unit] = await database.rows<{ id: number }>(
      sql`INSERT INTO units (name, region_code, kind, industries, created_at, updated_at) VALUES ('基准应急办', ${town}, 'regulator', '{}', now(), now()) RETURNING id`,
    );
    const unitId = Number(unit?.id);
    await database.rows(sql`
      INSERT INTO enterprises (name, name_key, region_code, principal, public_code, supervising_unit_id, created_at, updated_at)
      SELECT '基准企业' || g, '基准企业' || g, (${sql.raw(`ARRAY[${villages.map((v) => `'${v}'`).join(',')}]`)})[1 + g % 20], '负责人',
             'bench' || lpad(g::text, 8, '0'), ${unitId}, now(), now()
      FROM generate_series(1, ${TARGETS}) g`);
    await database.rows(sql`
      INSERT INTO enforcement_inspectors (unit_id, name, certificate_no, certificate_valid_until, home_region_code, created_at, updated_at)
      SELECT ${unitId}, '执法员' || g, 'BENCH' || lpad(g::text, 6, '0'),
             CASE WHEN g % 10 = 0 THEN DATE '2020-01-01' ELSE DATE '2099-12-31' END,
             CASE WHEN g % 4 = 0 THEN (${sql.raw(`ARRAY[${villages.map((v) => `'${v}'`).join(',')}]`)})[1 + g % 20] END, now(), now()
      FROM generate_series(1, ${INSPECTORS}) g`);
    await deriveTargetsFromRegistry(db, unitId, now);

    const audit = createAuditService({ db, clock: systemClock });
    const draws = createDrawService({ db, clock: systemClock, audit });
    const actor: Actor = {
      userId: 0,
      username: 'bench',
      displayName: '基准',
      roles: ['admin'],
      regionCodes: [],
      unitId: null,
      enterpriseId: null,
      scope: { kind: 'all' },
      permissions: [],
      mustChangePassword: false,
      ip: null,
    };
    // The users table has no row 0: the draw's committed_by/drawn_by must be null, so the actor's id is not written.
    const bench = { ...actor, userId: null as unknown as number };
    const scheduledOn = new Date(now.getTime() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
    const totals: number[] = [];
    const commits: number[] = [];
    const runs: number[] = [];
    let last = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const [commitMs, committed] = await time(() =>
        draws.commit(bench, { unitId, title: `基准抽查${round}`, targetCount: DRAWN, inspectorsPerCheck: 2, scheduledOn, planId: null }),
      );
      const [runMs, drawn] = await time(() => draws.run(bench, committed.id));
      if (drawn.result?.checks.length !== DRAWN) throw new Error(`drew ${drawn.result?.checks.length} checks, expected ${DRAWN}`);
      commits.push(commitMs);
      runs.push(runMs);
      totals.push(commitMs + runMs);
      last = committed.id;
    }
    ctx.record('enforcement.draw_10k.ms', percentile(totals, 50), 'ms');
    ctx.record('enforcement.draw_10k.commit_ms', percentile(commits, 50), 'ms');
    ctx.record('enforcement.draw_10k.run_ms', percentile(runs, 50), 'ms');

    // Baseline: the pure draw on the same snapshot, and the inserts of its checks alone (rolled back).
    const [row] = await db.select().from(enforcementDraws).where(sql`${enforcementDraws.id} = ${last}`);
    const inputs = row?.inputs as DrawInputs;
    const seed = row?.seed as string;
    const pure: number[] = [];
    for (let k = 0; k < ROUNDS; k++) pure.push((await time(async () => runDraw(inputs, seed)))[0]);
    ctx.record('enforcement.draw_10k.run_draw_ms', percentile(pure, 50), 'ms');
    const result = runDraw(inputs, seed);
    const inserts: number[] = [];
    for (let k = 0; k < ROUNDS; k++) {
      const [ms] = await time(() =>
        db
          .transaction(async (tx) => {
            await insertPlannedChecks(
              tx,
              result.checks.map((c) => ({
                unitId,
                enterpriseId: c.targetId,
                kind: 'general' as const,
                scheduledOn,
                inspectorIds: c.inspectorIds,
                createdBy: null,
              })),
              now,
            );
            throw new RollBack();
          })
          .catch((e) => {
            if (!(e instanceof RollBack)) throw e;
          }),
      );
      inserts.push(ms);
    }
    ctx.record('enforcement.draw_10k.insert_sql_ms', percentile(inserts, 50), 'ms');
  } finally {
    await database.close();
  }
}

class RollBack extends Error {}
