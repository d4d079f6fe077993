import type {
  CheckItemResult,
  CheckItemSource,
  CheckKind,
  CheckStatus,
  DrawInputs,
  DrawResult,
  DrawStatus,
  EnforcementPlanStatus,
  OrderStatus,
  PenaltyStatus,
  RecheckItemResult,
  SignerRole,
  TargetSource,
} from '@anzhi/core';
import { boolean, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';

/**
 * 执法检查 (issue 14). Every row that concerns a target carries the enforcing unit, the enterprise and the enterprise's
 * region (copied when the row is made, as hazards do), so data scope is a filter on the row itself
 * (db/data-scope.ts `enforcementScope`).
 */

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** 执法检查人员名录库: a unit's inspectors with their 执法证. An account is linked when the inspector has one. */
export const enforcementInspectors = pgTable(
  'enforcement_inspectors',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    userId: integer('user_id').references(() => users.id),
    name: text('name').notNull(),
    certificateNo: text('certificate_no').notNull(),
    certificateValidUntil: date('certificate_valid_until', { mode: 'string' }).notNull(),
    /** Home village or township (户籍/居住地) for recusal; null when not recorded. */
    homeRegionCode: text('home_region_code'),
    /** 执法门类 / 专业 (free text, e.g. 危化、工贸). */
    field: text('field'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex('enforcement_inspectors_cert_uq').on(t.certificateNo), index('enforcement_inspectors_unit_idx').on(t.unitId)],
);

/** 检查对象名录库: the enterprises a unit inspects — derived from the registry's supervising unit, editable. */
export const enforcementTargets = pgTable(
  'enforcement_targets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionCode: text('region_code').notNull(),
    source: text('source').$type<TargetSource>().notNull(),
    /** Taken out of the 名录库 by hand (kept so a re-derivation does not put it back). */
    excluded: boolean('excluded').notNull().default(false),
    excludedReason: text('excluded_reason'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('enforcement_targets_unit_enterprise_uq').on(t.unitId, t.enterpriseId),
    index('enforcement_targets_region_idx').on(t.regionCode.op('text_pattern_ops')),
  ],
);

/** 年度监督检查计划 of one unit and year. `capacity` holds what the proposal was computed from. */
export const enforcementPlans = pgTable(
  'enforcement_plans',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** The unit's region (for scope). */
    regionCode: text('region_code').notNull(),
    year: smallint('year').notNull(),
    status: text('status').$type<EnforcementPlanStatus>().notNull(),
    capacity: jsonb('capacity').$type<Record<string, unknown>>().notNull(),
    /** What the proposal had to leave out, and other notes of the proposal. */
    proposal: jsonb('proposal').$type<Record<string, unknown>>().notNull().default({}),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex('enforcement_plans_unit_year_uq').on(t.unitId, t.year)],
);

/** One target in a yearly plan: why it is there, how often, in which months. */
export const enforcementPlanItems = pgTable(
  'enforcement_plan_items',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => enforcementPlans.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind').$type<CheckKind>().notNull(),
    reasons: text('reasons').array().notNull().default([]),
    checksPerYear: smallint('checks_per_year').notNull(),
    /** Planned months (1–12), one per check; the monthly plan is these. */
    months: smallint('months').array().notNull().default([]),
    createdAt: created(),
  },
  (t) => [uniqueIndex('enforcement_plan_items_plan_enterprise_uq').on(t.planId, t.enterpriseId, t.kind)],
);

/** A change to an approved plan: who, when, why, what (audited as well). */
export const enforcementPlanAmendments = pgTable(
  'enforcement_plan_amendments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => enforcementPlans.id),
    reason: text('reason').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('enforcement_plan_amendments_plan_idx').on(t.planId)],
);

/**
 * A 双随机 draw. The seed is made and its hash shown when the draw is committed; the seed is never returned before
 * the draw is run (ADR 0022). `inputs` is the snapshot the result is a pure function of.
 */
export const enforcementDraws = pgTable(
  'enforcement_draws',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    status: text('status').$type<DrawStatus>().notNull(),
    seedHash: text('seed_hash').notNull(),
    seed: text('seed').notNull(),
    algorithm: text('algorithm').notNull(),
    inputs: jsonb('inputs').$type<DrawInputs>(),
    result: jsonb('result').$type<DrawResult>(),
    /** The plan the draw serves (its 一般检查), when there is one. */
    planId: integer('plan_id').references(() => enforcementPlans.id),
    committedBy: integer('committed_by').references(() => users.id),
    committedAt: timestamp('committed_at', { withTimezone: true }).notNull(),
    drawnBy: integer('drawn_by').references(() => users.id),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [index('enforcement_draws_unit_idx').on(t.unitId, t.id)],
);

export interface CheckSignature {
  role: SignerRole;
  name: string;
  inspectorId: number | null;
  /** The signature image (a file of owner type enforcementCheck). */
  fileId: number;
  /** SHA-256 of the record as signed: the signature is bound to that content. */
  recordHash: string;
  at: string;
}

/** One inspection of one enterprise by two or more inspectors (现场检查). */
export const enforcementChecks = pgTable(
  'enforcement_checks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** Human number, e.g. JC-2026-000123. */
    code: text('code').notNull().unique(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionCode: text('region_code').notNull(),
    industryCode: text('industry_code'),
    kind: text('kind').$type<CheckKind>().notNull(),
    status: text('status').$type<CheckStatus>().notNull(),
    drawId: integer('draw_id').references(() => enforcementDraws.id),
    planItemId: integer('plan_item_id').references(() => enforcementPlanItems.id),
    /** The day (or month's first day) it is planned for. */
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    inspectorIds: integer('inspector_ids').array().notNull(),
    place: text('place'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** 现场讲: the problems explained on site, and to whom. */
    explained: text('explained'),
    representativeName: text('representative_name'),
    /** Refusal to sign is recorded (安全生产法 第六十八条). */
    refusedToSign: text('refused_to_sign'),
    signatures: jsonb('signatures').$type<CheckSignature[]>().notNull().default([]),
    recordHash: text('record_hash'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('enforcement_checks_unit_idx').on(t.unitId, t.scheduledOn),
    index('enforcement_checks_enterprise_idx').on(t.enterpriseId, t.scheduledOn),
    index('enforcement_checks_region_idx').on(t.regionCode.op('text_pattern_ops'), t.scheduledOn),
    index('enforcement_checks_draw_idx').on(t.drawId),
  ],
);

/** One checklist line of a check: the criterion (or own item), its result, note, photos, and the hazard it became. */
export const enforcementCheckItems = pgTable(
  'enforcement_check_items',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    checkId: integer('check_id')
      .notNull()
      .references(() => enforcementChecks.id),
    seq: smallint('seq').notNull(),
    source: text('source').$type<CheckItemSource>().notNull(),
    criterionCode: text('criterion_code'),
    text: text('text').notNull(),
    /** A 重大事故隐患判定标准 item: a failure opens the major-hazard loop. */
    major: boolean('major').notNull().default(false),
    result: text('result').$type<CheckItemResult>(),
    note: text('note'),
    photoIds: integer('photo_ids').array().notNull().default([]),
    /** 现场交办 deadline for this item (the order's deadline unless set). */
    deadline: date('deadline', { mode: 'string' }),
    /** 现场验收: fixed on the spot and accepted with a photo. */
    fixedOnSpot: boolean('fixed_on_spot').notNull().default(false),
    fixPhotoIds: integer('fix_photo_ids').array().notNull().default([]),
    /** The hazard this failed item became (the same record in both modules, never a copy). */
    hazardId: integer('hazard_id').references(() => hazards.id),
  },
  (t) => [
    uniqueIndex('enforcement_check_items_check_seq_uq').on(t.checkId, t.seq),
    uniqueIndex('enforcement_check_items_hazard_uq').on(t.hazardId),
  ],
);

/** A change to a signed check: only with a reason, audited. */
export const enforcementCheckAmendments = pgTable(
  'enforcement_check_amendments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    checkId: integer('check_id')
      .notNull()
      .references(() => enforcementChecks.id),
    reason: text('reason').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('enforcement_check_amendments_check_idx').on(t.checkId)],
);

/** 逢查必考: one frontline worker's quiz during a check; counted per enterprise. */
export const enforcementQuizzes = pgTable(
  'enforcement_quizzes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    checkId: integer('check_id')
      .notNull()
      .references(() => enforcementChecks.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    workerName: text('worker_name').notNull(),
    workerPost: text('worker_post'),
    /** The questions asked (as they were), the answer given and whether it was right. */
    answers: jsonb('answers').$type<Array<{ questionId: string; question: string; given: string; correct: boolean }>>().notNull(),
    score: smallint('score').notNull(),
    maxScore: smallint('max_score').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('enforcement_quizzes_enterprise_idx').on(t.enterpriseId), index('enforcement_quizzes_check_idx').on(t.checkId)],
);

/** 责令限期整改指令书 (→ 整改复查意见书): the second and third steps of the 执法三部曲. */
export const enforcementOrders = pgTable(
  'enforcement_orders',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    checkId: integer('check_id')
      .notNull()
      .references(() => enforcementChecks.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionCode: text('region_code').notNull(),
    status: text('status').$type<OrderStatus>().notNull(),
    /** The check items ordered fixed. */
    itemIds: integer('item_ids').array().notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** The 复查 falls due this day (deadline + recheckDays, from the settings when issued). */
    recheckDueOn: date('recheck_due_on', { mode: 'string' }).notNull(),
    recheckedOn: date('rechecked_on', { mode: 'string' }),
    recheckResults: jsonb('recheck_results').$type<Array<{ itemId: number; result: RecheckItemResult; note: string | null }>>(),
    /** Why the 复查 was made before the deadline (required then). */
    earlyRecheckReason: text('early_recheck_reason'),
    issuedBy: integer('issued_by').references(() => users.id),
    recheckedBy: integer('rechecked_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('enforcement_orders_check_uq').on(t.checkId),
    index('enforcement_orders_due_idx').on(t.recheckDueOn, t.status),
    index('enforcement_orders_unit_idx').on(t.unitId),
  ],
);

/**
 * A numbered document issued for a record (e.g. `示例应急责改〔2026〕12号`): numbered per unit, kind and year through
 * document_sequences (issuer `enforcement:<unitId>:<kind>`), allocated once and kept.
 */
export const enforcementDocuments = pgTable(
  'enforcement_documents',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    /** The record it is about: a check, an order or a penalty case. */
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    year: smallint('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: integer('issued_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('enforcement_documents_entity_uq').on(t.kind, t.entityType, t.entityId),
    uniqueIndex('enforcement_documents_number_uq').on(t.unitId, t.kind, t.year, t.seq),
  ],
);

/** 行政处罚案件. Amounts in 元 (two decimals). */
export const enforcementPenalties = pgTable(
  'enforcement_penalties',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionCode: text('region_code').notNull(),
    checkId: integer('check_id').references(() => enforcementChecks.id),
    orderId: integer('order_id').references(() => enforcementOrders.id),
    hazardId: integer('hazard_id').references(() => hazards.id),
    status: text('status').$type<PenaltyStatus>().notNull(),
    /** Articles from core's versioned 安全生产法 list (e.g. `aqsf-2021:102`). */
    legalBasis: text('legal_basis').array().notNull(),
    facts: text('facts').notNull(),
    amount: numeric('amount', { precision: 12, scale: 2, mode: 'number' }),
    decisionNo: text('decision_no'),
    /** The case concerns a 重大事故隐患 (第一百一十三条 counts these). */
    majorHazard: boolean('major_hazard').notNull().default(false),
    /** 一案双查: the officials' duty is inquired into too. */
    dualInquiry: boolean('dual_inquiry').notNull().default(false),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    /** Why the case was withdrawn (撤销立案). */
    withdrawnReason: text('withdrawn_reason'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('enforcement_penalties_unit_idx').on(t.unitId, t.decidedOn),
    index('enforcement_penalties_enterprise_idx').on(t.enterpriseId, t.decidedOn),
    // The statistics ask whether a case was filed on a check, an order or a hazard (立案率, 只检查不处罚).
    index('enforcement_penalties_check_idx').on(t.checkId),
    index('enforcement_penalties_order_idx').on(t.orderId),
    index('enforcement_penalties_hazard_idx').on(t.hazardId),
  ],
);

/** A unit's own checklist items (自定检查项), added after the mandatory criteria of a check; edited by the unit. */
export const enforcementChecklists = pgTable('enforcement_checklists', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  items: text('items').array().notNull().default([]),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: updated(),
});

/** The sweep's 复查 reminders and overdue marks: one per order and kind, so a second run is a no-op. */
export const enforcementOrderAlerts = pgTable(
  'enforcement_order_alerts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orderId: integer('order_id')
      .notNull()
      .references(() => enforcementOrders.id),
    kind: text('kind').$type<'recheckDue' | 'recheckOverdue'>().notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('enforcement_order_alerts_order_kind_uq').on(t.orderId, t.kind)],
);
