import type { CheckItemResult } from '@anzhi/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { enforcementCheckItems, enforcementChecks, enforcementInspectors } from '../src/modules/enforcement/enforcement.table.ts';
import { insertPlannedChecks } from '../src/modules/enforcement/enforcement-check.repo.ts';
import type { EnterpriseRow } from '../src/modules/enterprises/enterprise.repo.ts';

let serial = 0;

/** An inspector of a unit with a valid 执法证 (unique number). */
export async function makeInspector(database: Database, unitId: number, over: Partial<typeof enforcementInspectors.$inferInsert> = {}) {
  const n = ++serial;
  const [row] = await database.db
    .insert(enforcementInspectors)
    .values({
      unitId,
      name: `执法员${n}`,
      certificateNo: `ZF-TRIAD-${String(n).padStart(5, '0')}`,
      certificateValidUntil: '2030-12-31',
      ...over,
    })
    .returning();
  if (!row) throw new Error('inspector insert');
  return row;
}

export interface KitItem {
  result: CheckItemResult;
  text?: string;
  criterionCode?: string | null;
  major?: boolean;
  fixedOnSpot?: boolean;
  hazardId?: number | null;
  note?: string | null;
}

/**
 * A check signed on site (both parties, a record hash), written directly as the on-site check part would leave it:
 * the triad's tests start from here. Items default to two failures and one pass.
 */
export async function makeSignedCheck(
  database: Database,
  opts: {
    unitId: number;
    enterprise: EnterpriseRow;
    inspectorIds: number[];
    signedAt?: Date;
    items?: KitItem[];
    status?: 'signed' | 'inProgress';
  },
) {
  const signedAt = opts.signedAt ?? new Date('2026-03-01T02:00:00Z');
  const day = new Date(signedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [check] = await insertPlannedChecks(
    database.db,
    [
      {
        unitId: opts.unitId,
        enterpriseId: opts.enterprise.id,
        kind: 'key',
        scheduledOn: day,
        inspectorIds: opts.inspectorIds,
        createdBy: null,
      },
    ],
    signedAt,
  );
  if (!check) throw new Error('check insert');
  const items = opts.items ?? [
    { result: 'fail', text: '可燃气体报警装置未投用', criterionCode: null },
    { result: 'fail', text: '安全出口被堵塞' },
    { result: 'pass', text: '特种作业人员持证上岗' },
  ];
  const rows = await database.db
    .insert(enforcementCheckItems)
    .values(
      items.map((it, k) => ({
        checkId: check.id,
        seq: k + 1,
        source: 'unit' as const,
        criterionCode: it.criterionCode ?? null,
        text: it.text ?? `检查项${k + 1}`,
        major: it.major ?? false,
        result: it.result,
        note: it.note ?? null,
        fixedOnSpot: it.fixedOnSpot ?? false,
        hazardId: it.hazardId ?? null,
      })),
    )
    .returning();
  const status = opts.status ?? 'signed';
  const signed = status === 'signed';
  await database.db
    .update(enforcementChecks)
    .set({
      status,
      place: '生产车间及仓库',
      startedAt: new Date(signedAt.getTime() - 90 * 60_000),
      explained: signed ? '已向企业负责人讲解问题及整改要求' : null,
      representativeName: '王负责人',
      recordHash: signed ? 'a'.repeat(64) : null,
      signedAt: signed ? signedAt : null,
      signatures: [],
    })
    .where(eq(enforcementChecks.id, check.id));
  return { check: { ...check, status }, items: rows.sort((a, b) => a.seq - b.seq) };
}
