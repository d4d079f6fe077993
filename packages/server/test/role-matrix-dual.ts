// risk side
import { riskMatrixPart } from './role-matrix-dual-risk.ts';
import type { MatrixPart } from './role-matrix-enforcement.ts';

/**
 * 双重预防 in the role × endpoint matrix, one part per part of the module (each in its own file, added below). Every
 * row belongs to an enterprise: the out-of-scope records are those of an enterprise of 邻镇 (OUTSIDE) and of a
 * 示例镇 enterprise the unit account does not supervise (SIBLING); names carry the marks.
 */
export const dualMatrixParts: MatrixPart[] = [
  // risk side
  riskMatrixPart,
  // posts and cards
  // check tasks and records
  // small venues
  // oversight
];
