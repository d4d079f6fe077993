import type { z } from 'zod';
import type { CheckDb, OutboxPhoto, OutboxRecord, OutboxTarget, Snapshot } from './offline-db.ts';

/**
 * Saves a record to the outbox (works offline). The record keeps the clientId it was made with. `kind` says how it is
 * checked (the same schema the server applies: a record the server would refuse for its shape is not kept) and where
 * it is posted; absent, a 双重预防 排查记录.
 */
export async function saveToOutbox<S extends z.ZodType<{ clientId: string }>>(
  db: CheckDb,
  userId: number,
  kind: { schema: S; target?: OutboxTarget; fixPath?: string },
  record: z.input<S>,
  photos: OutboxPhoto[],
  title: string,
  now = Date.now(),
): Promise<OutboxRecord<z.output<S>>> {
  const parsed = kind.schema.parse(record);
  const row: OutboxRecord<z.output<S>> = {
    clientId: parsed.clientId,
    userId,
    ...(kind.target ? { target: kind.target } : {}),
    ...(kind.fixPath ? { fixPath: kind.fixPath } : {}),
    record: parsed,
    photos,
    title,
    savedAt: now,
    state: 'pending',
    attempts: 0,
  };
  await db.outbox.put(row);
  return row;
}

export function userOutbox(db: CheckDb, userId: number): Promise<OutboxRecord[]> {
  return db.outbox.where('userId').equals(userId).sortBy('savedAt');
}

export function discardRecord(db: CheckDb, clientId: string): Promise<void> {
  return db.outbox.delete(clientId);
}

/** A refused record sent again after the user changed it: pending, without the old reason. */
export async function retryRecord(db: CheckDb, clientId: string): Promise<void> {
  await db.outbox.update(clientId, { state: 'pending', error: undefined });
}

export async function putSnapshot(db: CheckDb, userId: number, what: string, data: unknown, now = Date.now()): Promise<void> {
  const row: Snapshot = { key: `${userId}:${what}`, userId, savedAt: now, data };
  await db.snapshots.put(row);
}

export async function getSnapshot<T>(db: CheckDb, userId: number, what: string): Promise<{ data: T; savedAt: number } | undefined> {
  const row = await db.snapshots.get(`${userId}:${what}`);
  return row ? { data: row.data as T, savedAt: row.savedAt } : undefined;
}
