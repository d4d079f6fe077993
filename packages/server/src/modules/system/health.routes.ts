import { type Health, type HealthCheckResult, health } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Database, sql } from '../../db/client.ts';
import type { ReadDb } from '../../db/read-replica.ts';
import type { HealthChecks } from '../../lib/health-checks.ts';
import { type Storage, storageHealth } from '../../lib/storage.ts';

/** Past this long with queries waiting and none finishing, the embedded database is reported degraded. */
export const EMBEDDED_STALL_MS = 30_000;

/**
 * The database's own check. PostgreSQL: `SELECT 1` on the pool. The embedded database has one connection (ADR 0021):
 * while a query runs there, a probe would wait behind it, so /api/health does not send one; it reports the database
 * busy (ok) with what is queued, or degraded once nothing has finished for EMBEDDED_STALL_MS. Its thread being gone
 * fails the probe (and ends the process, see db/open.ts). A database that does not answer fails the request, as before.
 */
async function databaseCheck(database: Database): Promise<HealthCheckResult> {
  const usage = database.usage();
  if (usage.kind === 'pglite' && usage.pending > 0) {
    const stalledMs = database.stalledForMs();
    const details = { pending: usage.pending, stalledSeconds: Math.round(stalledMs / 100) / 10 };
    if (stalledMs > EMBEDDED_STALL_MS) {
      const message = `内嵌数据库已 ${Math.round(stalledMs / 1000)} 秒没有完成查询（${usage.pending} 个在执行或排队）`;
      return { status: 'degraded', message, details };
    }
    return { status: 'ok', message: '内嵌数据库正在执行其他查询，本次未另行探测', details };
  }
  await database.rows(sql`SELECT 1`);
  return { status: 'ok' };
}

export async function registerHealthModule(
  app: FastifyInstance,
  deps: { database: Database; readDb: ReadDb; healthChecks: HealthChecks; storage: Storage; version: string },
) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/health', { schema: { tags: ['系统'], summary: '健康检查', response: { 200: health } } }, async (): Promise<Health> => {
      const usage = deps.database.usage();
      const databaseBusy = usage.kind === 'pglite' && usage.pending > 0;
      // The cached routing decision: a health probe must not add a replica check of its own to every call.
      deps.readDb.current();
      const replica = deps.readDb.status();
      // All at once: on one connection, a probe sent after another would queue behind whatever arrived in between.
      const [database, checks, storage] = await Promise.all([
        databaseCheck(deps.database),
        deps.healthChecks.run({ databaseBusy }),
        storageHealth(deps.storage),
      ]);
      checks.database = database;
      const degraded =
        !storage.reachable ||
        replica.state === 'unreachable' ||
        replica.state === 'lagging' ||
        Object.values(checks).some((c) => c.status !== 'ok');
      return {
        status: degraded ? 'degraded' : 'ok',
        db: deps.database.kind,
        version: deps.version,
        storage,
        replica: {
          state: replica.state,
          lagSeconds: replica.lagSeconds,
          maxLagSeconds: replica.maxLagSeconds,
          checkedAt: replica.checkedAt?.toISOString() ?? null,
        },
        checks,
      };
    });
}
