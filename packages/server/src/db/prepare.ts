import { enterpriseRepo } from '../modules/enterprises/enterprise.repo.ts';
import { type Database, runMigrations } from './client.ts';

/** Migrations, then derived columns whose recipe changed since they were written (e.g. filter tokens, ADR 0007). */
export async function prepareDatabase(database: Database): Promise<void> {
  await runMigrations(database);
  await enterpriseRepo.syncStaleDerived(database.db);
}
