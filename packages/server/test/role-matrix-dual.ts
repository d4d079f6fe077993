import { dualChecksMatrixPart } from './role-matrix-dual-checks.ts';
import { venuesMatrixPart } from './role-matrix-dual-venues.ts';
import type { MatrixPart } from './role-matrix-enforcement.ts';

/**
 * 双重预防 in the role × endpoint matrix, one part per part of the module (each in its own file, added below). Every
 * row belongs to an enterprise: the out-of-scope records are those of an enterprise of 邻镇 (OUTSIDE) and of a
 * 示例镇 enterprise the unit account does not supervise (SIBLING); names carry the marks.
 */
export const dualMatrixParts: MatrixPart[] = [
  // risk side
  // posts and cards
  // check tasks and records
  dualChecksMatrixPart,
  // small venues
  venuesMatrixPart,
  // oversight
];
