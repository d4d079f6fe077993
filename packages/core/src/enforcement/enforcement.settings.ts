import { z } from 'zod';
import { defineSettings, setting } from '../settings/settings.rules.ts';

const PLAN_RULES = '《安全生产年度监督检查计划编制办法》（安监总政法〔2017〕150号）；数值为本地做法';
const DRAW_RULES = '国办发〔2015〕58号（双随机、一公开）；数值为本地做法';
const LOCAL = '本地做法';

const perYear = (label: string) =>
  setting(z.number().int('应为整数').min(0, '不能为负').max(12, '每年不超过 12 次'), { label, unit: '次/年', source: PLAN_RULES });

/**
 * Enforcement of a township (or county): how the yearly plan is proposed, how draws recuse, when re-checks fall due.
 * A unit's own capacity (its inspectors, their days) is entered on its plan; these are the defaults it starts from.
 */
export const enforcementSettings = defineSettings({
  key: 'enforcement',
  module: 'enforcement',
  label: '执法检查',
  description: '年度监督检查计划的分级分类频次、一般检查抽查比例、人力测算，双随机回避期限和整改复查期限。',
  schema: z.object({
    keyFrequency: setting(
      z.object({
        major: perYear('重大风险（红）'),
        high: perYear('较大风险（橙）'),
        medium: perYear('一般风险（黄）'),
        low: perYear('低风险（蓝）'),
        unrated: perYear('未定级'),
      }),
      { label: '重点检查频次', description: '重点检查对象按风险等级每年检查的次数', source: PLAN_RULES },
    ),
    generalRatio: setting(z.number().min(0, '不能为负').max(100, '不能超过 100%'), {
      label: '一般检查抽查比例',
      description: '一般检查对象每年随机抽查的比例',
      unit: '%',
      source: `${DRAW_RULES}（常见不低于 5%）`,
    }),
    inspectionDaysPerMonth: setting(z.number().min(0.5, '至少 0.5 天').max(23, '不能超过 23 天'), {
      label: '每名执法人员每月监督检查工作日',
      description: '法定工作日扣除其他执法工作日和非执法工作日后，可用于监督检查的天数',
      unit: '天',
      source: PLAN_RULES,
    }),
    personDaysPerCheck: setting(z.number().min(0.5, '至少 0.5 人日').max(20, '不能超过 20 人日'), {
      label: '每次检查所需人日',
      description: '一次检查（含两名以上执法人员、文书制作）占用的人日',
      unit: '人日',
      source: PLAN_RULES,
    }),
    recusalDays: setting(z.number().int('应为整数').min(0, '不能为负').max(1095, '不能超过 1095 天'), {
      label: '同一执法人员回避期限',
      description: '同一执法人员在多少天内不再抽到同一检查对象',
      unit: '天',
      source: DRAW_RULES,
    }),
    recheckDays: setting(z.number().int('应为整数').min(1, '至少 1 天').max(30, '不能超过 30 天'), {
      label: '整改复查期限',
      description: '整改期限届满后多少天内完成复查（逾期由巡检提醒并标记）',
      unit: '天',
      source: `regulations.md §9.3（常见 10 日内）；${LOCAL}`,
    }),
    minPenaltyCases: setting(z.number().int('应为整数').min(0, '不能为负').max(100, '不能超过 100'), {
      label: '每个执法单位每年至少立案处罚数',
      description: '低于此数的单位标记“零处罚”，列入约谈',
      unit: '件',
      source: '示范材料 001（每个单位每年至少 1 件、不少于 500 元）；本地做法',
    }),
    minPenaltyAmount: setting(z.number().min(0, '不能为负').max(10_000_000, '过大'), {
      label: '每个执法单位每年处罚金额下限',
      unit: '元',
      source: '示范材料 001；本地做法',
    }),
  }),
  defaults: {
    keyFrequency: { major: 4, high: 2, medium: 1, low: 1, unrated: 1 },
    generalRatio: 5,
    inspectionDaysPerMonth: 8,
    personDaysPerCheck: 2,
    recusalDays: 365,
    recheckDays: 10,
    minPenaltyCases: 1,
    minPenaltyAmount: 500,
  },
});
export type EnforcementConfig = z.infer<typeof enforcementSettings.schema>;
