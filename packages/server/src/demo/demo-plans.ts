// The demo township's action plan: seed 003 (a real township's 三年行动实施方案) imported as 示例镇's, its units mapped
// to the demo units, published four months ago, with monthly dispatch reported the way townships report: some units
// on time, some after the 25th, some not at all — so the ledger, the 季通报 and the 五色图 show real shapes.
import fs from 'node:fs';
import path from 'node:path';
import { hasLead, isLateReport, officeUnitOf, type PlanReportStatus, periodOf, planTreeOf, shiftPeriod } from '@anzhi/core';
import type { Executor } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import { planRepo } from '../modules/plans/plan.repo.ts';
import { planReports } from '../modules/plans/plan.table.ts';
import {
  guessMapping,
  insertNodes,
  type MappingDecision,
  mappingMap,
  namesOf,
  planTitleOf,
  unitsContext,
} from '../modules/plans/plan-import.ts';
import { readPlanInput } from '../modules/plans/plan-input.reader.ts';

const FILE = 'quliang-2024-2026.txt';

/** Names seed 003 prints that the fuzzy match cannot know: the demo township's equivalents (null: not tracked). */
const demoUnitOf: Record<string, string | null> = {
  交警三中队: '示例县公安局示例镇派出所',
  城管中队: '示例镇综合行政执法大队',
  公共服务办: '示例镇社会事务办公室',
  招商促进服务中心: '示例镇经济发展办公室',
  自然资源规划所: '示例镇规划建设办公室',
  教办: '示例镇中心学校',
  曲梁供电所: '示例镇供电所',
  园区供电所: '示例镇供电所',
  消防安全服务中心: '示例镇消防救援站',
  劳动街消防站: '示例镇消防救援站',
  应急办理: '示例镇应急管理办公室',
  村镇规划建设局: '示例镇规划建设办公室',
  党建办: null,
};

/** How each assignee reports: on time, often late, or rarely/never (by unit name or village name). */
const habits: Record<string, 'diligent' | 'late' | 'silent' | 'patchy'> = {
  示例镇应急管理办公室: 'diligent',
  示例镇市场监督管理所: 'diligent',
  示例镇消防救援站: 'diligent',
  示例镇规划建设办公室: 'late',
  示例镇综合行政执法大队: 'late',
  示例县公安局示例镇派出所: 'patchy',
  示例镇社会事务办公室: 'patchy',
  示例镇供电所: 'silent',
  东村: 'diligent',
  镇北社区: 'diligent',
  西村: 'late',
  北山村: 'silent',
};

const summaries = [
  '已召开专题部署会，制定工作台账，明确责任人和时间节点',
  '本月开展专项检查，督促整改问题隐患，整改情况已录入平台',
  '联合相关部门开展明查暗访，对发现的问题下达整改通知',
  '组织辖区企业负责人培训，开展警示教育',
  '按月调度推进，已完成阶段性任务',
];
const problemTexts = ['部分企业主体责任落实不到位，整改不及时', '专业执法人员不足，检查覆盖面有限', '个别经营户拒不配合检查'];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface DemoPlanCounts {
  plans: number;
  planTasks: number;
  planReports: number;
}

export async function seedDemoPlan(
  tx: Executor,
  ctx: { now: Date; regionCode: string; officeUserId: number; officeName: string; unitUsers: Map<number, { id: number; name: string }> },
): Promise<DemoPlanCounts> {
  const bytes = fs.readFileSync(path.join(import.meta.dirname, 'plans', FILE));
  const { parsed, rawText } = await readPlanInput({ bytes, fileName: FILE });
  const today = chinaToday(ctx.now);
  const firstPeriod = shiftPeriod(periodOf(today), -4);
  const publishedAt = new Date(`${firstPeriod}-03T09:00:00+08:00`);
  const plan = await planRepo.insert(tx, {
    regionCode: ctx.regionCode,
    title: planTitleOf(parsed).replace(/^曲梁镇/u, '示例镇'),
    issuer: '示例镇人民政府',
    issueDate: parsed.issueDate,
    docNumber: parsed.docNumber,
    periodStart: parsed.period?.start ?? null,
    periodEnd: parsed.period?.end ?? null,
    status: 'published',
    sourceFileName: FILE,
    rawText,
    settings: {},
    createdBy: ctx.officeUserId,
    publishedBy: ctx.officeUserId,
    publishedAt,
    createdAt: publishedAt,
    updatedAt: publishedAt,
  });

  const units = await unitsContext(tx, ctx.regionCode);
  const idByName = new Map(units.units.map((u) => [u.name, u.id]));
  const mappings: MappingDecision[] = namesOf(parsed.tasks).map((name) => {
    if (name in demoUnitOf) {
      const unitName = demoUnitOf[name];
      const unitId = unitName ? (idByName.get(unitName) ?? null) : null;
      return { name, unitId, villages: false, ignored: unitId === null, decided: true };
    }
    const guess = guessMapping(name, units);
    return guess.decided ? guess : { ...guess, ignored: guess.unitId === null, decided: true };
  });
  await planRepo.insertMappings(
    tx,
    mappings.map((m) => ({ ...m, planId: plan.id })),
  );
  const nodes = planTreeOf(parsed.tasks);
  await insertNodes(tx, plan.id, nodes, parsed.tasks, mappingMap(mappings), publishedAt);

  // Published as a clerk would publish it now: tasks without a lead unit handed to the office's unit (安委办).
  const office = officeUnitOf(units.units);
  for (const t of await planRepo.tasks(tx, plan.id)) {
    if (t.kind === 'task' && !hasLead(t) && office) {
      await planRepo.updateTask(tx, t.id, {
        leadUnitIds: [office.id],
        coUnitIds: t.coUnitIds.filter((id) => id !== office.id),
        unitsEdited: true,
      });
    }
  }
  const tasks = (await planRepo.tasks(tx, plan.id)).filter((t) => t.kind === 'task');
  const villages = await planRepo.villagesOf(tx, ctx.regionCode);
  const unitName = new Map(units.units.map((u) => [u.id, u.name]));
  const random = prng(20240044);
  const rows: Array<typeof planReports.$inferInsert> = [];
  const doneAt = new Map<string, string>();
  const last = new Map<string, typeof planReports.$inferInsert>();
  const periods: string[] = [];
  for (let p = firstPeriod; p < periodOf(today); p = shiftPeriod(p, 1)) periods.push(p);
  for (const task of tasks) {
    const assignees = [
      ...[...task.leadUnitIds, ...task.coUnitIds].map((id) => ({
        key: `unit:${id}`,
        unitId: id,
        villageCode: null,
        name: unitName.get(id) ?? '',
      })),
      ...(task.leadVillages || task.coVillages ? villages : []).map((v) => ({
        key: `village:${v.code}`,
        unitId: null,
        villageCode: v.code,
        name: v.name,
      })),
    ];
    for (const a of assignees) {
      const habit = habits[a.name] ?? 'patchy';
      for (const [i, period] of periods.entries()) {
        const key = `${task.id}|${a.key}`;
        if (doneAt.has(key)) break;
        const roll = random();
        if (habit === 'silent' || (habit === 'patchy' && roll < 0.4)) continue;
        const day = habit === 'late' && roll < 0.7 ? 26 + Math.floor(random() * 4) : 15 + Math.floor(random() * 10);
        const reporter = a.unitId != null ? ctx.unitUsers.get(a.unitId) : undefined;
        const on = `${period}-${String(day).padStart(2, '0')}`;
        const who = {
          reportedBy: reporter?.id ?? ctx.officeUserId,
          reportedByName: reporter?.name ?? `${ctx.officeName}（代填）`,
          reportedAt: new Date(`${on}T10:00:00+08:00`),
          late: isLateReport(on, period, 25),
        };
        const before = last.get(key);
        // Some months a unit confirms 本月无新进展: last month's report stands, marked as confirmed (issue 10).
        if (before && before.status !== 'done' && random() < 0.2) {
          const row = { ...before, ...who, period, filing: 'noChange' as const };
          rows.push(row);
          last.set(key, row);
          continue;
        }
        const status: PlanReportStatus =
          i === periods.length - 1 && random() < 0.35 ? 'done' : i === 0 ? 'inProgress' : random() < 0.12 ? 'lagging' : 'inProgress';
        if (status === 'done') doneAt.set(key, period);
        const row: typeof planReports.$inferInsert = {
          planId: plan.id,
          taskId: task.id,
          assigneeKey: a.key,
          unitId: a.unitId,
          villageCode: a.villageCode,
          period,
          status,
          summary: status === 'done' ? '任务已完成，佐证材料已归档' : (summaries[Math.floor(random() * summaries.length)] as string),
          problems: random() < 0.15 ? (problemTexts[Math.floor(random() * problemTexts.length)] as string) : '',
          figures: random() < 0.3 ? [{ metric: '检查单位', value: 3 + Math.floor(random() * 20), unit: '家' }] : [],
          fileIds: [],
          filing: 'filed',
          ...who,
        };
        rows.push(row);
        last.set(key, row);
      }
    }
  }
  for (let i = 0; i < rows.length; i += 200) await tx.insert(planReports).values(rows.slice(i, i + 200));
  return { plans: 1, planTasks: tasks.length, planReports: rows.length };
}
