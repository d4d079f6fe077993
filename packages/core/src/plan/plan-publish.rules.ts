import type { MatchableUnit } from './plan-tracking-units.rules.ts';

/**
 * What publishing a plan needs besides decided unit names (issue 10: 17 of 26 tasks had no lead unit under a green
 * "核对完毕即可发布"). Every task needs someone who answers for it: a lead unit, 各村（社区）, or — by the clerk's explicit
 * choice — the office itself (安委办), i.e. the member unit the office sits in.
 */
export interface LeadOfTask {
  leadUnitIds: readonly number[];
  leadVillages: boolean;
}

export function hasLead(task: LeadOfTask): boolean {
  return task.leadUnitIds.length > 0 || task.leadVillages;
}

/** The refusal, in the clerk's words, naming the tasks (the first 10, then 等). Null when every task has a lead. */
export function unledTasksProblem(tasks: ReadonlyArray<LeadOfTask & { ordinal: string; title: string }>): string | null {
  const unled = tasks.filter((t) => !hasLead(t));
  if (!unled.length) return null;
  const names = unled.slice(0, 10).map((t) => `${t.ordinal}${t.title.slice(0, 20)}`);
  const more = unled.length > 10 ? '等' : '';
  return `${unled.length} 项任务未指定牵头单位：${names.join('；')}${more}。请为其指定牵头单位，或选择“未指定的交由安委办牵头”`;
}

const OFFICE_NAMES = ['安委办', '安全生产委员会办公室', '安委会办公室'];
const OFFICE_HOSTS = ['应急管理办公室', '应急办', '应急管理办'];

/**
 * The member unit the township's safety office (安委办) sits in: the unit named or aliased 安委办, else the emergency
 * office (the office is usually in 应急办 — glossary). Null when the township has neither.
 */
export function officeUnitOf<T extends MatchableUnit>(units: readonly T[]): T | null {
  const names = (u: MatchableUnit) => [u.name, u.shortName ?? '', ...u.aliases];
  return (
    units.find((u) => names(u).some((n) => OFFICE_NAMES.some((o) => n.includes(o)))) ??
    units.find((u) => names(u).some((n) => OFFICE_HOSTS.some((o) => n.includes(o)))) ??
    null
  );
}
