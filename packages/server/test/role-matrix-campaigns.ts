import { campaignsMatrixPart } from './role-matrix-campaigns-campaigns.ts';
import { campaignFieldMatrixPart } from './role-matrix-campaigns-field.ts';
import { ledgersMatrixPart } from './role-matrix-campaigns-ledgers.ts';
import type { MatrixPart } from './role-matrix-enforcement.ts';

/**
 * 专项台账 / 专项整治 in the role × endpoint matrix, one part per part of the module (each in its own file, added
 * below). Out-of-scope rows are those of 邻镇 (OUTSIDE); objects and campaigns carry the marks in their names.
 */
export const campaignMatrixParts: MatrixPart[] = [
  // object ledgers
  ledgersMatrixPart,
  // campaigns
  campaignsMatrixPart,
  // field checks
  campaignFieldMatrixPart,
];
