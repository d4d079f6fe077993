import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { files } from './file.table.ts';

export type FileRow = typeof files.$inferSelect;
export type NewFileRow = typeof files.$inferInsert;

export const fileRepo = {
  async insert(ex: Executor, values: NewFileRow): Promise<FileRow> {
    const [row] = await ex.insert(files).values(values).returning();
    return row as FileRow;
  },

  async findById(ex: Executor, id: number): Promise<FileRow | undefined> {
    const [row] = await ex.select().from(files).where(eq(files.id, id)).limit(1);
    return row;
  },

  /** The rows, locked until the transaction ends so two requests cannot attach one file to two owners. */
  async lockByIds(ex: Executor, ids: number[]): Promise<FileRow[]> {
    if (ids.length === 0) return [];
    return ex.select().from(files).where(inArray(files.id, ids)).orderBy(asc(files.id)).for('update');
  },

  async setOwner(ex: Executor, ids: number[], ownerType: string, ownerId: number): Promise<void> {
    if (ids.length === 0) return;
    await ex.update(files).set({ ownerType, ownerId }).where(inArray(files.id, ids));
  },

  /** Every stored key with what the row knows of its bytes (a thumbnail's size and checksum are not recorded). */
  async listStoredKeys(ex: Executor): Promise<Array<Pick<FileRow, 'key' | 'thumbKey' | 'size' | 'sha256'>>> {
    return ex
      .select({ key: files.key, thumbKey: files.thumbKey, size: files.size, sha256: files.sha256 })
      .from(files)
      .orderBy(asc(files.id));
  },

  async listByOwner(ex: Executor, ownerType: string, ownerId: number): Promise<FileRow[]> {
    return ex
      .select()
      .from(files)
      .where(and(eq(files.ownerType, ownerType), eq(files.ownerId, ownerId)))
      .orderBy(asc(files.id));
  },
};
