import { z } from 'zod';
import { defineSettings, setting } from '../settings/settings.rules.ts';

const LEC = '作业条件危险性分析法常用分级（regulations.md §5.1，各地、各企业取值不一 [U]）';
const LS = '风险矩阵法常用分级（regulations.md §5.2，1–3 蓝、4–9 黄、10–16 橙、20–25 红 [U]）';
const SEEDS = '治本攻坚三年行动实施方案（班组日排查、部门周排查、厂长月排查；主要负责人每季度，高危行业每月）';
const LOCAL = '本地做法';

const score = (label: string, max: number, source: string, description?: string) =>
  setting(z.number().min(0.1, '应大于 0').max(max, `不能超过 ${max}`), { label, source, description });
const count = (label: string, unit: string, min: number, max: number, source: string, description?: string) =>
  setting(z.number().int('应为整数').min(min, `至少 ${min}`).max(max, `不能超过 ${max}`), { label, unit, source, description });

const ordered = (b: { major: number; high: number; medium: number }) => b.major > b.high && b.high > b.medium;
const bandOrder = '应满足 重大风险下限 > 较大风险下限 > 一般风险下限';

/**
 * 双重预防 of a township: the cut-offs that turn a score into a colour (no national standard fixes them), how often the
 * principal checks, how many shifts a 每班 task has, and the thresholds of the 形式主义 signals.
 */
export const dualSettings = defineSettings({
  key: 'dual',
  module: 'dual',
  label: '双重预防与小场所巡查',
  description: '风险评估分级界限（LEC、LS）、排查周期、以及“形式主义”提示的判定阈值。',
  schema: z.object({
    lec: setting(
      z
        .object({
          major: score('重大风险（红）下限 D ≥', 10_000, LEC),
          high: score('较大风险（橙）下限 D ≥', 10_000, LEC),
          medium: score('一般风险（黄）下限 D ≥', 10_000, LEC),
        })
        .refine(ordered, bandOrder),
      { label: 'LEC 分级界限', source: LEC, description: 'D = L×E×C；低于“一般风险”下限为低风险（蓝）' },
    ),
    ls: setting(
      z
        .object({
          major: score('重大风险（红）下限 R ≥', 25, LS),
          high: score('较大风险（橙）下限 R ≥', 25, LS),
          medium: score('一般风险（黄）下限 R ≥', 25, LS),
        })
        .refine(ordered, bandOrder),
      { label: 'LS 分级界限', source: LS, description: 'R = L×S；低于“一般风险”下限为低风险（蓝）' },
    ),
    principalCheckMonths: count('主要负责人排查周期', '个月', 1, 3, SEEDS, '一般企业：1 = 每月，2–3 = 每季度'),
    principalCheckMonthsHighRisk: count('高危行业主要负责人排查周期', '个月', 1, 3, SEEDS, '高危行业企业：1 = 每月，2–3 = 每季度'),
    shiftsPerDay: count('每班排查的班次数', '班/日', 1, 4, LOCAL, '“每班”排查任务每天生成的次数'),
    reviewMonths: count('风险点复评周期', '个月', 1, 36, LOCAL, '超过此时间未复评的风险点列为“长期未复评”'),
    signals: setting(
      z.object({
        noFindingMonths: count('连续无隐患月数', '个月', 1, 24, LOCAL, '高危行业企业连续多少个月排查记录中没有一条异常'),
        photoDistance: count('照片相似判定距离', '位', 0, 16, LOCAL, '两张照片感知哈希（64 位）相差不超过此位数视为同一照片'),
        bulkRecords: count('批量补录条数', '条', 2, 200, LOCAL, '同一人在下列分钟数内提交的排查记录达到此数视为批量补录'),
        bulkMinutes: count('批量补录时间窗', '分钟', 1, 120, LOCAL),
      }),
      { label: '“形式主义”提示阈值', source: LOCAL },
    ),
  }),
  defaults: {
    lec: { major: 320, high: 160, medium: 70 },
    ls: { major: 20, high: 10, medium: 4 },
    principalCheckMonths: 3,
    principalCheckMonthsHighRisk: 1,
    shiftsPerDay: 1,
    reviewMonths: 12,
    signals: { noFindingMonths: 3, photoDistance: 4, bulkRecords: 10, bulkMinutes: 10 },
  },
});
export type DualConfig = z.infer<typeof dualSettings.schema>;
