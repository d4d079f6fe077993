import type { JobItem, JobListQuery, JobPage } from '@anzhi/core';
import type { Db } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { type JobRow, jobRepo } from './job.repo.ts';

function toItem(r: JobRow): JobItem {
  return {
    id: r.id,
    queue: r.queue,
    state: r.state,
    payload: r.payload,
    dedupeKey: r.dedupeKey,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    runAt: r.runAt.toISOString(),
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** The administrator's view of the outbound queue: what waits, what was given up, and sending a dead job again. */
export function createJobService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;
  return {
    async list(query: JobListQuery): Promise<JobPage> {
      const { items, total } = await jobRepo.list(db, query);
      return { items: items.map(toItem), total };
    },

    /** A dead job back in the queue, due now, with its attempts counted afresh; audited. */
    async retry(actor: Actor, id: number): Promise<JobItem> {
      return auditedTransaction(db, async (tx) => {
        const row = await jobRepo.requeueDead(tx, id, clock.now());
        if (!row) {
          const existing = await jobRepo.get(tx, id);
          if (!existing) throw errors.notFound('任务', 'job.not_found');
          throw errors.conflict('job.not_dead', '只能重试已放弃的任务（该任务仍在队列中或已完成）', { state: existing.state });
        }
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'job',
          entityId: id,
          action: 'retry',
          before: { state: 'dead', lastError: row.lastError },
          after: { state: row.state },
        });
        return toItem(row);
      });
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;
