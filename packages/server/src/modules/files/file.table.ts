import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/user.table.ts';

/**
 * Uploaded files (photos, evidence). Bytes live in storage under `key`; the row keeps what the server checked. A file
 * is attached to one owner (e.g. a hazard); until then only its uploader may read it.
 */
export const files = pgTable(
  'files',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    key: text('key').notNull().unique(),
    thumbKey: text('thumb_key'),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    originalName: text('original_name'),
    ownerType: text('owner_type'),
    ownerId: integer('owner_id'),
    /** Null for a file that came without an account (a public report's photo, stored straight onto its report). */
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('files_owner_idx').on(t.ownerType, t.ownerId)],
);
