import { z } from 'zod';

/** One paragraph as a document reader sees it; a .docx reader passes structure, a text reader only `text`. */
export const planParagraph = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  headingLevel: z.number().int().min(1).max(9).optional(),
  /** Rows of cells; a merged cell repeats nothing: its continuation cells are ''. */
  table: z.array(z.array(z.string())).optional(),
  /** Same shape as `table`: true where a cell continues the one above (a vertical merge, 合并单元格), from .docx. */
  mergedDown: z.array(z.array(z.boolean())).optional(),
});
export type PlanParagraph = z.infer<typeof planParagraph>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A "by then" or "from then on" date: `raw` is the shortest printed phrase that carries it. */
export const planDateRef = z.object({
  raw: z.string(),
  date: isoDate,
  /** 'table' when the item comes only from a responsibility table, not from the body text. */
  src: z.literal('table').optional(),
});
export type PlanDateRef = z.infer<typeof planDateRef>;

/** A year-led statement: `2024年，建立…` or `2025—2026年，…`. */
export const planMilestone = z.object({
  year: z.number().int(),
  yearEnd: z.number().int().optional(),
  text: z.string(),
});
export type PlanMilestone = z.infer<typeof planMilestone>;

/** A quantitative commitment carrying an Arabic number (`达标率达到100%`, `新建2家…`). */
export const planTarget = z.object({
  raw: z.string(),
  metric: z.string(),
  value: z.number(),
  unit: z.string(),
  op: z.enum(['>=', '<=']).optional(),
  year: z.number().int().nullable(),
  src: z.literal('table').optional(),
});
export type PlanTarget = z.infer<typeof planTarget>;

export const planInheritableField = z.enum(['leadUnits', 'coUnits', 'deadlines']);
export type PlanInheritableField = z.infer<typeof planInheritableField>;

/** Where a task's row sits: the document's n-th table (1-based) and the row in it (1-based, header rows counted). */
export const planTaskSource = z.object({ table: z.number().int().min(1), row: z.number().int().min(1) });
export type PlanTaskSource = z.infer<typeof planTaskSource>;

export const planTask = z.object({
  /** Ancestor headings from the top part down, then the task's own ordinal. */
  path: z.array(z.string()),
  ordinal: z.string(),
  title: z.string(),
  text: z.string(),
  leadUnits: z.array(z.string()),
  coUnits: z.array(z.string()),
  people: z.array(z.string()).optional(),
  leaders: z.array(z.string()).optional(),
  deadlines: z.array(planDateRef),
  starts: z.array(planDateRef).optional(),
  recurrence: z.array(z.string()),
  milestones: z.array(planMilestone),
  targets: z.array(planTarget),
  inherited: z.array(planInheritableField).optional(),
  /** The table row the task (or its units and dates) comes from: a task table, a 分工表 row joined to the task. */
  source: planTaskSource.optional(),
});
export type PlanTask = z.infer<typeof planTask>;

/** Quantitative or dated statements of a 目标 section. */
export const planGoal = z.object({
  path: z.array(z.string()),
  deadlines: z.array(planDateRef),
  milestones: z.array(planMilestone),
  targets: z.array(planTarget),
});
export type PlanGoal = z.infer<typeof planGoal>;

export const planPeriod = z.object({ start: z.number().int(), end: z.number().int() });
export type PlanPeriod = z.infer<typeof planPeriod>;

/** The parser's output, the shape of the hand-labelled gold files (plan-gold/FORMAT.md). */
export const parsedPlan = z.object({
  file: z.string(),
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  issueDate: isoDate.nullable(),
  docNumber: z.string().nullable(),
  period: planPeriod.nullable(),
  tasks: z.array(planTask),
  goals: z.array(planGoal).optional(),
  notes: z.array(z.string()).optional(),
});
export type ParsedPlan = z.infer<typeof parsedPlan>;

export const planParseInput = z.object({
  fileName: z.string(),
  text: z.string().optional(),
  paragraphs: z.array(planParagraph).optional(),
});
export type PlanParseInput = z.infer<typeof planParseInput>;
