import { randomUUID } from 'node:crypto';
import type { CheckCycle, CheckResult, CheckTemplate, RiskLevel } from '@anzhi/core';
import { assessRisk, checkPeriodsBetween, dualSettings, patrolMonthOf } from '@anzhi/core';
import { eq } from 'drizzle-orm';
import type { Executor } from '../src/db/client.ts';
import {
  checkRecordItems,
  checkRecords,
  checkTaskPeriods,
  checkTasks,
  controlMeasures,
  posts,
  riskEvents,
  riskPoints,
  riskUnits,
} from '../src/modules/dual/dual.table.ts';
import type { EnterpriseRow } from '../src/modules/enterprises/enterprise.repo.ts';

/**
 * 双重预防 rows written straight into the database, as the module's services would leave them: for tests of the parts
 * that read what another part wrote, and for the role matrix. Each part's own tests go through its HTTP API.
 */
let serial = 0;
const code = (prefix: string) => `${prefix}${Date.now().toString(36)}${(serial++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function makePost(ex: Executor, enterprise: EnterpriseRow, opts: { name?: string } = {}) {
  const [row] = await ex
    .insert(posts)
    .values({
      enterpriseId: enterprise.id,
      name: opts.name ?? `操作岗 ${++serial}`,
      cards: {
        riskList: ['机械伤害'],
        dutyList: ['班前检查设备'],
        operationCard: ['启动前确认防护罩完好'],
        emergencyCard: ['立即停机并报告'],
      },
      quiz: [{ question: '设备防护罩缺失时应当？', options: ['继续作业', '停机报告'], answer: 1 }],
      publicCode: code('GW'),
    })
    .returning();
  if (!row) throw new Error('makePost: no row');
  return row;
}

/** A risk point with one unit, one event assessed by LEC (default L6 E6 C7 = 252, 较大) and one measure. */
export async function makeRiskChain(
  ex: Executor,
  enterprise: EnterpriseRow,
  opts: {
    name?: string;
    lec?: { l: number; e: number; c: number };
    measure?: string;
    reviewedOn?: string | null;
    assessedBy?: number;
  } = {},
) {
  const lec = opts.lec ?? { l: 6, e: 6, c: 7 };
  const a = assessRisk({ method: 'lec', ...lec }, dualSettings.defaults);
  const [point] = await ex
    .insert(riskPoints)
    .values({
      enterpriseId: enterprise.id,
      kind: 'device',
      name: opts.name ?? `冲压机 ${++serial}`,
      publicCode: code('FX'),
      reviewedOn: opts.reviewedOn ?? null,
    })
    .returning();
  if (!point) throw new Error('makeRiskChain: no point');
  const [unit] = await ex.insert(riskUnits).values({ enterpriseId: enterprise.id, pointId: point.id, name: '模具区' }).returning();
  if (!unit) throw new Error('makeRiskChain: no unit');
  const [event] = await ex
    .insert(riskEvents)
    .values({
      enterpriseId: enterprise.id,
      unitId: unit.id,
      name: '手部进入模具区',
      consequence: '机械伤害',
      method: 'lec',
      ...lec,
      score: a.score,
      level: a.level as RiskLevel,
      controlLevel: a.controlLevel,
      assessedBy: opts.assessedBy ?? null,
      assessedAt: new Date('2026-01-05T02:00:00Z'),
    })
    .returning();
  if (!event) throw new Error('makeRiskChain: no event');
  const [measure] = await ex
    .insert(controlMeasures)
    .values({
      enterpriseId: enterprise.id,
      eventId: event.id,
      kind: 'engineering',
      content: opts.measure ?? '双手按钮与光电保护装置完好有效',
    })
    .returning();
  if (!measure) throw new Error('makeRiskChain: no measure');
  return { point, unit, event, measure };
}

export async function makeCheckTask(
  ex: Executor,
  enterprise: EnterpriseRow,
  opts: {
    cycle?: CheckCycle;
    items?: string[];
    title?: string;
    measureId?: number | null;
    template?: CheckTemplate | null;
    postId?: number | null;
    ownerName?: string | null;
    startsOn?: string;
    active?: boolean;
  } = {},
) {
  const [row] = await ex
    .insert(checkTasks)
    .values({
      enterpriseId: enterprise.id,
      measureId: opts.measureId ?? null,
      template: opts.template ?? null,
      title: opts.title ?? `班组日排查 ${++serial}`,
      cycle: opts.cycle ?? 'day',
      postId: opts.postId ?? null,
      ownerName: opts.ownerName === undefined ? '班组长' : opts.ownerName,
      items: opts.items ?? ['消防通道畅通', '灭火器在有效期内', '设备防护装置完好'],
      active: opts.active ?? true,
      startsOn: opts.startsOn ?? '2026-01-01',
    })
    .returning();
  if (!row) throw new Error('makeCheckTask: no row');
  return row;
}

/** The due checks of a task from `from` to `to` (as the sweep would generate them; the sweep's own tests run it). */
export async function makeTaskPeriods(ex: Executor, task: typeof checkTasks.$inferSelect, from: string, to: string) {
  const periods = checkPeriodsBetween(task.cycle, from, to);
  if (!periods.length) return [];
  return ex
    .insert(checkTaskPeriods)
    .values(
      periods.map((p) => ({
        taskId: task.id,
        enterpriseId: task.enterpriseId,
        cycle: task.cycle,
        periodStart: p.start,
        periodEnd: p.end,
        slot: p.slot,
      })),
    )
    .returning();
}

/** A synced record (no photos, no hazards): for the statistics and signals of records another part wrote. */
export async function makeCheckRecord(
  ex: Executor,
  enterprise: EnterpriseRow,
  opts: {
    checkedBy: number;
    checkedAt?: Date;
    receivedAt?: Date;
    taskPeriodId?: number | null;
    kind?: 'task' | 'patrol';
    results?: CheckResult[];
  },
) {
  const results = opts.results ?? ['normal', 'normal', 'normal'];
  const checkedAt = opts.checkedAt ?? new Date('2026-03-02T01:30:00Z');
  const kind = opts.kind ?? (opts.taskPeriodId ? 'task' : 'patrol');
  const [row] = await ex
    .insert(checkRecords)
    .values({
      clientId: randomUUID(),
      kind,
      enterpriseId: enterprise.id,
      regionCode: enterprise.regionCode,
      taskPeriodId: opts.taskPeriodId ?? null,
      patrolMonth: kind === 'patrol' ? patrolMonthOf(checkedAt) : null,
      checkedBy: opts.checkedBy,
      checkedAt,
      receivedAt: opts.receivedAt ?? checkedAt,
      itemCount: results.length,
      abnormalCount: results.filter((r) => r === 'abnormal').length,
    })
    .returning();
  if (!row) throw new Error('makeCheckRecord: no row');
  await ex.insert(checkRecordItems).values(
    results.map((result, i) => ({
      recordId: row.id,
      seq: i + 1,
      text: `检查项 ${i + 1}`,
      result,
      note: result === 'abnormal' ? '发现问题' : null,
    })),
  );
  if (opts.taskPeriodId) {
    await ex
      .update(checkTaskPeriods)
      .set({ recordId: row.id, doneOn: checkedAt.toISOString().slice(0, 10) })
      .where(eq(checkTaskPeriods.id, opts.taskPeriodId));
  }
  return row;
}
