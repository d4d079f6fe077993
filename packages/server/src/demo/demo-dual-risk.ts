import {
  addDays,
  assessRisk,
  dualSettings,
  highestRiskLevel,
  type MeasureKind,
  type RiskAssessmentInput,
  type RiskLevel,
  type RiskPointKind,
} from '@anzhi/core';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import { controlMeasures, riskEvents, riskPoints, riskUnits } from '../modules/dual/dual.table.ts';
import { activeEnterpriseCondition } from '../modules/enterprises/enterprise.repo.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';

interface Template {
  point: string;
  kind: RiskPointKind;
  location: string;
  unit: string;
  event: string;
  consequence: string;
  assessment: RiskAssessmentInput;
  measures: Array<[MeasureKind, string]>;
}

const templates: Template[] = [
  {
    point: '冲压机',
    kind: 'device',
    location: '一车间',
    unit: '模具区',
    event: '手部进入模具区',
    consequence: '机械伤害',
    assessment: { method: 'lec', l: 6, e: 6, c: 7 },
    measures: [
      ['engineering', '双手按钮与光电保护装置完好有效'],
      ['operation', '严禁手伸入模具区，使用专用夹钳送料'],
    ],
  },
  {
    point: '配电房',
    kind: 'place',
    location: '厂区东侧',
    unit: '低压配电柜',
    event: '带电部位触电',
    consequence: '触电',
    assessment: { method: 'lec', l: 3, e: 3, c: 15 },
    measures: [
      ['operation', '持证电工操作，停电挂牌上锁'],
      ['protection', '绝缘手套、绝缘鞋定期检测'],
    ],
  },
  {
    point: '危化品仓库',
    kind: 'place',
    location: '仓储区',
    unit: '易燃液体储存区',
    event: '易燃液体泄漏遇点火源',
    consequence: '火灾、爆炸',
    assessment: { method: 'lec', l: 3, e: 6, c: 40 },
    measures: [
      ['engineering', '可燃气体报警器与防爆排风联锁有效'],
      ['management', '双人双锁，出入库台账日清'],
      ['emergency', '配备吸附棉、灭火器和应急处置卡'],
    ],
  },
  {
    point: '有限空间（污水池）',
    kind: 'job',
    location: '污水处理站',
    unit: '进入作业',
    event: '未检测进入导致缺氧、中毒',
    consequence: '中毒和窒息',
    assessment: { method: 'lec', l: 1, e: 6, c: 40 },
    measures: [
      ['management', '先通风、再检测、后作业，办理作业审批'],
      ['protection', '配备正压式呼吸器和安全绳，专人监护'],
    ],
  },
  {
    point: '叉车作业',
    kind: 'job',
    location: '装卸区',
    unit: '厂内运输',
    event: '叉车倒车撞人',
    consequence: '车辆伤害',
    assessment: { method: 'ls', l: 3, s: 4 },
    measures: [
      ['operation', '持证驾驶，厂内限速 5 km/h'],
      ['engineering', '倒车雷达与声光报警完好'],
    ],
  },
  {
    point: '喷漆房',
    kind: 'place',
    location: '涂装车间',
    unit: '调漆间',
    event: '油漆挥发物遇明火',
    consequence: '火灾',
    assessment: { method: 'lec', l: 3, e: 6, c: 15 },
    measures: [
      ['engineering', '防爆电器、静电接地完好'],
      ['management', '严禁携带火种进入，动火审批'],
    ],
  },
  {
    point: '锅炉',
    kind: 'device',
    location: '锅炉房',
    unit: '燃烧器',
    event: '熄火保护失效导致炉膛爆炸',
    consequence: '锅炉爆炸',
    assessment: { method: 'ls', l: 2, s: 5 },
    measures: [
      ['maintenance', '熄火保护、安全阀按期校验'],
      ['training', '司炉工持证上岗并每年复训'],
    ],
  },
  {
    point: '砂轮机',
    kind: 'device',
    location: '机修间',
    unit: '砂轮',
    event: '砂轮破裂飞出',
    consequence: '物体打击',
    assessment: { method: 'ls', l: 2, s: 3 },
    measures: [['maintenance', '防护罩完好，托架间隙不大于 3 mm']],
  },
  {
    point: '行车',
    kind: 'device',
    location: '二车间',
    unit: '吊钩与钢丝绳',
    event: '吊物坠落',
    consequence: '起重伤害',
    assessment: { method: 'lec', l: 1, e: 6, c: 15 },
    measures: [['maintenance', '吊钩防脱钩装置、钢丝绳每日检查']],
  },
  {
    point: '办公楼',
    kind: 'place',
    location: '办公区',
    unit: '疏散通道',
    event: '通道堵塞影响疏散',
    consequence: '火灾伤亡',
    assessment: { method: 'ls', l: 1, s: 3 },
    measures: [['management', '疏散通道、安全出口保持畅通']],
  },
];

/** qiye's enterprise has a full chain; each other enterprise a few points chosen by its position. */
const boundSet = [0, 1, 2, 4, 9];

/**
 * 风险分级管控 demo (issue 16, part A): risk points, units, events and measures for a dozen enterprises — qiye's
 * (示例镇华鑫机械制造有限公司) with the full chain — with levels from 重大 to 低, some points never reviewed, and each
 * enterprise's assessed level set as the registry feed would. Deterministic from `now`; a few hundred rows.
 */
export async function seedDemoRisk(ex: Executor, opts: { now: Date; boundEnterpriseId: number; assessorUserId: number }) {
  const { now, boundEnterpriseId } = opts;
  const today = chinaToday(now);
  const others = await ex
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(ne(enterprises.id, boundEnterpriseId), activeEnterpriseCondition()))
    .orderBy(asc(enterprises.id))
    .limit(11);
  const targets = [boundEnterpriseId, ...others.map((o) => o.id)];
  const levels = new Map<number, RiskLevel[]>();
  let serial = 0;
  for (const [i, enterpriseId] of targets.entries()) {
    const chosen = i === 0 ? boundSet : [i % templates.length, (i * 3 + 1) % templates.length, (i * 7 + 2) % templates.length];
    const assessedAt = new Date(now.getTime() - (20 + i * 9) * 86_400_000);
    for (const [j, ti] of [...new Set(chosen)].entries()) {
      const t = templates[ti] as Template;
      serial++;
      // Every third point was never reviewed; the others within the last year.
      const reviewedOn = serial % 3 === 0 ? null : addDays(today, -((serial * 37) % 330) - 5);
      const [point] = await ex
        .insert(riskPoints)
        .values({
          enterpriseId,
          kind: t.kind,
          name: t.point,
          location: t.location,
          reviewedOn,
          publicCode: `demofx${String(enterpriseId).padStart(5, '0')}${j}`,
          createdBy: i === 0 ? opts.assessorUserId : null,
        })
        .returning({ id: riskPoints.id });
      if (!point) continue;
      const [unit] = await ex.insert(riskUnits).values({ enterpriseId, pointId: point.id, name: t.unit }).returning({ id: riskUnits.id });
      if (!unit) continue;
      const a = assessRisk(t.assessment, dualSettings.defaults);
      const f = t.assessment;
      const [event] = await ex
        .insert(riskEvents)
        .values({
          enterpriseId,
          unitId: unit.id,
          name: t.event,
          consequence: t.consequence,
          method: f.method,
          ...(f.method === 'lec' ? { l: f.l, e: f.e, c: f.c } : { l: f.l, s: f.s }),
          ...a,
          assessedBy: i === 0 ? opts.assessorUserId : null,
          assessedAt,
        })
        .returning({ id: riskEvents.id });
      if (!event) continue;
      levels.set(enterpriseId, [...(levels.get(enterpriseId) ?? []), a.level]);
      await ex.insert(controlMeasures).values(t.measures.map(([kind, content]) => ({ enterpriseId, eventId: event.id, kind, content })));
    }
  }
  for (const [i, enterpriseId] of targets.entries()) {
    const level = highestRiskLevel(levels.get(enterpriseId) ?? []);
    await ex
      .update(enterprises)
      .set({
        assessedRiskLevel: level,
        assessedRiskBy: i === 0 ? opts.assessorUserId : null,
        assessedRiskAt: level ? new Date(now.getTime() - (20 + i * 9) * 86_400_000) : null,
      })
      .where(eq(enterprises.id, enterpriseId));
  }
  return { enterprises: targets.length, points: serial };
}
