import crypto from 'node:crypto';
import { type AuditEvent, type AuditVerifyResult, chainPayload, GENESIS_HASH } from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import type { AuditActor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { type AuditFilter, type AuditRow, auditRepo } from './audit.repo.ts';

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

export function createAuditService(deps: { db: Db; clock: Clock }) {
  return {
    /** Appends one event. Call it with the transaction of the change it records. */
    async record(ex: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
      await auditRepo.lockChain(ex);
      const prevHash = (await auditRepo.lastHash(ex)) ?? GENESIS_HASH;
      const row = {
        id: await auditRepo.nextId(ex),
        at: deps.clock.now(),
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
      await auditRepo.insert(ex, { ...row, hash: hashOf(row) });
    },

    async list(filter: AuditFilter, page: number, pageSize: number) {
      const { items, total } = await auditRepo.list(deps.db, filter, page, pageSize);
      return { items: items.map(toAuditEvent), total };
    },

    /** Walks the whole chain; names the first event whose link or content does not match. */
    async verify(): Promise<AuditVerifyResult> {
      let prev = GENESIS_HASH;
      let lastId = 0;
      let checked = 0;
      for (;;) {
        const batch = await auditRepo.batchAfter(deps.db, lastId, 1000);
        if (batch.length === 0) break;
        for (const row of batch) {
          if (row.prevHash !== prev) {
            return { ok: false, checked, firstBrokenId: row.id, reason: '与前一条记录的链接不符（前一条被删除或改动）' };
          }
          if (hashOf(row) !== row.hash) {
            return { ok: false, checked, firstBrokenId: row.id, reason: '记录内容与其哈希不符（该条被改动）' };
          }
          prev = row.hash;
          lastId = row.id;
          checked++;
        }
      }
      return { ok: true, checked, firstBrokenId: null, reason: null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
