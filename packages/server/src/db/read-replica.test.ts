import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, seedOrg, startTestApp, type TestApp } from '../../test/factories.ts';
import { freshDatabase } from '../../test/test-db.ts';
import type { Database } from './client.ts';
import { isReplicaFailure, openReadDb, type ReadDb } from './read-replica.ts';

/**
 * The replica routing of ADR 0017. A real streaming replica is the cluster test's; here the "replica" is a second
 * database on the same server (lag 0, not in recovery), holding no organisation — so a read that went there shows.
 */
const onPostgres = process.env.ANZHI_TEST_DB === 'postgres';
const closedPort = 'postgres://postgres@127.0.0.1:1/postgres';
/** What the leader of 示例镇 counts on the primary: the township and its two villages. */
const leaderRegions = 3;

describe.skipIf(onPostgres)('on the embedded database', () => {
  // Started in the hook (60 s): a PGlite app can take longer than one test's 30 s on a busy machine.
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(undefined, {}, { readDb: (primary) => openReadDb({ primary, replicaUrl: closedPort, maxLagSeconds: 30 }) });
  });
  afterAll(() => t?.close());

  it('reads from the primary and ignores a replica URL', async () => {
    expect(t.services.readDb.current()).toBe(t.database.db);
    expect(t.services.readDb.replica).toBeUndefined();
    const health = (await t.app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health).toMatchObject({ status: 'ok', db: 'pglite', replica: { state: 'none', lagSeconds: null } });
  });
});

describe.skipIf(!onPostgres)('on PostgreSQL with DATABASE_REPLICA_URL', () => {
  let replica: Database & { url?: string };
  beforeAll(async () => {
    replica = await freshDatabase();
  });
  afterAll(() => replica.close());

  const summary = async (t: TestApp) => {
    const leader = await loginAs(t.app, 'leader');
    const res = await leader.get('/api/v1/dashboard/summary');
    expect(res.statusCode).toBe(200);
    return res.json() as { regionCount: number };
  };
  const health = async (t: TestApp) => (await t.app.inject({ method: 'GET', url: '/api/health' })).json();

  it('reads statistics from a replica with lag 0, and says so', { timeout: 90_000 }, async () => {
    const t = await startTestApp(
      undefined,
      {},
      {
        readDb: (primary) => openReadDb({ primary, replicaUrl: replica.url, maxLagSeconds: 30 }),
      },
    );
    try {
      await seedOrg(t.database);
      expect(t.services.readDb.status()).toMatchObject({ state: 'in-use', lagSeconds: 0, error: null });
      expect(t.services.readDb.current()).not.toBe(t.database.db);
      // The session is the primary's; the counts come from the replica, which has no regions.
      expect((await summary(t)).regionCount).toBe(0);
      expect(await health(t)).toMatchObject({
        status: 'ok',
        db: 'postgres',
        replica: { state: 'in-use', lagSeconds: 0, maxLagSeconds: 30 },
      });
      const metrics = (await t.app.inject({ method: 'GET', url: '/api/metrics' })).body;
      expect(metrics).toMatch(/^anzhi_db_replica_in_use 1$/m);
      expect(metrics).toMatch(/^anzhi_db_replica_lag_seconds 0$/m);
      expect(metrics).toMatch(/^anzhi_db_pool_connections\{pool="replica"\} [1-9]/m);
    } finally {
      await t.close();
    }
  });

  it('falls back to the primary when the replica does not answer, and health says so', { timeout: 90_000 }, async () => {
    const t = await startTestApp(
      undefined,
      {},
      {
        readDb: (primary) => openReadDb({ primary, replicaUrl: closedPort, maxLagSeconds: 30 }),
      },
    );
    try {
      await seedOrg(t.database);
      expect(t.services.readDb.status()).toMatchObject({
        state: 'unreachable',
        lagSeconds: null,
        error: expect.stringContaining('ECONNREFUSED'),
      });
      expect(t.services.readDb.current()).toBe(t.database.db);
      expect((await summary(t)).regionCount).toBe(leaderRegions);
      const h = await health(t);
      expect(h).toMatchObject({ status: 'degraded', db: 'postgres', replica: { state: 'unreachable', lagSeconds: null } });
      // The driver's message (addresses) goes to the log, not to anonymous callers.
      expect(JSON.stringify(h)).not.toContain('127.0.0.1');
    } finally {
      await t.close();
    }
  });

  it('sends a read the replica fails to the primary at once, and keeps reads there until a check finds it back', {
    timeout: 90_000,
  }, async () => {
    // The replica is reached through a TCP relay the test can cut, as a killed replica server cuts its connections.
    const target = new URL(replica.url as string);
    const sockets = new Set<net.Socket>();
    const relay = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const via = new URL(target);
    via.hostname = '127.0.0.1';
    via.port = String((relay.address() as net.AddressInfo).port);
    const changes: string[] = [];
    const t = await startTestApp(
      undefined,
      {},
      {
        readDb: (primary) =>
          openReadDb({
            primary,
            replicaUrl: via.toString(),
            maxLagSeconds: 30,
            checkEveryMs: 600_000,
            onChange: (next, previous) => changes.push(`${previous.state}→${next.state}`),
          }),
      },
    );
    try {
      await seedOrg(t.database);
      expect((await summary(t)).regionCount).toBe(0);
      relay.close();
      for (const s of sockets) s.destroy();
      // The pooled connections to the replica are dead now: the read still answers, from the primary.
      expect((await summary(t)).regionCount).toBe(leaderRegions);
      expect(t.services.readDb.status()).toMatchObject({ state: 'unreachable', lagSeconds: null });
      expect(t.services.readDb.current()).toBe(t.database.db);
      expect((await summary(t)).regionCount).toBe(leaderRegions);
      expect(changes.at(-1)).toBe('in-use→unreachable');
    } finally {
      relay.close();
      await t.close();
    }
  });

  it('falls back while the lag exceeds the bound, checking at most every few seconds', { timeout: 90_000 }, async () => {
    let lag = 45;
    let probes = 0;
    let clock = 1_000_000;
    const t = await startTestApp(
      undefined,
      {},
      {
        readDb: (primary) =>
          openReadDb({
            primary,
            replicaUrl: replica.url,
            maxLagSeconds: 30,
            checkEveryMs: 5_000,
            now: () => clock,
            probeLag: async () => {
              probes++;
              return lag;
            },
          }),
      },
    );
    const readDb: ReadDb = t.services.readDb;
    try {
      await seedOrg(t.database);
      expect(readDb.status()).toMatchObject({ state: 'lagging', lagSeconds: 45 });
      expect((await summary(t)).regionCount).toBe(leaderRegions);
      expect(await health(t)).toMatchObject({ status: 'degraded', replica: { state: 'lagging', lagSeconds: 45, maxLagSeconds: 30 } });

      // Caught up: nothing changes until the next check is due — queries never probe.
      lag = 2;
      for (let i = 0; i < 50; i++) readDb.current();
      await summary(t);
      expect(probes).toBe(1);
      expect(readDb.current()).toBe(t.database.db);

      clock += 5_000;
      readDb.current(); // starts the check in the background; this read still goes where the last check said
      await readDb.refresh();
      expect(probes).toBe(2);
      expect(readDb.status()).toMatchObject({ state: 'in-use', lagSeconds: 2 });
      expect((await summary(t)).regionCount).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe('what counts as the replica failing', () => {
  it('is a lost or refused connection, a shutdown, or a conflict with recovery — never an error in the query', () => {
    const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    for (const e of [
      err('ECONNREFUSED'),
      err('ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      err('57P01', 'terminating connection due to administrator command'),
      err('08006'),
      err('40001', 'canceling statement due to conflict with recovery'),
      Object.assign(new Error('Failed query: select 1'), { cause: err('ECONNREFUSED') }),
    ])
      expect(isReplicaFailure(e), String(e)).toBe(true);
    for (const e of [
      err('42P01', 'relation "x" does not exist'),
      err('22P02', 'invalid input syntax'),
      err('57014', 'canceling statement due to statement timeout'),
    ])
      expect(isReplicaFailure(e), String(e)).toBe(false);
  });
});
