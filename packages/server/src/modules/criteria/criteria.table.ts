import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/user.table.ts';

/**
 * Criteria sets an administrator imported (a new standard or a new version) and the retirement of shipped ones. The
 * library in force = the sets shipped in core, overridden by id by these rows, minus the retired.
 */
export const criteriaSets = pgTable('criteria_sets', {
  id: text('id').primaryKey(),
  /** The whole set in core's `criteriaSet` shape; null when the row only retires a shipped set. */
  data: jsonb('data'),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  retiredReason: text('retired_reason'),
  updatedBy: integer('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
