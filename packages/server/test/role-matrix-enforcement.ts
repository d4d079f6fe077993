import type { Database } from '../src/db/client.ts';
import type { EnterpriseRow } from '../src/modules/enterprises/enterprise.repo.ts';
import type { seedOrg } from './app.ts';
import { checksMatrixPart } from './role-matrix-enforcement-checks.ts';
import { drawsMatrixPart } from './role-matrix-enforcement-draws.ts';
// the yearly plan
import { enforcementPlansMatrix } from './role-matrix-enforcement-plans.ts';
// statistics
import { statsMatrixPart } from './role-matrix-enforcement-stats.ts';
// 执法三部曲
import { triadMatrixPart } from './role-matrix-enforcement-triad.ts';
import type { Expectation } from './role-matrix-kit.ts';

export interface MatrixContext {
  database: Database;
  org: Awaited<ReturnType<typeof seedOrg>>;
  /** 示例镇甲厂 (village1, supervised by 市场监管所: the unit account's own). */
  inside: EnterpriseRow;
  /** In 邻镇, supervised by 邻镇应急办: outside every scope but the administrator's. */
  outside: EnterpriseRow;
  /** In 示例镇, supervised by 应急办: outside the unit account's and the enterprise account's scope. */
  sibling: EnterpriseRow;
  /** Names of rows outside (OUTSIDE) or sibling (SIBLING) records carry the mark, so a leaking list shows it. */
  marks: { OUTSIDE: string; SIBLING: string };
  now: Date;
}

/**
 * A part of the enforcement module in the role × endpoint matrix: its routes' expectations, and the out-of-scope
 * records their ids stand for (keyed by the collection, the path segment after /api/v1/).
 */
export interface MatrixPart {
  expected: Record<string, Expectation>;
  setup(ctx: MatrixContext): Promise<{ outsideIds: Record<string, string>; siblingIds: Record<string, string> }>;
}

export const enforcementMatrixParts: MatrixPart[] = [
  // 名录库 and 双随机 draws
  drawsMatrixPart,
  // the yearly plan
  enforcementPlansMatrix,
  // on-site checks
  checksMatrixPart,
  // 执法三部曲: orders, documents, penalty cases
  triadMatrixPart,
  // statistics
  statsMatrixPart,
];
