import type {
  CampaignChecklistItem,
  CampaignItemResult,
  CampaignScope,
  CampaignStatus,
  LedgerObjectStatus,
  ObjectAnchor,
  ObjectFieldDef,
  RoundStatus,
} from '@anzhi/core';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { planTasks } from '../plans/plan.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';

/**
 * 专项台账 and 专项整治 (issue 17). Object types are the installation's dictionary (the administrator's, like the
 * criteria library); objects lie in a region (a village, or their enterprise's region) and are scoped by it;
 * campaigns belong to a township and are read by its villages and units (ancestors); checks and their hazard links
 * carry the checked object's region.
 */

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const ledgerObjectTypes = pgTable('ledger_object_types', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  anchor: text('anchor').$type<ObjectAnchor>().notNull(),
  counter: text('counter').notNull(),
  /** The field list (a zod schema kept as data: core objectDataSchema). */
  fields: jsonb('fields').$type<ObjectFieldDef[]>().notNull(),
  checklist: jsonb('checklist').$type<string[]>().notNull().default([]),
  /** Shipped with AnZhi (core defaultObjectTypes): can be restored to the shipped fields and checklist. */
  builtin: boolean('builtin').notNull().default(false),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: created(),
  updatedAt: updated(),
});

export const ledgerObjects = pgTable(
  'ledger_objects',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    typeId: integer('type_id')
      .notNull()
      .references(() => ledgerObjectTypes.id),
    /** The QR label's code (core labelCodeOf). */
    labelCode: text('label_code').notNull().unique(),
    name: text('name').notNull(),
    /** Name compared for duplicates: no spaces, half-width. */
    nameKey: text('name_key').notNull(),
    regionCode: text('region_code').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    address: text('address'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<LedgerObjectStatus>().notNull().default('active'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedReason: text('removed_reason'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    // One object of a name per type, enterprise and place: a second registration or import row is the same object.
    unique('ledger_objects_name_uq').on(t.typeId, t.enterpriseId, t.regionCode, t.nameKey).nullsNotDistinct(),
    index('ledger_objects_type_region_idx').on(t.typeId, t.regionCode.op('text_pattern_ops')),
    index('ledger_objects_enterprise_idx').on(t.enterpriseId),
  ],
);

export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** The township running it. */
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    basis: text('basis').notNull().default(''),
    planTaskId: integer('plan_task_id').references(() => planTasks.id),
    planTargetMetric: text('plan_target_metric'),
    scope: jsonb('scope').$type<CampaignScope>().notNull(),
    checklist: jsonb('checklist').$type<CampaignChecklistItem[]>().notNull(),
    unitIds: integer('unit_ids').array().notNull().default([]),
    status: text('status').$type<CampaignStatus>().notNull().default('draft'),
    createdBy: integer('created_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('campaigns_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
    index('campaigns_plan_task_idx').on(t.planTaskId),
  ],
);

export const campaignRounds = pgTable(
  'campaign_rounds',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<RoundStatus>().notNull().default('planned'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    openedBy: integer('opened_by').references(() => users.id),
    /** China date of the close (core roundWindow counts up to it). */
    closedOn: date('closed_on', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: integer('closed_by').references(() => users.id),
    earlyReason: text('early_reason'),
    closeNote: text('close_note'),
  },
  (t) => [uniqueIndex('campaign_rounds_ordinal_uq').on(t.campaignId, t.ordinal)],
);

export interface CampaignCheckItemRow {
  key: string;
  text: string;
  result: CampaignItemResult;
  note: string | null;
  hazardId: number | null;
  fileIds: number[];
}

export const campaignChecks = pgTable(
  'campaign_checks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    roundId: integer('round_id')
      .notNull()
      .references(() => campaignRounds.id),
    objectId: integer('object_id').references(() => ledgerObjects.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    /** The checked object's region (its village, or its enterprise's). */
    regionCode: text('region_code').notNull(),
    clientId: uuid('client_id').notNull().unique(),
    checkedBy: integer('checked_by')
      .notNull()
      .references(() => users.id),
    checkerUnitId: integer('checker_unit_id').references(() => units.id),
    /** Device time of the check. */
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    items: jsonb('items').$type<CampaignCheckItemRow[]>().notNull(),
    failed: integer('failed').notNull().default(0),
    note: text('note'),
    createdAt: created(),
  },
  (t) => [
    check('campaign_checks_one_target', sql`(${t.objectId} IS NULL) <> (${t.enterpriseId} IS NULL)`),
    uniqueIndex('campaign_checks_round_object_uq').on(t.roundId, t.objectId).where(sql`${t.objectId} IS NOT NULL`),
    uniqueIndex('campaign_checks_round_enterprise_uq').on(t.roundId, t.enterpriseId).where(sql`${t.enterpriseId} IS NOT NULL`),
    index('campaign_checks_campaign_idx').on(t.campaignId, t.roundId),
  ],
);

/** The hazards a campaign's failed items became (one per item): 销号 counts join here. */
export const campaignHazards = pgTable(
  'campaign_hazards',
  {
    hazardId: integer('hazard_id')
      .notNull()
      .references(() => hazards.id),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    roundId: integer('round_id')
      .notNull()
      .references(() => campaignRounds.id),
    checkId: integer('check_id')
      .notNull()
      .references(() => campaignChecks.id),
    itemKey: text('item_key').notNull(),
    objectId: integer('object_id').references(() => ledgerObjects.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hazardId] }), index('campaign_hazards_campaign_idx').on(t.campaignId, t.roundId)],
);
