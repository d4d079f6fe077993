import type { MatrixPart } from './role-matrix-enforcement.ts';
import { handlingMatrixPart } from './role-matrix-reports-handling.ts';
// public intake
import { intakeMatrixPart } from './role-matrix-reports-intake.ts';
// rewards
import { rewardsMatrixPart } from './role-matrix-reports-rewards.ts';
import { reportStatsMatrixPart } from './role-matrix-reports-stats.ts';

/**
 * 举报 in the role × endpoint matrix, one part per part of the module (each in its own file, added below). Public
 * routes are `shared('public')`. The out-of-scope records are reports of 邻镇 (OUTSIDE) and reports of 示例镇 assigned
 * to 应急办 (SIBLING: outside the unit account's scope); their descriptions carry the marks.
 */
export const reportMatrixParts: MatrixPart[] = [
  // public intake
  intakeMatrixPart,
  // handling
  handlingMatrixPart,
  // rewards
  rewardsMatrixPart,
  // statistics
  reportStatsMatrixPart,
];
