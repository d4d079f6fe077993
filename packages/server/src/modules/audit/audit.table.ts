import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** Append-only (a trigger refuses UPDATE and DELETE) and hash-chained with SM3; see audit.service.ts. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    // No foreign key: the trail must outlive whatever it talks about.
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name'),
    actorRoles: text('actor_roles').array().notNull().default([]),
    ip: text('ip'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_idx').on(t.actorUserId),
  ],
);

/**
 * The chain's head (event count, last id, last hash), one row updated in the transaction of every audit write. The
 * chain alone cannot show that its newest events were deleted; the head can. An intruder with SQL access can rewrite
 * this row too, so the same head also goes into every backup's header and into the log (see audit-head.ts).
 */
export const auditAnchor = pgTable(
  'audit_anchor',
  {
    id: smallint('id').primaryKey().default(1),
    count: bigint('count', { mode: 'number' }).notNull(),
    lastId: bigint('last_id', { mode: 'number' }).notNull(),
    lastHash: text('last_hash').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('audit_anchor_one_row', sql`${t.id} = 1`)],
);
