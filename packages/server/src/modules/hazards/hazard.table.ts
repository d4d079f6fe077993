import type { HazardChannel, HazardGrade, HazardStatus } from '@anzhi/core';
import {
  awaitingActionStatuses,
  clearedHazardStatuses,
  type HazardEvaluation,
  type HazardPendingExtension,
  type HazardPlanRecord,
  type HazardResumeApplication,
  type HazardReview,
  openHazardStatuses,
} from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { literalList } from '../../lib/sql-array.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';

/**
 * One hazard. Region, industry, domains and the responsible unit are copied from the enterprise when the hazard is
 * found: the ledger and its statistics filter a million rows by them without a join, and a hazard keeps the
 * classification it had when it was found.
 */
export const hazards = pgTable(
  'hazards',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** Human number, e.g. YH-2026-000123, printed on documents. */
    code: text('code').notNull().unique(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    regionCode: text('region_code').notNull(),
    industryCode: text('industry_code'),
    domains: text('domains').array().notNull().default([]),
    supervisingUnitId: integer('supervising_unit_id').references(() => units.id),
    channel: text('channel').$type<HazardChannel>().notNull(),
    grade: text('grade').$type<HazardGrade>().notNull(),
    category: text('category').notNull(),
    status: text('status').$type<HazardStatus>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    location: text('location'),
    /** 16号令 第十四条第二款: a major hazard's report (现状及其产生原因, 危害程度, 整改难易程度). */
    cause: text('cause'),
    harm: text('harm'),
    difficulty: text('difficulty'),
    criteriaCodes: text('criteria_codes').array().notNull().default([]),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    foundBy: integer('found_by')
      .notNull()
      .references(() => users.id),
    finderUnitId: integer('finder_unit_id').references(() => units.id),
    deadline: date('deadline', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    supervisionLevel: text('supervision_level'),
    escalationStep: text('escalation_step'),
    plan: jsonb('plan').$type<HazardPlanRecord>(),
    pendingExtension: jsonb('pending_extension').$type<HazardPendingExtension>(),
    /** 16号令 第十八条: the evaluation, the application to resume production, the on-site review (latest of each). */
    evaluation: jsonb('evaluation').$type<HazardEvaluation>(),
    resumeApplication: jsonb('resume_application').$type<HazardResumeApplication>(),
    review: jsonb('review').$type<HazardReview>(),
    checkerId: integer('checker_id').references(() => users.id),
    accepterId: integer('accepter_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The ledger's default order and keyset cursor is hazards_found_cover_idx (migration 0010, with INCLUDE columns);
    // by village; by enterprise.
    index('hazards_region_found_idx').on(t.regionCode.op('text_pattern_ops'), t.foundOn.desc(), t.id.desc()),
    index('hazards_enterprise_found_idx').on(t.enterpriseId, t.foundOn.desc(), t.id.desc()),
    // Covering index for counts and statistics: the ledger total and every group-by read the index alone.
    index('hazards_stats_idx').on(t.status, t.regionCode.op('text_pattern_ops'), t.grade, t.channel, t.industryCode, t.supervisingUnitId),
    index('hazards_unit_idx').on(t.supervisingUnitId, t.status),
    // The sweep and the overdue filter read only hazards awaiting action (core's set), by deadline.
    index('hazards_open_deadline_idx')
      .on(t.deadline, t.regionCode.op('text_pattern_ops'))
      .where(sql.raw(`status IN ${literalList(awaitingActionStatuses)}`)),
    // 本月销号 on the dashboard and closedFrom/closedTo in the ledger: the cleared hazards (core's set) by the day they
    // ended, read from the index alone (ADR 0020).
    index('hazards_cleared_closed_idx')
      .on(t.closedOn, t.regionCode.op('text_pattern_ops'))
      .where(sql.raw(`status IN ${literalList(clearedHazardStatuses)}`)),
    // Ledger text search: every bigram of code, title and description (anzhi_text_bigrams, migration 0023, the SQL
    // twin of core's textBigrams), so a term's rows are an index lookup (ADR 0020). Nothing is stored in the row.
    index('hazards_search_grams_idx').using('gin', sql`array_to_tsvector(anzhi_text_bigrams(${t.code}, ${t.title}, ${t.description}))`),
    // Every open hazard is on a clock (core's hazardClockProblem): one without a deadline is never due or escalated.
    check('hazards_open_has_deadline', sql.raw(`deadline IS NOT NULL OR status NOT IN ${literalList(openHazardStatuses)}`)),
  ],
);

/** The timeline: every step, who took it, what they saw and said. Never updated. */
export const hazardEvents = pgTable(
  'hazard_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    hazardId: integer('hazard_id')
      .notNull()
      .references(() => hazards.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
    data: jsonb('data').notNull().default({}),
    fileIds: integer('file_ids').array().notNull().default([]),
  },
  (t) => [index('hazard_events_hazard_idx').on(t.hazardId, t.id)],
);

/** 函告 → 通报 → 约谈 → 曝光: one row per hazard and step, so a second sweep creates nothing. */
export const hazardEscalations = pgTable(
  'hazard_escalations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    hazardId: integer('hazard_id')
      .notNull()
      .references(() => hazards.id),
    step: text('step').notNull(),
    /** The deadline that was missed: an extension starts a new ladder. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The 发文字号 given when the letter is first issued; kept, so every later copy shows the same number. */
    docNumber: text('doc_number'),
    /** The issuing office (its township's region code), the year and the place in that office's yearly sequence. */
    docIssuer: text('doc_issuer'),
    docYear: integer('doc_year'),
    docSeq: integer('doc_seq'),
  },
  (t) => [
    uniqueIndex('hazard_escalations_uq').on(t.hazardId, t.deadline, t.step),
    uniqueIndex('hazard_escalations_doc_uq').on(t.docIssuer, t.docYear, t.docSeq),
  ],
);

/** The yearly 发文 sequence of each issuing office: one row per office and year, bumped atomically. */
export const documentSequences = pgTable(
  'document_sequences',
  {
    issuer: text('issuer').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.year] })],
);

/** Due-soon reminders and overdue marks, one per hazard, kind and deadline. */
export const hazardAlerts = pgTable(
  'hazard_alerts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    hazardId: integer('hazard_id')
      .notNull()
      .references(() => hazards.id),
    kind: text('kind').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('hazard_alerts_uq').on(t.hazardId, t.kind, t.deadline)],
);

/** 举一反三: a check of the same criterion at every similar enterprise ("检查一家、提升一片"). */
export const hazardCheckRequests = pgTable(
  'hazard_check_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    sourceHazardId: integer('source_hazard_id')
      .notNull()
      .references(() => hazards.id),
    criterionCode: text('criterion_code').notNull(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull().default('open'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    answer: text('answer'),
    resultHazardId: integer('result_hazard_id').references(() => hazards.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('hazard_check_requests_uq').on(t.sourceHazardId, t.criterionCode, t.enterpriseId)],
);

/** An enterprise's periodic hazard report (季报/年报), generated from the records and signed by its principal. */
export const hazardReports = pgTable(
  'hazard_reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    period: text('period').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    figures: jsonb('figures').notNull(),
    signedBy: integer('signed_by').references(() => users.id),
    signerName: text('signer_name'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('hazard_reports_uq').on(t.enterpriseId, t.period)],
);
