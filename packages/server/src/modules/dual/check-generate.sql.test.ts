import {
  type CheckCycle,
  checkPeriodsBetween,
  dualSettings,
  periodEndOf,
  periodStartOf,
  type TaskPeriodStatus,
  taskPeriodStatusOf,
} from '@anzhi/core';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckTask } from '../../../test/dual-kit.ts';
import { codes, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { settings } from '../settings/settings.table.ts';
import { taskPeriodStatusSql } from './check-due.sql.ts';
import { generateDueChecks } from './check-generate.ts';
import { checkTaskPeriods, checkTasks } from './dual.table.ts';
import { runDualSweep } from './dual-sweep.ts';

/** China noon of a day, as the sweep's `now`. */
const at = (day: string) => new Date(`${day}T04:00:00Z`);

describe('due-check generation (one INSERT … SELECT from core’s cycle spans) equals core’s checkPeriodsBetween', () => {
  let t: TestApp;
  let here: EnterpriseRow;
  let there: EnterpriseRow;
  const tasks: Array<{ id: number; cycle: CheckCycle; startsOn: string; shifts: number }> = [];

  beforeAll(async () => {
    t = await startTestApp(at('2026-12-20'));
    await seedOrg(t.database);
    here = await makeEnterprise(t.database, { regionCode: codes.village1 });
    there = await makeEnterprise(t.database, { regionCode: codes.otherVillage });
    // 示例镇 runs three shifts a day; 邻镇 keeps the default.
    await t.database.db.insert(settings).values({
      regionCode: codes.town,
      key: 'dual',
      value: { ...dualSettings.defaults, shiftsPerDay: 3 },
      updatedAt: new Date(),
    });
    const plan: Array<[EnterpriseRow, CheckCycle, string]> = [
      [here, 'day', '2026-12-28'],
      [here, 'week', '2026-12-30'], // the week of Mon 2026-12-28 runs into 2027
      [here, 'month', '2026-11-15'],
      [here, 'quarter', '2026-11-15'], // mid-quarter: Q4 from 2026-10-01
      [here, 'shift', '2026-12-30'],
      [there, 'shift', '2026-12-30'],
      [there, 'quarter', '2027-01-01'],
    ];
    for (const [e, cycle, startsOn] of plan) {
      const row = await makeCheckTask(t.database.db, e, { cycle, startsOn });
      tasks.push({ id: row.id, cycle, startsOn, shifts: cycle === 'shift' && e === here ? 3 : 1 });
    }
    await makeCheckTask(t.database.db, here, { cycle: 'day', startsOn: '2026-12-01', active: false });
    await makeCheckTask(t.database.db, here, { cycle: 'day', startsOn: '2027-02-01' });
  });
  afterAll(() => t.close());

  async function periodsOf(taskId: number) {
    const rows = await t.database.db
      .select({ start: checkTaskPeriods.periodStart, end: checkTaskPeriods.periodEnd, slot: checkTaskPeriods.slot })
      .from(checkTaskPeriods)
      .where(eq(checkTaskPeriods.taskId, taskId))
      .orderBy(asc(checkTaskPeriods.periodStart), asc(checkTaskPeriods.slot));
    return rows;
  }
  async function expectCoreUpTo(today: string) {
    for (const task of tasks) {
      expect(await periodsOf(task.id), `${task.cycle} from ${task.startsOn}`).toEqual(
        checkPeriodsBetween(task.cycle, task.startsOn, today, task.shifts),
      );
    }
  }
  const total = async () => Number((await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM check_task_periods`))[0]?.n);

  it('across the year end: no gaps, no duplicates; a second run adds nothing; inactive and future tasks get none', async () => {
    const first = await generateDueChecks(t.database.db, at('2026-12-31'));
    expect(first).toBeGreaterThan(0);
    await expectCoreUpTo('2026-12-31');
    expect(await periodsOf(tasks[3]?.id as number)).toEqual([{ start: '2026-10-01', end: '2026-12-31', slot: 1 }]);
    expect(await generateDueChecks(t.database.db, at('2026-12-31'))).toBe(0);
    // The sweep did not run for ten days: every period in between is filled.
    const sweep = await runDualSweep(t.database.db, at('2027-01-10'));
    expect(sweep.created.periods).toBeGreaterThan(0);
    await expectCoreUpTo('2027-01-10');
    expect(await periodsOf(tasks[1]?.id as number)).toContainEqual({ start: '2026-12-28', end: '2027-01-03', slot: 1 });
    expect(await generateDueChecks(t.database.db, at('2027-01-10'))).toBe(0);
    const [dupes] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT task_id, period_start, slot FROM check_task_periods GROUP BY 1, 2, 3 HAVING count(*) > 1) d`,
    );
    expect(Number(dupes?.n)).toBe(0);
    const [inactive] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM check_task_periods p JOIN check_tasks t ON t.id = p.task_id WHERE NOT t.active OR t.starts_on > '2027-01-10'`,
    );
    expect(Number(inactive?.n)).toBe(0);
  });

  it('through a leap February and quarter ends', async () => {
    const before = await total();
    await generateDueChecks(t.database.db, at('2028-03-01'));
    expect(await total()).toBeGreaterThan(before);
    await expectCoreUpTo('2028-03-01');
    const month = await periodsOf(tasks[2]?.id as number);
    expect(month).toContainEqual({ start: '2028-02-01', end: '2028-02-29', slot: 1 });
    expect((await periodsOf(tasks[3]?.id as number)).map((p) => p.end)).toContain('2027-06-30');
  });

  it('the status SQL (done / missed / open) equals core’s taskPeriodStatusOf on the same rows', async () => {
    // Every third period of each task is fulfilled by some record.
    await t.database.rows(sql`UPDATE check_task_periods SET record_id = id, done_on = period_end WHERE id % 3 = 0`);
    for (const today of ['2027-01-03', '2027-01-04', '2027-03-31', '2028-02-29']) {
      const rows = await t.database.db
        .select({
          periodStart: checkTaskPeriods.periodStart,
          periodEnd: checkTaskPeriods.periodEnd,
          recordId: checkTaskPeriods.recordId,
          status: taskPeriodStatusSql(today),
        })
        .from(checkTaskPeriods)
        .innerJoin(checkTasks, eq(checkTasks.id, checkTaskPeriods.taskId))
        .where(sql`${checkTaskPeriods.periodStart} <= ${today}::date`);
      const mismatches = rows.filter((r) => (taskPeriodStatusOf(r, today) as TaskPeriodStatus) !== r.status);
      expect(rows.length).toBeGreaterThan(10);
      expect(mismatches).toEqual([]);
      if (today === '2027-01-03') expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['done', 'missed', 'open']));
    }
    expect(periodEndOf('quarter', periodStartOf('quarter', '2027-02-14'))).toBe('2027-03-31');
  });
});
