import {
  addDays,
  type CheckTemplate,
  checkTemplateCycles,
  checkTemplateItems,
  checkTemplateLabels,
  checkTemplateOwners,
  checkTemplates,
  dualSettings,
  principalCheckCycle,
} from '@anzhi/core';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import { generateDueChecks } from '../modules/dual/check-generate.ts';
import { checkTasks } from '../modules/dual/dual.table.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';

/**
 * 双重预防 — check tasks and records (issue 16, part B): the standard templates on the `qiye` enterprise from three
 * months ago, their due checks, and records up to yesterday — mostly on time, every tenth late, every tenth missed.
 * Deterministic from `now`; set-based (fast in tests). Hazards from 异常 items come from the phone's sync, not here.
 */
export async function seedDemoDualChecks(
  tx: Executor,
  opts: { now: Date; enterpriseId: number; checkerUserId: number },
): Promise<{ tasks: number; records: number }> {
  const today = chinaToday(opts.now);
  const [e] = await tx
    .select({ regionCode: enterprises.regionCode, highRisk: enterprises.highRisk })
    .from(enterprises)
    .where(eq(enterprises.id, opts.enterpriseId));
  if (!e) throw new Error('seedDemoDualChecks: no enterprise');
  const startsOn = addDays(today, -91);
  const tasks = await tx
    .insert(checkTasks)
    .values(
      checkTemplates.map((t: CheckTemplate) => ({
        enterpriseId: opts.enterpriseId,
        template: t,
        title: checkTemplateLabels[t],
        cycle: t === 'principal' ? principalCheckCycle(e.highRisk, dualSettings.defaults) : checkTemplateCycles[t],
        ownerName: checkTemplateOwners[t],
        items: checkTemplateItems[t],
        startsOn,
        createdBy: opts.checkerUserId,
      })),
    )
    .returning({ id: checkTasks.id });
  await generateDueChecks(tx, opts.now, { taskFilter: sql`t.enterprise_id = ${opts.enterpriseId}` });
  const yesterday = addDays(today, -1);
  // On time: checked on the period's first day at 09:30; every tenth (id % 10 = 7) a day after its end; id % 10 = 3 missed.
  const result = (await tx.execute(sql`
    WITH due AS (
      SELECT p.id, p.period_start, p.period_end,
        CASE WHEN p.id % 10 = 7 THEN p.period_end + 1 ELSE p.period_start END AS done_on
      FROM check_task_periods p
      WHERE p.enterprise_id = ${opts.enterpriseId} AND p.period_start <= ${yesterday}::date AND p.id % 10 <> 3
    ), kept AS (SELECT * FROM due WHERE done_on <= ${yesterday}::date),
    rec AS (
      INSERT INTO check_records (client_id, kind, enterprise_id, region_code, task_period_id, checked_by, checked_at, received_at, item_count, abnormal_count)
      SELECT md5('demo-check-' || k.id)::uuid::text, 'task', ${opts.enterpriseId}, ${e.regionCode}, k.id, ${opts.checkerUserId},
        (k.done_on + time '09:30') AT TIME ZONE 'Asia/Shanghai', (k.done_on + time '09:40') AT TIME ZONE 'Asia/Shanghai',
        jsonb_array_length(t.items), 0
      FROM kept k JOIN check_task_periods p ON p.id = k.id JOIN check_tasks t ON t.id = p.task_id
      RETURNING id, task_period_id
    ), items AS (
      INSERT INTO check_record_items (record_id, seq, text, result)
      SELECT r.id, i.seq, i.text, 'normal'
      FROM rec r JOIN check_task_periods p ON p.id = r.task_period_id JOIN check_tasks t ON t.id = p.task_id
      CROSS JOIN LATERAL jsonb_array_elements_text(t.items) WITH ORDINALITY AS i(text, seq)
      RETURNING 1
    ), done AS (
      UPDATE check_task_periods p SET record_id = r.id, done_on = k.done_on
      FROM rec r JOIN kept k ON k.id = r.task_period_id WHERE p.id = r.task_period_id
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM rec)::int AS records, (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM done)::int AS done`)) as unknown as {
    rows: Array<{ records: number }>;
  };
  return { tasks: tasks.length, records: Number(result.rows[0]?.records ?? 0) };
}
