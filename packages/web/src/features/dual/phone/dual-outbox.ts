import { type CheckRecordInput, checkRecordInput } from '@anzhi/core';
import type { OutboxRecord } from '../../../lib/offline/offline-db.ts';

/** A 双重预防 排查记录 in the shared outbox. */
export type DualOutboxRecord = OutboxRecord<CheckRecordInput>;

/** The outbox's 排查记录: records of other kinds (专项检查) name their own target; these were saved without one. */
export const dualRecords = (rows: readonly OutboxRecord[]): DualOutboxRecord[] => rows.filter((r): r is DualOutboxRecord => !r.target);

/** How a 排查记录 is kept: checked with the server's schema, posted to /check-records (the default target). */
export const dualRecordKind = { schema: checkRecordInput };
