// The role × endpoint matrix part of the public intake (issue 15, part A): every route is public (no login).
import type { MatrixPart } from './role-matrix-enforcement.ts';
import { shared } from './role-matrix-kit.ts';

export const intakeMatrixPart: MatrixPart = {
  expected: {
    'POST /api/v1/public/reports': shared('public'),
    'GET /api/v1/public/reports/{trackingCode}': shared('public'),
    'POST /api/v1/public/reports/{trackingCode}/messages': shared('public'),
    'GET /api/v1/public/report-enterprises': shared('public'),
    'GET /api/v1/public/report-enterprises/{publicCode}': shared('public'),
    'GET /api/v1/public/report-regions': shared('public'),
  },
  async setup() {
    return { outsideIds: {}, siblingIds: {} };
  },
};
