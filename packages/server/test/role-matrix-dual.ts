// posts and cards
import { cardsMatrixPart } from './role-matrix-dual-cards.ts';
import { dualChecksMatrixPart } from './role-matrix-dual-checks.ts';
import { dualOversightMatrixPart } from './role-matrix-dual-oversight.ts';
// risk side
import { riskMatrixPart } from './role-matrix-dual-risk.ts';
import { venuesMatrixPart } from './role-matrix-dual-venues.ts';
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
  cardsMatrixPart,
  // check tasks and records
  dualChecksMatrixPart,
  // small venues
  venuesMatrixPart,
  // oversight
  dualOversightMatrixPart,
];
