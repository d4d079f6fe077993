import path from 'node:path';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from './client.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else the embedded one, locked to this process. */
export async function openConfiguredDatabase(config: Config): Promise<Database & { lock?: DataDirLock }> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  const lock = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ pgliteDir: path.join(config.dataDir, 'pgdata') });
    return {
      ...database,
      lock,
      close: async () => {
        await database.close();
        lock.release();
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}
