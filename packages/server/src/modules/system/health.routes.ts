import { type Health, health } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Database, sql } from '../../db/client.ts';
import type { ReadDb } from '../../db/read-replica.ts';
import type { HealthChecks } from '../../lib/health-checks.ts';
import { type Storage, storageHealth } from '../../lib/storage.ts';

export async function registerHealthModule(
  app: FastifyInstance,
  deps: { database: Database; readDb: ReadDb; healthChecks: HealthChecks; storage: Storage; version: string },
) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/health', { schema: { tags: ['系统'], summary: '健康检查', response: { 200: health } } }, async (): Promise<Health> => {
      await deps.database.rows(sql`SELECT 1`);
      // The cached routing decision: a health probe must not add a replica check of its own to every call.
      deps.readDb.current();
      const replica = deps.readDb.status();
      const [checks, storage] = await Promise.all([deps.healthChecks.run(), storageHealth(deps.storage)]);
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
