import type { UnitKind } from '@anzhi/core';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { regions } from '../regions/region.table.ts';

export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    aliases: text('aliases').array().notNull().default([]),
    kind: text('kind').$type<UnitKind>().notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    industries: text('industries').array().notNull().default([]),
    supervisedRegionCodes: text('supervised_region_codes').array().notNull().default([]),
    phone: text('phone'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_region_name_uq').on(t.regionCode, t.name), index('units_region_idx').on(t.regionCode)],
);
