import path from 'node:path';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from './client.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else the embedded one, locked to this process.
 * If the embedded database's thread dies, this process ends with code 1: nothing works without it, and the
 * supervisor (or systemd) starts a fresh process, which reopens the folder (ADR 0021).
 */
export async function openConfiguredDatabase(
  config: Config,
  onLost: (error: Error) => void = exitOnLost,
): Promise<Database & { lock?: DataDirLock }> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  const lock = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({
      pgliteDir: path.join(config.dataDir, 'pgdata'),
      onLost: (e) => {
        lock.release();
        onLost(e);
      },
    });
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

function exitOnLost(error: Error): never {
  console.error(`内嵌数据库线程已终止，服务进程退出以便重启：${error.message}`);
  process.exit(1);
}
