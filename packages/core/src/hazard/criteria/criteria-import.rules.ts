import '../../common/zod-locale.ts';
import type { z } from 'zod';
import { type CriteriaSet, type CriteriaSetMeta, criteriaSetImport } from './criteria.contract.ts';

/** Chinese names of the fields of a criteria set and its items, for messages that name what the admin wrote. */
export const criteriaFieldLabels: Record<string, string> = {
  id: '标准编号',
  title: '标准名称',
  issuer: '发布机关',
  docNumber: '文号',
  published: '发布日期',
  effective: '施行日期',
  status: '状态',
  supersededBy: '被替代为',
  repealedOn: '废止日期',
  replaces: '替代的标准',
  supersedes: '替代的文件',
  scope: '适用范围',
  notes: '备注',
  citationNote: '引用提示',
  sources: '来源',
  appliesToAll: '适用于所有企业',
  items: '条款',
  code: '条款编号',
  article: '条',
  item: '项',
  group: '分组',
  summary: '摘要',
  text: '官方原文',
  keywords: '关键词',
  domains: '适用领域',
  flags: '适用标志',
  kind: '条款类型',
  confidence: '可信度',
  verification: '核对状态',
  source: '来源',
  note: '适用说明',
};

export interface CriteriaIssue {
  /** Dotted path in the imported document (`items.3.domains.0`); '' for the document itself. */
  path: string;
  message: string;
}

function itemCode(input: unknown, index: number): string | undefined {
  const items = (input as { items?: unknown } | null)?.items;
  const code = Array.isArray(items) ? (items[index] as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && code.trim() ? code.trim() : undefined;
}

/** "第 4 条条款（gongmao-2023/4.1）的适用领域", "施行日期", "来源": where an issue is, in the admin's words. */
export function criteriaIssuePlace(path: ReadonlyArray<PropertyKey>, input?: unknown): string {
  let rest = path;
  let prefix = '';
  if (path[0] === 'items' && typeof path[1] === 'number') {
    const code = itemCode(input, path[1]);
    prefix = `第 ${path[1] + 1} 条条款${code ? `（${code}）` : ''}`;
    rest = path.slice(2);
  }
  const field = rest.find((p): p is string => typeof p === 'string');
  const label = field ? (criteriaFieldLabels[field] ?? field) : '';
  if (prefix) return label ? `${prefix}的${label}` : prefix;
  return label || '导入内容';
}

/** Issues as the admin reads the file: the set's own fields first, then item by item. */
export function criteriaIssues(error: z.ZodError, input?: unknown): CriteriaIssue[] {
  const itemOf = (path: ReadonlyArray<PropertyKey>) => (path[0] === 'items' && typeof path[1] === 'number' ? path[1] + 1 : 0);
  const issues = [...error.issues].sort((a, b) => itemOf(a.path) - itemOf(b.path));
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: `${criteriaIssuePlace(issue.path, input)}：${issue.message}`,
  }));
}

export type CriteriaImportResult = { success: true; set: CriteriaSet } | { success: false; errors: CriteriaIssue[] };

/** Reads an imported .json (text or already parsed) into a checked set, or Chinese errors naming each field. */
export function parseCriteriaSetJson(input: unknown): CriteriaImportResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return { success: false, errors: [{ path: '', message: '不是有效的 JSON 文件，请检查括号、引号和逗号' }] };
    }
  }
  const parsed = criteriaSetImport.safeParse(value);
  return parsed.success ? { success: true, set: parsed.data } : { success: false, errors: criteriaIssues(parsed.error, value) };
}

export interface CriteriaImportPlan {
  errors: string[];
  /** create: a new id; update: the id exists and its content is replaced (the service asks for confirmation). */
  mode: 'create' | 'update';
  /** Codes of the existing version that the update drops: hazards citing them must be checked first. */
  removedCodes: string[];
  /** The set the new one replaces, to be marked superseded from the new set's effective date. */
  supersede: { id: string; supersededBy: string; repealedOn: string } | null;
}

/** What importing `set` does to a library: pure, so the service only applies the plan in one transaction. */
export function planCriteriaSetImport(
  set: CriteriaSet,
  library: ReadonlyArray<CriteriaSetMeta & { items?: ReadonlyArray<{ code: string }> }>,
): CriteriaImportPlan {
  const errors: string[] = [];
  const existing = library.find((s) => s.id === set.id);
  const newCodes = new Set(set.items.map((c) => c.code));
  const removedCodes = existing?.items?.map((c) => c.code).filter((code) => !newCodes.has(code)) ?? [];
  let supersede: CriteriaImportPlan['supersede'] = null;
  if (set.replaces) {
    const old = library.find((s) => s.id === set.replaces);
    if (!old) errors.push(`替代的标准：库中没有编号为“${set.replaces}”的判定标准`);
    else if (old.status === 'retired') errors.push(`替代的标准：《${old.title}》已废止，不能再被替代`);
    else if (old.status === 'superseded' && old.supersededBy !== set.id) {
      errors.push(`替代的标准：《${old.title}》已被“${old.supersededBy}”替代`);
    } else if (set.effective <= old.effective) errors.push(`施行日期：新版本应晚于被替代的《${old.title}》（${old.effective} 施行）`);
    else supersede = { id: old.id, supersededBy: set.id, repealedOn: set.effective };
  }
  return { errors, mode: existing ? 'update' : 'create', removedCodes, supersede };
}
