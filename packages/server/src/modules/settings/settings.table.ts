import { integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../users/user.table.ts';

/**
 * A township's value of one settings fragment (core's settings registry). `value` null means "back to the default":
 * the row stays, so the version keeps counting up and a form loaded before a reset cannot overwrite after it.
 */
export const settings = pgTable(
  'settings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** The township's 12-digit region code. */
    regionCode: text('region_code').notNull(),
    /** The fragment key (hazardTime, planTracking …). */
    key: text('key').notNull(),
    value: jsonb('value').$type<Record<string, unknown>>(),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('settings_region_key_uq').on(t.regionCode, t.key)],
);
