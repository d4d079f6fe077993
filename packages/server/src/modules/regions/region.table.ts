import type { RegionLevel } from '@anzhi/core';
import { type AnyPgColumn, boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').$type<RegionLevel>().notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
    abolished: boolean('abolished').notNull().default(false),
    /** A township's 发文机关代字 (e.g. 示例镇安委办) for the letters its safety office issues; null: from the name. */
    docPrefix: text('doc_prefix'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
