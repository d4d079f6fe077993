import crypto from 'node:crypto';
import { type AuditEvent, type AuditVerifyResult, chainPayload, GENESIS_HASH } from '@anzhi/core';
import { type Db, type Executor, sql } from '../../db/client.ts';
import type { AuditActor } from '../../lib/actor.ts';
import { jsonRows, pipelined } from '../../lib/bulk-insert.ts';
import type { Clock } from '../../lib/clock.ts';
import { type AuditFilter, type AuditRow, auditRepo } from './audit.repo.ts';
import { auditEvents } from './audit.table.ts';
import { headChecks, type RecordedHead } from './audit-head.ts';
import { holdsChainFirst } from './audited-transaction.ts';

/** SM3 (GB/T 32905-2016), the national standard hash, from Node's OpenSSL. */
export function sm3(text: string): string {
  return crypto.createHash('sm3').update(text, 'utf8').digest('hex');
}

export interface AuditEntry {
  entityType: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Plain JSON: what jsonb will give back, so the hash computed now is the hash verified later. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function hashOf(row: Omit<AuditRow, 'hash'>): string {
  return sm3(
    chainPayload(row.prevHash, {
      id: row.id,
      at: row.at.toISOString(),
      actorUserId: row.actorUserId,
      actorName: row.actorName,
      actorRoles: row.actorRoles,
      ip: row.ip,
      entityType: row.entityType,
      entityId: row.entityId,
      action: row.action,
      before: row.before,
      after: row.after,
    }),
  );
}

/** `n` ids from the events' sequence, ascending; under the chain lock nobody else takes ids in between. */
async function nextIds(ex: Executor, n: number): Promise<number[]> {
  const result = (await ex.execute(
    sql`SELECT nextval(pg_get_serial_sequence('audit_events', 'id'))::bigint AS id FROM generate_series(1, ${n}::int) ORDER BY 1`,
  )) as unknown as { rows: { id: string | number }[] };
  return result.rows.map((r) => Number(r.id));
}

export function toAuditEvent(r: AuditRow): AuditEvent {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorName: r.actorName,
    actorRoles: r.actorRoles,
    ip: r.ip,
    entityType: r.entityType,
    entityId: r.entityId,
    action: r.action,
    before: r.before ?? null,
    after: r.after ?? null,
    hash: r.hash,
  };
}

/** One event as stored: its content, the previous event's hash, and its own hash over both. */
function chainedRow(actor: AuditActor, entry: AuditEntry, id: number, at: Date, prevHash: string) {
  const row = {
    id,
    at,
    actorUserId: actor.userId,
    actorName: actor.name,
    actorRoles: actor.roles,
    ip: actor.ip,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    action: entry.action,
    before: plain(entry.before),
    after: plain(entry.after),
    prevHash,
  };
  return { ...row, hash: hashOf(row) };
}

function requireChainFirst(ex: Executor): void {
  if (!holdsChainFirst(ex)) throw new Error('audit events are recorded only inside auditedTransaction (the chain lock comes first)');
}

export function createAuditService(deps: { db: Db; clock: Clock }) {
  return {
    /** Appends one event. Call it with the transaction of the change it records. */
    async record(ex: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
      requireChainFirst(ex);
      const prevHash = (await auditRepo.lastHash(ex)) ?? GENESIS_HASH;
      const row = chainedRow(actor, entry, await auditRepo.nextId(ex), deps.clock.now(), prevHash);
      await auditRepo.insert(ex, row);
      await auditRepo.advanceAnchor(ex, 1, row, row.at);
    },

    /**
     * Appends many events in order, as `record` would one by one: one lock, ids taken in one query, multi-row
     * inserts, each chunk hashed while the database writes the previous one. For bulk changes such as the import.
     */
    async recordMany(ex: Executor, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
      if (entries.length === 0) return;
      requireChainFirst(ex);
      let prevHash = (await auditRepo.lastHash(ex)) ?? GENESIS_HASH;
      const ids = await nextIds(ex, entries.length);
      const at = deps.clock.now();
      const chained = (entry: AuditEntry, id: number) => {
        const row = chainedRow(actor, entry, id, at, prevHash);
        prevHash = row.hash;
        return row;
      };
      // Chunks are prepared strictly in order, so the chain runs through them as through one list.
      await pipelined(
        entries.map((entry, i) => ({ entry, id: ids[i] as number })),
        1000,
        (chunk) =>
          jsonRows(
            auditEvents,
            chunk.map(({ entry, id }) => chained(entry, id)),
          ),
        async (select) => {
          await ex.insert(auditEvents).select(select);
        },
      );
      await auditRepo.advanceAnchor(ex, entries.length, { id: ids[ids.length - 1] as number, hash: prevHash }, at);
    },

    async list(filter: AuditFilter, page: number, pageSize: number) {
      const { items, total } = await auditRepo.list(deps.db, filter, page, pageSize);
      return { items: items.map(toAuditEvent), total };
    },

    /**
     * Walks the whole chain; names the first event whose link or content does not match. Then holds the chain
     * against its heads recorded elsewhere — the anchor row, and any `recorded` (a backup's header, a head file):
     * a head the chain no longer reaches names the newest deleted event; events past the anchor were written
     * around the system.
     */
    async verify(recorded: readonly RecordedHead[] = []): Promise<AuditVerifyResult> {
      const anchor = await auditRepo.anchor(deps.db);
      const heads = [...(anchor ? [{ head: anchor, source: '审计锚点' }] : []), ...recorded];
      const checks = headChecks(heads);
      let prev = GENESIS_HASH;
      let last: AuditRow | null = null;
      let checked = 0;
      for (;;) {
        const batch = await auditRepo.batchAfter(deps.db, last?.id ?? 0, 1000);
        if (batch.length === 0) break;
        for (const row of batch) {
          if (row.prevHash !== prev) {
            return { ok: false, checked, firstBrokenId: row.id, reason: '与前一条记录的链接不符（前一条被删除或改动）' };
          }
          if (hashOf(row) !== row.hash) {
            return { ok: false, checked, firstBrokenId: row.id, reason: '记录内容与其哈希不符（该条被改动）' };
          }
          if (anchor && row.id > anchor.lastId) {
            return {
              ok: false,
              checked,
              firstBrokenId: row.id,
              reason: '该条及之后的记录不在审计锚点记载的链头之内（绕过系统写入，或锚点被改动）',
            };
          }
          const broken = checks.seen(row, checked + 1);
          if (broken) return broken;
          prev = row.hash;
          last = row;
          checked++;
        }
      }
      return checks.result(checked, last) ?? { ok: true, checked, firstBrokenId: null, reason: null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
