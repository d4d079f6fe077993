import { z } from 'zod';
import { defineSettings, setting } from '../settings/settings.rules.ts';

const AWARD_RULES = '《安全生产领域举报奖励办法》（安监总财〔2018〕19号）';
const LOCAL = '本地做法';

const yuan = (label: string, source: string) =>
  setting(z.number().min(0, '不能为负').max(10_000_000, '不能超过 1000 万元'), { label, unit: '元', source });
const days = (label: string, min: number, max: number, source: string, description?: string) =>
  setting(z.number().int('应为整数').min(min, `至少 ${min} 天`).max(max, `不能超过 ${max} 天`), { label, unit: '天', source, description });
const perWindow = (label: string, unit: string, description: string) =>
  setting(z.number().int('应为整数').min(1, '至少 1 次').max(10_000, '不能超过 10000 次'), { label, unit, description, source: LOCAL });

/**
 * 举报受理、核查、反馈和奖励 of a township (谁受理、谁奖励). Values marked [U] in regulations.md §4 are settings here,
 * never constants: the deadlines, the reward table, the claim window, and the abuse limits of the public form.
 */
export const reportSettings = defineSettings({
  key: 'report',
  module: 'reports',
  label: '举报受理与奖励',
  description: '举报受理、核查、延期、反馈期限，举报奖励标准和领取期限，以及公众举报入口的防刷限制。',
  schema: z.object({
    acceptDays: days('受理期限', 1, 30, LOCAL, '收到举报后多少天内决定受理（交办）或不予受理'),
    verifyDays: days('核查期限', 1, 90, `${AWARD_RULES}（受理之日起 60 日内）`, '受理之日起多少天内核查完毕'),
    maxExtensionDays: days('核查延期上限', 0, 60, `${AWARD_RULES}（延长不超过 30 日，并告知举报人理由）`),
    feedbackDays: days('结果反馈期限', 1, 30, '2012 年版办法（核查结束后 10 日内反馈）；本地做法', '核查结束后多少天内向举报人反馈'),
    remindBeforeDays: days('到期前提醒', 0, 30, LOCAL, '核查期限届满前多少天提醒承办单位'),
    claimDays: days('奖励领取期限', 1, 365, `${AWARD_RULES}（通知后 60 日内领取，逾期视为放弃）[U]`),
    duplicateDays: days('重复举报识别期', 0, 365, LOCAL, '同一企业或地点、内容相近的举报在多少天内视为同一问题并关联'),
    duplicateSimilarity: setting(z.number().min(0.1, '不低于 0.1').max(1, '不高于 1'), {
      label: '重复举报相似度阈值',
      description: '两条举报内容的字符二元组相似度（0–1）达到此值视为同一问题',
      source: LOCAL,
    }),
    reward: setting(
      z.object({
        finePercent: setting(z.number().min(0, '不能为负').max(100, '不能超过 100%'), {
          label: '按罚款金额计奖比例',
          unit: '%',
          source: `${AWARD_RULES}（15%）`,
        }),
        minAmount: yuan('单次奖励下限', `${AWARD_RULES}（3000 元）`),
        maxAmount: yuan('单次奖励上限', `${AWARD_RULES}（30 万元）`),
        perDeath: setting(
          z.object({
            general: yuan('一般事故', `${AWARD_RULES}（3 万元）`),
            larger: yuan('较大事故', `${AWARD_RULES}（4 万元）`),
            major: yuan('重大事故', `${AWARD_RULES}（5 万元）`),
            especiallyMajor: yuan('特别重大事故', `${AWARD_RULES}（6 万元）`),
          }),
          { label: '瞒报、谎报事故每核实死亡 1 人奖励', source: AWARD_RULES },
        ),
        concealedMaxAmount: yuan('瞒报、谎报事故奖励总额上限', `${AWARD_RULES}（30 万元）`),
        requireRealName: setting(z.boolean(), {
          label: '仅奖励实名举报',
          description: '匿名举报无法联系领取，按办法只奖励实名举报人',
          source: `${AWARD_RULES} [U]`,
        }),
      }),
      { label: '举报奖励标准', source: AWARD_RULES },
    ),
    limits: setting(
      z.object({
        perAddressPerHour: perWindow('同一网络地址每小时提交', '次', '超过后须回答验证题'),
        perDevicePerDay: perWindow('同一设备每天提交', '次', '超过后须回答验证题'),
        hardPerAddressPerHour: perWindow('同一网络地址每小时提交上限', '次', '答对验证题也不能再超过此数'),
        wrongSecretsPerHour: perWindow('查询密码连续错误上限', '次/小时', '同一网络地址或同一查询码每小时输错密码的次数'),
      }),
      { label: '公众举报入口防刷限制', source: LOCAL },
    ),
  }),
  defaults: {
    acceptDays: 5,
    verifyDays: 60,
    maxExtensionDays: 30,
    feedbackDays: 10,
    remindBeforeDays: 10,
    claimDays: 60,
    duplicateDays: 30,
    duplicateSimilarity: 0.45,
    reward: {
      finePercent: 15,
      minAmount: 3000,
      maxAmount: 300_000,
      perDeath: { general: 30_000, larger: 40_000, major: 50_000, especiallyMajor: 60_000 },
      concealedMaxAmount: 300_000,
      requireRealName: true,
    },
    limits: { perAddressPerHour: 5, perDevicePerDay: 5, hardPerAddressPerHour: 30, wrongSecretsPerHour: 10 },
  },
});
export type ReportConfig = z.infer<typeof reportSettings.schema>;
