import type { AccidentGrade, ReportMatter, ReportStatus } from './report.dict.ts';
import { accidentGradeLabels } from './report.dict.ts';
import type { ReportConfig } from './report.settings.ts';

/**
 * 举报奖励 (regulations.md §4; 《安全生产领域举报奖励办法》安监总财〔2018〕19号 第十二条 as applied by the provinces):
 * - 重大事故隐患 and 安全生产违法行为: 15 % of the administrative fine, at least 3,000 元, at most 300,000 元. A general
 *   hazard is outside the national scope unless the case imposed a fine (a 违法行为 was found).
 * - 瞒报/谎报 accidents: per verified concealed death by the accident's final grade (一般 3 万, 较大 4 万, 重大 5 万,
 *   特别重大 6 万), in total at most 300,000 元.
 * Every figure comes from the township's settings (`report.reward`); amounts are in 元, rounded to the fen.
 */
export interface RewardCase {
  matter: ReportMatter;
  /** The fine of the verified case (元), or null when none was imposed. */
  fineAmount: number | null;
  concealedDeaths?: number | null;
  accidentGrade?: AccidentGrade | null;
}

export type RewardComputation =
  | { eligible: true; amount: number; rule: string; figures: Record<string, number | string | boolean | null> }
  | { eligible: false; reason: string; figures: Record<string, number | string | boolean | null> };

const fen = (n: number) => Math.round(n * 100) / 100;
const yuan = (n: number, digits = 2) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: digits })} 元`;

export function computeReward(c: RewardCase, config: Pick<ReportConfig, 'reward'>): RewardComputation {
  const r = config.reward;
  if (c.matter === 'concealedAccident') {
    const deaths = c.concealedDeaths ?? 0;
    const figures = { deaths, accidentGrade: c.accidentGrade ?? null, perDeath: null, cap: r.concealedMaxAmount };
    if (!c.accidentGrade) return { eligible: false, reason: '瞒报、谎报事故须先核定事故等级', figures };
    if (!Number.isInteger(deaths) || deaths < 1) return { eligible: false, reason: '没有核实的瞒报、谎报死亡人数', figures };
    const perDeath = r.perDeath[c.accidentGrade];
    const raw = deaths * perDeath;
    const amount = fen(Math.min(raw, r.concealedMaxAmount));
    const capped = raw > r.concealedMaxAmount ? `，超过上限按 ${yuan(r.concealedMaxAmount)}` : '';
    return {
      eligible: true,
      amount,
      rule: `${accidentGradeLabels[c.accidentGrade]}瞒报、谎报：核实死亡 ${deaths} 人 × ${yuan(perDeath)} = ${yuan(raw)}${capped}`,
      figures: { ...figures, perDeath, raw },
    };
  }
  const fine = c.fineAmount != null && c.fineAmount > 0 ? c.fineAmount : 0;
  const figures = { fineAmount: fine, finePercent: r.finePercent, min: r.minAmount, max: r.maxAmount };
  if (c.matter === 'hazard' && fine === 0) {
    return { eligible: false, reason: '一般事故隐患且未予行政处罚，不在举报奖励范围内', figures };
  }
  // The bounds compare the exact product (19,999.99 × 15 % = 2,999.9985 is under 3,000); only the amount paid is rounded.
  const raw = (fine * r.finePercent) / 100;
  const amount = fen(Math.min(Math.max(raw, r.minAmount), r.maxAmount));
  const base = fine > 0 ? `罚款 ${yuan(fine)} × ${r.finePercent}% = ${yuan(raw, 4)}` : '未予罚款';
  const bound = raw < r.minAmount ? `，按最低 ${yuan(r.minAmount)}` : raw > r.maxAmount ? `，超过上限按 ${yuan(r.maxAmount)}` : '';
  return { eligible: true, amount, rule: `${base}${bound}`, figures: { ...figures, raw } };
}

/**
 * Who may be rewarded (regulations.md §4): a founded report, the first effective report of the matter (a report merged
 * into an earlier one is not), and — when the township requires it — a named reporter (an anonymous one cannot claim).
 */
export function rewardIneligibility(
  report: { status: ReportStatus; duplicateOfId: number | null; named: boolean },
  config: Pick<ReportConfig, 'reward'>,
): string | null {
  if (report.status !== 'founded') return '举报经核查属实后才能奖励';
  if (report.duplicateOfId != null) return '同一事项只奖励最先举报的有效举报人（本件已与先前举报合并）';
  if (config.reward.requireRealName && !report.named) return '匿名举报无法联系领取，按规定只奖励实名举报人';
  return null;
}
