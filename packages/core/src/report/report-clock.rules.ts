import { addDays } from '../hazard/hazard-time.rules.ts';
import type { ReportConfig } from './report.settings.ts';

/**
 * The report's clocks (regulations.md §4): verification within `verifyDays` (60) of acceptance, extended at most
 * `maxExtensionDays` (30) with a reason shown to the reporter; feedback within `feedbackDays` (10) of the outcome.
 * The sweep's SQL is built from these (and tested equal to them); a page never recomputes them.
 */
export function reportDueOn(acceptedOn: string, extendedDays: number, config: Pick<ReportConfig, 'verifyDays'>): string {
  return addDays(acceptedOn, config.verifyDays + extendedDays);
}

/** Whether a further extension of `days` keeps the total within the limit; the message names the numbers. */
export function extensionProblem(extendedDays: number, days: number, config: Pick<ReportConfig, 'maxExtensionDays'>): string | null {
  if (days < 1) return '延期天数至少为 1 天';
  if (extendedDays + days > config.maxExtensionDays) {
    const left = Math.max(0, config.maxExtensionDays - extendedDays);
    return `核查延期累计不能超过 ${config.maxExtensionDays} 天（已延期 ${extendedDays} 天，最多还可延期 ${left} 天）`;
  }
  return null;
}

/** The day the reporter must have been told the outcome by. */
export function reportFeedbackDueOn(decidedOn: string, config: Pick<ReportConfig, 'feedbackDays'>): string {
  return addDays(decidedOn, config.feedbackDays);
}

/** The day a received report must be accepted or declined by. */
export function reportAcceptDueOn(receivedOn: string, config: Pick<ReportConfig, 'acceptDays'>): string {
  return addDays(receivedOn, config.acceptDays);
}

/** The last day an approved reward may be claimed. */
export function rewardClaimDueOn(notifiedOn: string, config: Pick<ReportConfig, 'claimDays'>): string {
  return addDays(notifiedOn, config.claimDays);
}
