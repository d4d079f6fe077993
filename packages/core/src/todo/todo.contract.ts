import { z } from 'zod';

/**
 * The 待办 centre's boxes: what waits for me, what I have done, what I started and others still owe (我发起的).
 */
export const todoBoxes = ['mine', 'done', 'initiated'] as const;
export type TodoBox = (typeof todoBoxes)[number];
export const todoBoxLabels: Record<TodoBox, string> = { mine: '我的待办', done: '已办', initiated: '我发起的' };

/**
 * Kinds of to-do. Each module adds its own kinds here (and a label), and the server's todos module asks that
 * module's provider for them.
 */
export const todoKinds = [
  /** A hazard waits for the caller's step (整改, 验收, 评估, 审核, 督办 …). */
  'hazard.step',
  /** A 举一反三 check sent to the caller's enterprise, not yet answered. */
  'hazard.check',
  /** A 季报/年报 the enterprise principal has to sign. */
  'hazard.report',
  /** A 月调度 card of the caller's unit, due and not yet reported. */
  'plan.dispatch',
  /** An order of the caller's unit whose 复查 is due or overdue (执法三部曲). */
  'enforcement.recheck',
  /** A report received in the office's regions, to accept (受理) or decline. */
  'report.accept',
  /** A report assigned to the caller's unit, under verification and due soon or overdue. */
  'report.verify',
  /** A reward to approve (拟奖励) or to pay (已批准，待领取). */
  'report.reward',
  /** An open 专项整治 round due within a week (or past due) with objects not yet checked. */
  'campaign.round',
] as const;
export type TodoKind = (typeof todoKinds)[number];
export const todoKindLabels: Record<TodoKind, string> = {
  'hazard.step': '隐患处置',
  'hazard.check': '举一反三排查',
  'hazard.report': '隐患排查报告签署',
  'plan.dispatch': '月调度报送',
  'enforcement.recheck': '整改复查',
  'report.accept': '举报受理',
  'report.verify': '举报核查',
  'report.reward': '举报奖励',
  'campaign.round': '专项整治轮次临期',
};

export const todoListQuery = z.object({
  box: z.enum(todoBoxes).default('mine'),
  /** Only this kind (the field is named apart from the item's `kind`, which elsewhere labels a unit's 类别). */
  todoKind: z.enum(todoKinds).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TodoListQuery = z.infer<typeof todoListQuery>;

/** One thing to do: `link` is the in-app path that opens the exact action (e.g. /hazards/12?action=rectify). */
export const todoItem = z.object({
  kind: z.enum(todoKinds),
  title: z.string(),
  /** A second line: the enterprise, the step, who is waiting. */
  detail: z.string().nullable(),
  link: z.string(),
  /** YYYY-MM-DD, when there is a deadline. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  entityType: z.string().nullable(),
  entityId: z.number().int().nullable(),
  /** When it arrived (mine/initiated) or was done (done). */
  at: z.string().nullable(),
});
export type TodoItem = z.infer<typeof todoItem>;

export const todoList = z.object({
  /** All items in the box for the caller, whatever the limit. */
  total: z.number().int(),
  /** total split by kind, for the menu badges and the tabs. */
  byKind: z.record(z.string(), z.number().int()),
  items: z.array(todoItem),
});
export type TodoList = z.infer<typeof todoList>;
