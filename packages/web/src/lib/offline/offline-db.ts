import Dexie, { type EntityTable } from 'dexie';

/**
 * What the phone keeps for its offline field pages (ADR 0025), per signed-in account: the last lists loaded (today's
 * due checks, the grid's patrol list of a month, the campaign work list) and one outbox of records saved but not yet
 * accepted by the server — of every kind (双重预防 排查记录, 专项检查), each naming where it is posted.
 */
export interface Snapshot {
  /** `<userId>:<what>`, e.g. `12:today` or `7:patrols:2026-12`. */
  key: string;
  userId: number;
  savedAt: number;
  data: unknown;
}

export interface OutboxPhoto {
  seq: number;
  name: string;
  blob: Blob;
}

export type OutboxState = 'pending' | 'conflict';

/** Where a kind of record goes: `POST endpoint` with the record's JSON in the form field `field` and photos `photo.<seq>`. */
export interface OutboxTarget {
  endpoint: string;
  field: string;
}
/** Records saved before the outbox carried other kinds are 双重预防 排查记录. */
export const checkRecordTarget: OutboxTarget = { endpoint: '/api/v1/check-records', field: 'record' };

export interface OutboxRecord<R = unknown> {
  /** The record's `clientId`, made once when it is saved and sent on every retry (the server's idempotency key). */
  clientId: string;
  userId: number;
  /** Absent: a 双重预防 排查记录 (`checkRecordTarget`). */
  target?: OutboxTarget;
  /** Where a refused record is opened again to be fixed (absent: the feature works it out). */
  fixPath?: string;
  record: R;
  photos: OutboxPhoto[];
  /** What the lists show: the task's title or the venue's name. */
  title: string;
  savedAt: number;
  state: OutboxState;
  /** The server's Chinese reason when it refused the record (400/409); the user fixes or discards it. */
  error?: string;
  attempts: number;
}

export type CheckDb = Dexie & {
  snapshots: EntityTable<Snapshot, 'key'>;
  outbox: EntityTable<OutboxRecord, 'clientId'>;
};

export function openCheckDb(name = 'anzhi-checks'): CheckDb {
  const db = new Dexie(name) as CheckDb;
  db.version(1).stores({ snapshots: 'key, userId', outbox: 'clientId, userId, savedAt' });
  return db;
}

let shared: CheckDb | undefined;
/** The browser's database, opened on first use. */
export function checkDb(): CheckDb {
  shared ??= openCheckDb();
  return shared;
}
