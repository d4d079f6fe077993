import type {
  PlanDateRef,
  PlanDraftNode,
  PlanFigure,
  PlanMilestone,
  PlanReportFiling,
  PlanReportStatus,
  PlanSettings,
  PlanStatus,
  PlanTarget,
  PlanTaskSource,
} from '@anzhi/core';
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';

/** An action plan (实施方案 / 工作方案 / 工作要点) of one township: a draft under review, then published and tracked. */
export const plans = pgTable(
  'plans',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** The township that owns the plan; its units and villages are the assignees. */
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer'),
    issueDate: date('issue_date', { mode: 'string' }),
    docNumber: text('doc_number'),
    periodStart: integer('period_start'),
    periodEnd: integer('period_end'),
    status: text('status').$type<PlanStatus>().notNull().default('draft'),
    sourceFileName: text('source_file_name'),
    /** The document's text, shown beside the tree on the review screen. */
    rawText: text('raw_text').notNull().default(''),
    /** What the parser could not read or had to guess (a run-on copy split, a table whose cells ran together). */
    parseNotes: text('parse_notes').array().notNull().default([]),
    /**
     * The values set on this plan only (report day, reminder days, 五色图 scoring); the rest follows the township's
     * settings (settings store) — core's planSettingsOf lays these over them.
     */
    settings: jsonb('settings').$type<Partial<PlanSettings>>().notNull().default({}),
    /**
     * 基准日期: the day the township started tracking this plan (an imported older plan): deadlines before it are history,
     * not overdue (core isDeadlineOverdue).
     */
    baselineDate: date('baseline_date', { mode: 'string' }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    publishedBy: integer('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('plans_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status)],
);

/**
 * The plan tree: group nodes (the headings: 行动 / 一级指标) and tasks. Unit names stay as printed; the ids follow the
 * plan's unit mappings unless someone set them by hand (`unitsEdited`). A task removed by a re-import keeps its
 * reports and gets `removedAt`.
 */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnyPgColumn => planTasks.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<PlanDraftNode['kind']>().notNull(),
    path: text('path').array().notNull().default([]),
    ordinal: text('ordinal').notNull().default(''),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    depth: integer('depth').notNull().default(0),
    sortOrder: integer('sort_order').notNull(),
    leadUnitNames: text('lead_unit_names').array().notNull().default([]),
    coUnitNames: text('co_unit_names').array().notNull().default([]),
    leadUnitIds: integer('lead_unit_ids').array().notNull().default([]),
    coUnitIds: integer('co_unit_ids').array().notNull().default([]),
    /** 各村（社区） among the lead / co-operating units: every village of the township is an assignee. */
    leadVillages: boolean('lead_villages').notNull().default(false),
    coVillages: boolean('co_villages').notNull().default(false),
    unitsEdited: boolean('units_edited').notNull().default(false),
    people: text('people').array().notNull().default([]),
    leaders: text('leaders').array().notNull().default([]),
    deadlines: jsonb('deadlines').$type<PlanDateRef[]>().notNull().default([]),
    /** The deadline dates alone, for SQL (timeline, sweep). */
    deadlineDates: date('deadline_dates', { mode: 'string' }).array().notNull().default([]),
    recurrence: text('recurrence').array().notNull().default([]),
    milestones: jsonb('milestones').$type<PlanMilestone[]>().notNull().default([]),
    targets: jsonb('targets').$type<PlanTarget[]>().notNull().default([]),
    /** The table row the task was read from (a task table, or the 分工表 row that gave its units and dates). */
    source: jsonb('source').$type<PlanTaskSource>(),
    /** Already completed when the plan was imported (the clerk's note of it): done, never overdue, owes no reports. */
    completedOn: date('completed_on', { mode: 'string' }),
    completedNote: text('completed_note').notNull().default(''),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('plan_tasks_plan_idx').on(t.planId, t.sortOrder),
    // "The tasks this unit leads or shares": array containment served by GIN.
    index('plan_tasks_lead_units_idx').using('gin', t.leadUnitIds),
    index('plan_tasks_co_units_idx').using('gin', t.coUnitIds),
  ],
);

/** A unit name as one plan prints it → the unit it stands for (or every village, or nothing to track). */
export const planUnitMappings = pgTable(
  'plan_unit_mappings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    villages: boolean('villages').notNull().default(false),
    ignored: boolean('ignored').notNull().default(false),
    /** Confirmed by a person, or a sure match; publishing needs every name decided. */
    decided: boolean('decided').notNull().default(false),
  },
  (t) => [uniqueIndex('plan_unit_mappings_uq').on(t.planId, t.name)],
);

/**
 * One assignee's monthly report on one task (月调度). The assignee is a unit or a village; `assigneeKey`
 * ('unit:12' / 'village:339901100201') carries the uniqueness of (task, assignee, period).
 */
export const planReports = pgTable(
  'plan_reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    taskId: integer('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    assigneeKey: text('assignee_key').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    villageCode: text('village_code'),
    period: text('period').notNull(),
    status: text('status').$type<PlanReportStatus>().notNull(),
    summary: text('summary').notNull().default(''),
    problems: text('problems').notNull().default(''),
    figures: jsonb('figures').$type<PlanFigure[]>().notNull().default([]),
    fileIds: integer('file_ids').array().notNull().default([]),
    reportedBy: integer('reported_by')
      .notNull()
      .references(() => users.id),
    reportedByName: text('reported_by_name').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /** Sent after the period's report day (the first time; corrections keep it). */
    late: boolean('late').notNull().default(false),
    /** filed / noChange (本月无新进展, confirmed); untouched only for rows saved blank before issue 10 (not counted). */
    filing: text('filing').$type<PlanReportFiling>().notNull().default('filed'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('plan_reports_uq').on(t.taskId, t.assigneeKey, t.period),
    index('plan_reports_plan_idx').on(t.planId, t.period),
    index('plan_reports_assignee_idx').on(t.assigneeKey, t.period),
  ],
);

/** Dispatch reminders and overdue marks: one per plan, kind, assignee and period, so a second sweep adds nothing. */
export const planAlerts = pgTable(
  'plan_alerts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    assigneeKey: text('assignee_key').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    villageCode: text('village_code'),
    period: text('period').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Tasks without a report when the alert was made. */
    openTasks: integer('open_tasks').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('plan_alerts_uq').on(t.planId, t.kind, t.assigneeKey, t.period)],
);
