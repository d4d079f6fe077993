import { z } from 'zod';
import { defineSettings, setting } from '../settings/settings.rules.ts';

// seed 003: 镇安委办实行月调度、季通报、年总结制度; seed 001: 建立“五色图”晾晒机制 — the numbers themselves are local practice.
const SEED_003 = '本地做法（镇安委办月调度制度）';
const SEED_001 = '本地做法（“五色图”晾晒机制）';

/** The monthly dispatch (月调度) of a township's plans: the report day and the reminder before it. */
export const planTrackingSettings = defineSettings({
  key: 'planTracking',
  module: 'plans',
  label: '方案月调度',
  description: '成员单位每月报送任务进展的截止日和提前提醒；单个方案可另行设置，未设置的沿用此处。',
  schema: z.object({
    reportDay: setting(z.number().int('应为整数').min(1, '应在 1–28 之间').max(28, '应在 1–28 之间'), {
      label: '每月报送截止日',
      unit: '日',
      source: SEED_003,
    }),
    reminderDays: setting(z.number().int('应为整数').min(0, '不能为负').max(20, '不能超过 20 天'), {
      label: '提前提醒天数',
      description: '截止日前多少天提醒未报送的单位',
      unit: '天',
      source: SEED_003,
    }),
  }),
  defaults: { reportDay: 25, reminderDays: 3 },
});

const weight = (label: string, description: string) =>
  setting(z.number().min(0, '权重不能为负').max(100, '权重不能超过 100'), { label, description, source: SEED_001 });
const band = (label: string) =>
  setting(z.number().min(0, '应在 0–100 之间').max(100, '应在 0–100 之间'), { label, unit: '分', source: SEED_001 });
const bandOrder = ['green', 'blue', 'yellow', 'orange'] as const;
const bandLabels = { green: '绿色', blue: '蓝色', yellow: '黄色', orange: '橙色' } as const;

/** The 五色图 score: weights of its three parts (normalised) and the lowest score of each band above red. */
export const planRankingSettings = defineSettings({
  key: 'planRanking',
  module: 'plans',
  label: '五色图评分',
  description: '成员单位五色图排名的计分权重和各色分数线（低于橙色为红色）。',
  schema: z.object({
    weights: setting(
      z
        .object({
          onTimeCompletion: weight('按期完成', '按期完成的任务占应完成任务的比例'),
          timelyReporting: weight('按时报送', '按时报送的月调度占应报送次数的比例'),
          noOverdue: weight('无逾期', '没有逾期未完成事项的程度'),
        })
        .refine((w) => w.onTimeCompletion + w.timelyReporting + w.noOverdue > 0, {
          message: '权重之和应大于 0',
          path: ['onTimeCompletion'],
        }),
      { label: '计分权重', source: SEED_001 },
    ),
    thresholds: setting(
      z.object({ green: band('绿色'), blue: band('蓝色'), yellow: band('黄色'), orange: band('橙色') }).superRefine((t, ctx) => {
        bandOrder.forEach((b, i) => {
          const higher = bandOrder[i - 1];
          if (higher && t[b] > t[higher]) {
            ctx.addIssue({ code: 'custom', path: [b], message: `不能高于${bandLabels[higher]}分数线（${t[higher]} 分）` });
          }
        });
      }),
      { label: '分数线', unit: '分', source: SEED_001 },
    ),
  }),
  defaults: {
    weights: { onTimeCompletion: 40, timelyReporting: 40, noOverdue: 20 },
    thresholds: { green: 90, blue: 80, yellow: 70, orange: 60 },
  },
});
export type PlanRankingConfig = z.infer<typeof planRankingSettings.schema>;
export type PlanTrackingConfig = z.infer<typeof planTrackingSettings.schema>;
