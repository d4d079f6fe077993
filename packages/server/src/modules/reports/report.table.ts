import type {
  AccidentGrade,
  ReportChannel,
  ReportEventKind,
  ReportMatter,
  ReportMessageKind,
  ReportSource,
  ReportStatus,
  RewardStatus,
} from '@anzhi/core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { enforcementChecks, enforcementPenalties } from '../enforcement/enforcement.table.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';

/**
 * 举报 (issue 15). A report carries its region (the enterprise's, or the village the reporter chose) and the unit it
 * is assigned to, so data scope is a filter on the row (db/data-scope.ts `reportScope`). The reporter's name and
 * phone are SM4 ciphertext (lib/identity-cipher.ts); the key is outside the database.
 */

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    trackingCode: text('tracking_code').notNull(),
    /** HMAC of the reporter's secret (lib/identity-cipher.ts `secretDigest`); the secret itself is never stored. */
    secretHash: text('secret_hash').notNull(),
    channel: text('channel').$type<ReportChannel>().notNull(),
    source: text('source').$type<ReportSource>().notNull(),
    /** What the reporter says it is; the office corrects it when accepting. */
    matter: text('matter').$type<ReportMatter>(),
    description: text('description').notNull(),
    place: text('place'),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    /** The name as the reporter gave it when the enterprise was not found in the registry. */
    enterpriseName: text('enterprise_name'),
    regionCode: text('region_code').notNull(),
    industryCode: text('industry_code'),
    domains: text('domains').array().notNull().default([]),
    /** The unit that verifies it (三管三必须: the enterprise's supervising unit unless the office chooses another). */
    assignedUnitId: integer('assigned_unit_id').references(() => units.id),
    status: text('status').$type<ReportStatus>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    /** Verification deadline: core `reportDueOn(acceptedOn, extendedDays)`, stored when accepted or extended. */
    dueOn: date('due_on', { mode: 'string' }),
    extendedDays: integer('extended_days').notNull().default(0),
    extensionReason: text('extension_reason'),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** The handler's own findings: never shown to the reporter. */
    outcomeNote: text('outcome_note'),
    /** When the reporter was told the outcome (a `feedback` message). */
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    /** The earlier report of the same matter this one was linked to (合并办理); null for the first. */
    duplicateOfId: integer('duplicate_of_id').references((): AnyPgColumn => reports.id),
    /** The hazard the report became, or the existing hazard it confirmed (one hazard with its provenance). */
    hazardId: integer('hazard_id').references(() => hazards.id),
    enforcementCheckId: integer('enforcement_check_id').references(() => enforcementChecks.id),
    enforcementPenaltyId: integer('enforcement_penalty_id').references(() => enforcementPenalties.id),
    /** 瞒报/谎报: verified concealed deaths and the accident's final grade (the reward is per death by grade). */
    concealedDeaths: integer('concealed_deaths'),
    accidentGrade: text('accident_grade').$type<AccidentGrade>(),
    /** SM4 ciphertext (hex, with its IV) or null when not given. */
    reporterNameEnc: text('reporter_name_enc'),
    reporterPhoneEnc: text('reporter_phone_enc'),
    /** 实名: a name or phone was given (readable without the key, for statistics and reward eligibility). */
    named: boolean('named').notNull().default(false),
    /** Keyed hashes of the network address and device (rate limits, duplicate hints); never the raw values. */
    addressHash: text('address_hash'),
    deviceHash: text('device_hash'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('reports_tracking_code_uq').on(t.trackingCode),
    index('reports_status_region_idx').on(t.status, t.regionCode.op('text_pattern_ops')),
    index('reports_unit_idx').on(t.assignedUnitId, t.status),
    index('reports_enterprise_idx').on(t.enterpriseId, t.receivedAt),
    index('reports_region_received_idx').on(t.regionCode.op('text_pattern_ops'), t.receivedAt),
    index('reports_duplicate_of_idx').on(t.duplicateOfId),
    index('reports_hazard_idx').on(t.hazardId),
  ],
);

/** What the office and the reporter say to each other; the reporter reads all of these with the tracking code. */
export const reportMessages = pgTable(
  'report_messages',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    kind: text('kind').$type<ReportMessageKind>().notNull(),
    body: text('body').notNull(),
    fromReporter: boolean('from_reporter').notNull().default(false),
    authorId: integer('author_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_messages_report_idx').on(t.reportId, t.at)],
);

/** The internal timeline: who did what. Never shown to the reporter or the enterprise. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    kind: text('kind').$type<ReportEventKind>().notNull(),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.at)],
);

/** The reward of a founded report: computed by core from the verified case, approved by a person, paid or lapsed. */
export const reportRewards = pgTable(
  'report_rewards',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    /** Copied from the report for scope and statistics. */
    regionCode: text('region_code').notNull(),
    status: text('status').$type<RewardStatus>().notNull(),
    /** The rule applied and its inputs, as core `computeReward` returned them (shown beside the amount). */
    rule: text('rule').notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    computedAmount: numeric('computed_amount', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    /** What the approver granted (equal to the computed amount unless they say why). */
    amount: numeric('amount', { precision: 12, scale: 2, mode: 'number' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    proposedBy: integer('proposed_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => users.id),
    decisionNote: text('decision_note'),
    /** The day the reporter was told to claim it; the claim window runs from here. */
    notifiedOn: date('notified_on', { mode: 'string' }),
    claimDueOn: date('claim_due_on', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    paidBy: integer('paid_by').references(() => users.id),
    paymentRef: text('payment_ref'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex('report_rewards_report_uq').on(t.reportId), index('report_rewards_status_idx').on(t.status, t.regionCode)],
);

/**
 * Rate-limit events of the public form and the tracking lookup: one row per submission or wrong secret, keyed by a
 * hash of the address, device or tracking code. The sweep deletes rows older than two days.
 */
export const reportThrottle = pgTable(
  'report_throttle',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    bucket: text('bucket').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_throttle_bucket_idx').on(t.bucket, t.at)],
);

/** Reminders and overdue marks the sweep has sent, once per report and kind. */
export const reportAlerts = pgTable(
  'report_alerts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('report_alerts_uq').on(t.reportId, t.kind)],
);
