import { z } from 'zod';
import { defineSettings, setting } from '../settings/settings.rules.ts';
import { type EscalationStep, escalationStepLabels, escalationSteps, supervisionLevelLabels, supervisionLevels } from './hazard.dict.ts';

const LOCAL = '本地做法';

const ladderDay = (step: EscalationStep) =>
  setting(z.number().int('应为整数').min(1, '至少 1 天').max(365, '不能超过 365 天'), { label: escalationStepLabels[step], source: LOCAL });

/** 函告 → 通报 → 约谈 → 曝光 must come in that order: a later step never falls due before an earlier one. */
const ladderDays = z
  .object({
    letter: ladderDay('letter'),
    bulletin: ladderDay('bulletin'),
    summons: ladderDay('summons'),
    exposure: ladderDay('exposure'),
  })
  .superRefine((v, ctx) => {
    escalationSteps.forEach((step, i) => {
      const prev = escalationSteps[i - 1];
      if (prev && v[step] < v[prev]) {
        ctx.addIssue({ code: 'custom', path: [step], message: `不能早于${escalationStepLabels[prev]}（${v[prev]} 天）` });
      }
    });
  });

/** The hazard clock of a township: when to remind, and the ladder for overdue major hazards (local practice). */
export const hazardTimeSettings = defineSettings({
  key: 'hazardTime',
  module: 'hazards',
  label: '隐患整改时限',
  description: '到期提醒和重大隐患逾期后的逐级问责（函告、通报、约谈、曝光），由巡检按此执行。',
  schema: z.object({
    dueSoonDays: setting(z.number().int('应为整数').min(0, '不能为负').max(30, '不能超过 30 天'), {
      label: '到期提醒提前天数',
      description: '整改期限前多少天提醒企业',
      unit: '天',
      source: LOCAL,
    }),
    ladderDays: setting(ladderDays, {
      label: '逾期问责天数',
      description: '重大隐患逾期多少天后依次函告、通报、约谈、曝光（逐级问责是地方做法，国家未规定天数）',
      unit: '天',
      source: LOCAL,
    }),
    majorPlanDays: setting(z.number().int('应为整数').min(1, '至少 1 天').max(90, '不能超过 90 天'), {
      label: '重大隐患报送治理方案的默认期限',
      description: '重大隐患自发现、认定或升级起，未另定日期时须在多少天内报送治理方案（在办隐患都须有期限）',
      unit: '天',
      source: `16号令 第十五条（治理方案须明确时限）；天数为${LOCAL}`,
    }),
  }),
  defaults: { dueSoonDays: 3, ladderDays: { letter: 1, bulletin: 15, summons: 30, exposure: 60 }, majorPlanDays: 15 },
});
export type HazardTimeConfig = z.infer<typeof hazardTimeSettings.schema>;

export const hazardReportPeriods = ['month', 'quarter', 'year'] as const;
export type HazardReportPeriodKind = (typeof hazardReportPeriods)[number];
export const hazardReportPeriodLabels: Record<HazardReportPeriodKind, string> = { month: '月报', quarter: '季报', year: '年报' };

const ARTICLE_14 = '16号令 第十四条';

/**
 * The enterprise's periodic hazard report (统计分析表, signed by the 主要负责人). 16号令 第十四条 asks for a quarterly one by
 * the 15th of the next quarter and an annual one by 31 January; many provinces add a monthly 自查自报 (regulations.md §1.2).
 */
export const hazardReportSettings = defineSettings({
  key: 'hazardReport',
  module: 'hazards',
  label: '隐患排查治理统计报告',
  description: '企业按哪些周期报送隐患排查治理情况统计分析表，以及各自的截止日。',
  schema: z.object({
    periods: setting(
      z
        .array(z.enum(hazardReportPeriods))
        .min(1, '至少选择一种报告周期')
        .refine((v) => new Set(v).size === v.length, '不能重复选择'),
      {
        label: '报告周期',
        description: '月报为部分省份的要求；季报、年报为 16号令 第十四条',
        source: `${ARTICLE_14}（季报、年报）`,
        optionLabels: hazardReportPeriodLabels,
      },
    ),
    monthDueDay: setting(z.number().int('应为整数').min(1, '应在 1–28 之间').max(28, '应在 1–28 之间'), {
      label: '月报截止日',
      description: '次月几日前报送',
      unit: '日',
      source: LOCAL,
    }),
    quarterDueDay: setting(z.number().int('应为整数').min(1, '应在 1–28 之间').max(28, '应在 1–28 之间'), {
      label: '季报截止日',
      description: '下一季度第一个月几日前报送',
      unit: '日',
      source: ARTICLE_14,
    }),
    yearDueDay: setting(z.number().int('应为整数').min(1, '应在 1–31 之间').max(31, '应在 1–31 之间'), {
      label: '年报截止日',
      description: '次年 1 月几日前报送',
      unit: '日',
      source: ARTICLE_14,
    }),
  }),
  defaults: { periods: ['quarter', 'year'], monthDueDay: 10, quarterDueDay: 15, yearDueDay: 31 },
});
export type HazardReportConfig = z.infer<typeof hazardReportSettings.schema>;

const levelLabel = z.string().trim().min(2, '至少 2 个字').max(20, '不能超过 20 个字');

/** 挂牌督办: which levels the township uses and what they are called (local rules, e.g. 青岛 “3+X”; regulations.md §1.2). */
export const supervisionSettings = defineSettings({
  key: 'supervision',
  module: 'hazards',
  label: '挂牌督办',
  description: '挂牌督办时可选的层级及其名称。',
  schema: z.object({
    levels: setting(
      z
        .array(z.enum(supervisionLevels))
        .min(1, '至少启用一个层级')
        .refine((v) => new Set(v).size === v.length, '不能重复选择'),
      { label: '启用的督办层级', source: '本地做法（各地自定挂牌督办层级）', optionLabels: supervisionLevelLabels },
    ),
    labels: setting(
      z.object({
        township: setting(levelLabel, { label: '乡镇级名称', source: LOCAL }),
        county: setting(levelLabel, { label: '县级名称', source: LOCAL }),
        city: setting(levelLabel, { label: '市级名称', source: LOCAL }),
      }),
      { label: '层级名称', source: LOCAL },
    ),
  }),
  defaults: { levels: [...supervisionLevels], labels: { ...supervisionLevelLabels } },
});
export type SupervisionConfig = z.infer<typeof supervisionSettings.schema>;
