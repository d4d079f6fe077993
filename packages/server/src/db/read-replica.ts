import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { type Database, type Db, openDatabase, sql } from './client.ts';
import * as schema from './schema.ts';

/**
 * Where statistics, exports and the dashboard read (ADR 0017): a streaming replica while it answers and is no further
 * behind than the bound, else the primary. The decision is cached and re-checked at most every `checkEveryMs`, in the
 * background of a read — never per query, and no read waits for a check.
 */
export type ReplicaState =
  /** No replica configured, or the embedded database (which has none). */
  | 'none'
  /** Reads go to the replica. */
  | 'in-use'
  /** The replica did not answer the last check: reads go to the primary. */
  | 'unreachable'
  /** The replica is further behind than the bound: reads go to the primary. */
  | 'lagging';

export interface ReplicaStatus {
  state: ReplicaState;
  /** Seconds behind the primary at the last check; null when not measured. */
  lagSeconds: number | null;
  maxLagSeconds: number;
  checkedAt: Date | null;
  /** Why the last check failed (driver message), for the log and /api/health. */
  error: string | null;
}

export interface ReadDb {
  /** Use like any `Db` for reads: each use goes to the handle chosen at the last check. Never for writes. */
  db: Db;
  /** The handle reads go to now (the replica's or the primary's). */
  current(): Db;
  status(): ReplicaStatus;
  /** Checks the replica now (a check already under way is shared). */
  refresh(): Promise<ReplicaStatus>;
  /** The replica's connection, for pool metrics; absent when reads always go to the primary. */
  replica: Database | undefined;
  close(): Promise<void>;
}

function messageOf(e: unknown): string {
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message) return cause.message;
  return e instanceof Error && e.message ? e.message : String(e);
}

/** Seconds the replica is behind: 0 when it has replayed all it received (an idle primary writes nothing to replay) or is not in recovery. */
export async function replicaLagSeconds(replica: Database): Promise<number> {
  const [row] = await replica.rows<{ lag: number | string | null }>(sql`
    SELECT CASE
      WHEN NOT pg_is_in_recovery() THEN 0
      WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
      ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
    END AS lag`);
  // Nothing replayed yet (a replica just made): unknown, so treated as too far behind.
  return row?.lag == null ? Number.POSITIVE_INFINITY : Math.max(0, Number(row.lag));
}

const NODE_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND']);

/**
 * Whether a read failed because of the replica rather than the query: no connection (refused, reset, timed out,
 * dropped), the server shutting down or starting up (SQLSTATE class 08, 57P01–57P03), or a statement cancelled by
 * a conflict with recovery (40001 on a standby). Such a read is safe to run again on the primary.
 */
export function isReplicaFailure(e: unknown): boolean {
  for (let err = e as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 4; depth++) {
    const code = typeof err.code === 'string' ? err.code : '';
    if (NODE_CONNECTION_CODES.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '40001'].includes(code)) return true;
    const message = typeof err.message === 'string' ? err.message : '';
    if (/Connection terminated|timeout exceeded when trying to connect|connection error|not queryable/i.test(message)) return true;
    err = err.cause as typeof err;
  }
  return false;
}

/**
 * What drizzle queries when reads go to the replica: the replica's pool, except that a read the replica fails (see
 * `isReplicaFailure`) is reported and sent to the primary at once, so a replica that dies mid-run costs its readers
 * nothing but the failed attempt. The name must contain "Pool": drizzle then takes a client for a transaction.
 */
class ReplicaFailoverPool {
  constructor(
    private readonly replica: pg.Pool,
    private readonly primary: pg.Pool,
    private readonly failed: (e: unknown) => void,
  ) {}

  async query(...args: unknown[]): Promise<unknown> {
    const run = (pool: pg.Pool) => (pool.query as (...a: unknown[]) => Promise<unknown>).apply(pool, args);
    try {
      return await run(this.replica);
    } catch (e) {
      if (!isReplicaFailure(e)) throw e;
      this.failed(e);
      return run(this.primary);
    }
  }

  async connect(): Promise<pg.PoolClient> {
    try {
      return await this.replica.connect();
    } catch (e) {
      if (!isReplicaFailure(e)) throw e;
      this.failed(e);
      return this.primary.connect();
    }
  }
}

/** The pg pool under a PostgreSQL handle (drizzle keeps it as `$client`). */
function poolOf(db: Db): pg.Pool {
  return (db as unknown as { $client: pg.Pool }).$client;
}

/** Reads always from the primary: the embedded database, or PostgreSQL without DATABASE_REPLICA_URL. */
export function primaryOnly(primary: Database): ReadDb {
  const status: ReplicaStatus = { state: 'none', lagSeconds: null, maxLagSeconds: 0, checkedAt: null, error: null };
  return {
    db: primary.db,
    current: () => primary.db,
    status: () => ({ ...status }),
    refresh: async () => ({ ...status }),
    replica: undefined,
    close: async () => {},
  };
}

export interface ReadDbOptions {
  primary: Database;
  replicaUrl: string | undefined;
  maxLagSeconds: number;
  /** Default 5 s. */
  checkEveryMs?: number;
  /** Measures the lag; default `replicaLagSeconds` (tests inject one). */
  probeLag?: (replica: Database) => Promise<number>;
  now?: () => number;
  poolSize?: number;
  /** Called when the state changes (the server logs it). */
  onChange?: (status: ReplicaStatus, previous: ReplicaStatus) => void;
}

/** Opens the replica's pool and checks it once before the first read; the embedded database has no replica. */
export async function openReadDb(opts: ReadDbOptions): Promise<ReadDb> {
  if (!opts.replicaUrl || opts.primary.kind !== 'postgres') return primaryOnly(opts.primary);
  const replica = await openDatabase({
    databaseUrl: opts.replicaUrl,
    poolSize: opts.poolSize ?? 10,
    connectTimeoutMs: 2_000,
    applicationName: 'anzhi-read',
  });
  const primary = opts.primary;
  const now = opts.now ?? Date.now;
  const checkEveryMs = opts.checkEveryMs ?? 5_000;
  const probeLag = opts.probeLag ?? replicaLagSeconds;
  let status: ReplicaStatus = {
    state: 'unreachable',
    lagSeconds: null,
    maxLagSeconds: opts.maxLagSeconds,
    checkedAt: null,
    error: '尚未检查',
  };
  let checking: Promise<ReplicaStatus> | null = null;

  async function check(): Promise<ReplicaStatus> {
    let next: ReplicaStatus;
    try {
      const lag = await probeLag(replica);
      next = {
        state: lag <= opts.maxLagSeconds ? 'in-use' : 'lagging',
        lagSeconds: Number.isFinite(lag) ? lag : null,
        maxLagSeconds: opts.maxLagSeconds,
        checkedAt: new Date(now()),
        error: null,
      };
    } catch (e) {
      next = {
        state: 'unreachable',
        lagSeconds: null,
        maxLagSeconds: opts.maxLagSeconds,
        checkedAt: new Date(now()),
        // Drizzle wraps the driver's error ("Failed query: …"); the cause says what happened (ECONNREFUSED …).
        error: messageOf(e),
      };
    }
    const previous = status;
    status = next;
    if (previous.state !== next.state) opts.onChange?.(next, previous);
    return next;
  }

  /** A read failed on the replica: reads go to the primary until the next check finds it answering again. */
  function markDown(e: unknown) {
    if (status.state !== 'in-use') return;
    const previous = status;
    status = { ...status, state: 'unreachable', lagSeconds: null, checkedAt: new Date(now()), error: messageOf(e) };
    opts.onChange?.(status, previous);
  }
  const failover = drizzlePg(new ReplicaFailoverPool(poolOf(replica.db), poolOf(primary.db), markDown) as unknown as pg.Pool, {
    schema,
  }) as unknown as Db;

  function refresh(): Promise<ReplicaStatus> {
    checking ??= check().finally(() => {
      checking = null;
    });
    return checking;
  }

  function current(): Db {
    const checkedAt = status.checkedAt?.getTime() ?? 0;
    if (now() - checkedAt >= checkEveryMs) void refresh();
    return status.state === 'in-use' ? failover : primary.db;
  }

  // Every property of the handle is looked up on the chosen database at the time of use, so a service holds one
  // `Db` for its reads and each query goes where the last check said.
  const db = new Proxy({} as Db, {
    get(_target, prop) {
      const target = current() as unknown as Record<string | symbol, unknown>;
      const value = target[prop];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

  await refresh();
  return {
    db,
    current,
    status: () => ({ ...status }),
    refresh,
    replica,
    close: async () => {
      await checking;
      await replica.close();
    },
  };
}
