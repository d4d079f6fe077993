import { health } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Database, sql } from '../../db/client.ts';
import { type Storage, storageHealth } from '../../lib/storage.ts';

export async function registerHealthModule(app: FastifyInstance, deps: { database: Database; storage: Storage; version: string }) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/health', { schema: { tags: ['系统'], summary: '健康检查', response: { 200: health } } }, async () => {
      await deps.database.rows(sql`SELECT 1`);
      return { status: 'ok' as const, db: deps.database.kind, version: deps.version, storage: await storageHealth(deps.storage) };
    });
}
