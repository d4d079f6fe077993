import type { Db, Executor, Tx } from '../../db/client.ts';
import { auditRepo } from './audit.repo.ts';

const chainFirst = new WeakSet<object>();

/**
 * A writing transaction that records audit events. It takes the chain lock before anything else: the lock is
 * global, and a transaction that took row locks first (a hazard, a statistics row its trigger updates) and the
 * chain lock second could wait on one that holds the chain and wants the same rows — a deadlock under load.
 * With the chain first, audited writers queue on one lock and never hold rows while they wait for it.
 */
export function auditedTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await auditRepo.lockChain(tx);
    chainFirst.add(tx);
    return fn(tx);
  });
}

/** True when `ex` is a transaction opened by `auditedTransaction`; `record` refuses any other executor. */
export function holdsChainFirst(ex: Executor): boolean {
  return chainFirst.has(ex);
}
