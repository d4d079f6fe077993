import { z } from 'zod';
import { type EnterpriseFlag, enterpriseFlagCodes } from '../../enterprise/enterprise.dict.ts';
import { type SupervisionDomain, supervisionDomainCodes } from '../../org/org.dict.ts';
import {
  criteriaDomainCode,
  criteriaFlagCode,
  criteriaSetStatuses,
  criterionConfidenceCode,
  criterionConfidences,
  criterionKindCode,
  criterionKinds,
  criterionVerifications,
} from './criteria.dict.ts';

const setIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `<set>/<article>.<item>` with official numbering; flat lists use `<set>/<n>`, mines `<set>/<part>.<item>.<sub>`. */
export const criterionCodePattern = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/(\d+(?:\.\d+)*)$/;

/** A field's own message, except that a missing value says 必填 like every other field. */
const orRequired = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? '必填' : message);
const setId = z.string().trim().regex(setIdPattern, '应为小写字母、数字和连字符，如 gongmao-2023');
const isoDate = z.iso.date({ error: orRequired('应为日期，如 2023-05-15') });
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
const domainCode = z.enum(supervisionDomainCodes as [SupervisionDomain, ...SupervisionDomain[]], {
  error: orRequired('不是系统中的行业领域'),
});
const flagCode = z.enum(enterpriseFlagCodes as [EnterpriseFlag, ...EnterpriseFlag[]], { error: orRequired('不是系统中的重点标签') });
const statusCode = z.enum(criteriaSetStatuses, {
  error: orRequired('应为 current（现行有效）、superseded（已被替代）或 retired（已废止）'),
});
const confidenceCode = z.enum(criterionConfidences, { error: orRequired('应为 V（已核实原文）、P（非官方来源）或 U（未核实）') });

/** One item of a 重大事故隐患判定标准. `summary` is always our own wording; `text` holds official wording once checked. */
const criterionFields = z.object({
  code: z.string().trim().regex(criterionCodePattern, '应为“标准编号/条.项”，如 gongmao-2023/11.3'),
  /** 第十一条; null for flat lists (化工, 烟花爆竹). */
  article: text(64).nullable(),
  /** （三）; null when the whole article is one criterion. */
  item: text(32).nullable(),
  group: text(64),
  summary: text(300),
  text: text(4000).optional(),
  keywords: z.array(text(32)).max(40, '关键词不能超过 40 个'),
  domains: z.array(domainCode),
  flags: z.array(flagCode),
  kind: z.enum(criterionKinds, { error: orRequired('应为 generalRule（通则）或 catchAll（兜底条款）') }).optional(),
  confidence: confidenceCode,
  verification: z.enum(criterionVerifications, { error: orRequired('应为 verified（已核对）或 unverified（待核对）') }),
  /** Where the wording can be read: URL or repository path. */
  source: text(500),
  /** When the item applies only in a narrower case (e.g. 燃气 第九条: only after no written notice). */
  note: text(300).optional(),
});

function checkCriterion(c: z.infer<typeof criterionFields>, ctx: z.RefinementCtx): void {
  if (c.verification === 'verified' && c.confidence !== 'V') {
    ctx.addIssue({ code: 'custom', path: ['verification'], message: '只有可信度为 V（已核实原文）的条款才能标为已核对' });
  }
  if (c.text !== undefined && c.verification !== 'verified') {
    ctx.addIssue({ code: 'custom', path: ['text'], message: '待核对的条款不能填写官方原文：对照官方文本核实后将可信度设为 V' });
  }
}

export const criterion = criterionFields.superRefine(checkCriterion);
export type Criterion = z.infer<typeof criterion>;

/** The fields of a set without its items: what lists show and what the spreadsheet import asks for in its form. */
export const criteriaSetMeta = z.object({
  /** Stable id, one per version: gongmao-2023, fangwu-shizheng-2024. */
  id: setId,
  title: text(200),
  issuer: text(100),
  /** 文号 or standard number: 应急管理部令第10号, GB 35181-2017. */
  docNumber: text(100),
  published: isoDate.optional(),
  effective: isoDate,
  status: statusCode,
  /** The set that replaced this one (may be a set not loaded yet). */
  supersededBy: setId.optional(),
  /** First day no longer in force; a hazard found before it may still cite the set. */
  repealedOn: isoDate.optional(),
  /** The library set this one replaces. */
  replaces: setId.optional(),
  /** The document this one replaced, as the official text names it (may be outside the library). */
  supersedes: text(300).optional(),
  scope: text(1000).optional(),
  notes: text(2000).optional(),
  /** Shown whenever an item of the set is cited (e.g. 煤矿: cite the concrete 情形 of 第四至二十条). */
  citationNote: text(300).optional(),
  sources: z.array(text(500)).min(1, '请至少填写一个来源'),
  /** Enterprises with any of these domains (umbrellas opened) or flags are in scope. */
  domains: z.array(domainCode),
  flags: z.array(flagCode),
  /** In scope for every enterprise (重大火灾隐患: every building and venue). */
  appliesToAll: z.boolean().optional(),
});
export type CriteriaSetMeta = z.infer<typeof criteriaSetMeta>;

function checkSetMeta(s: CriteriaSetMeta, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (s.status === 'current' && s.supersededBy) issue('supersededBy', '现行有效的标准不能填写“被替代为”');
  if (s.status === 'current' && s.repealedOn) issue('repealedOn', '现行有效的标准不能填写废止日期');
  if (s.status === 'superseded' && !s.supersededBy) issue('supersededBy', '已被替代的标准须填写替代它的标准编号');
  if (s.status === 'retired' && s.supersededBy) issue('supersededBy', '已废止（无替代）的标准不能填写“被替代为”；有替代时状态应为已被替代');
  if (s.status !== 'current' && !s.repealedOn) issue('repealedOn', '已被替代或已废止的标准须填写废止日期');
  if (s.repealedOn && s.repealedOn <= s.effective) issue('repealedOn', '废止日期应晚于施行日期');
  if (s.supersededBy === s.id) issue('supersededBy', '不能被自己替代');
  if (s.replaces === s.id) issue('replaces', '不能替代自己');
}

export const criteriaSet = criteriaSetMeta.extend({ items: z.array(criterion).min(1, '请至少包含一条条款') }).superRefine((s, ctx) => {
  checkSetMeta(s, ctx);
  const seen = new Map<string, number>();
  s.items.forEach((c, i) => {
    const setOfCode = criterionCodePattern.exec(c.code)?.[1];
    if (setOfCode !== undefined && setOfCode !== s.id) {
      ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `应以本标准编号“${s.id}/”开头` });
    }
    const first = seen.get(c.code);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `与第 ${first + 1} 条条款编号重复` });
    else seen.set(c.code, i);
  });
});
export type CriteriaSet = z.infer<typeof criteriaSet>;

export const criteriaSetSummary = criteriaSetMeta.extend({ itemCount: z.number().int() });
export type CriteriaSetSummary = z.infer<typeof criteriaSetSummary>;

// ——— Import: the same shape, lenient where people write Chinese ———

function labelled<T extends string>(lookup: (name: string) => T | undefined, hint: string) {
  return z.string().transform((v, ctx): T => {
    const code = lookup(v);
    if (code === undefined) {
      ctx.addIssue({ code: 'custom', message: `无法识别“${v}”，${hint}` });
      return z.NEVER;
    }
    return code;
  });
}

const statusByLabel: Record<string, string> = {
  现行: 'current',
  现行有效: 'current',
  已被替代: 'superseded',
  被替代: 'superseded',
  已废止: 'retired',
  废止: 'retired',
};
const verificationByLabel: Record<string, string> = { 已核对: 'verified', 待核对: 'unverified' };
const byLabel = (labels: Record<string, string>) => (v: unknown) => (typeof v === 'string' ? (labels[v.trim()] ?? v.trim()) : v);

const criterionImport = criterionFields.extend({
  code: z.string().trim().min(1, '不能为空'),
  group: text(64).optional(),
  article: text(64).nullable().optional(),
  item: text(32).nullable().optional(),
  keywords: criterionFields.shape.keywords.default([]),
  domains: z.array(labelled(criteriaDomainCode, '应为系统中的行业领域，如 机械、城镇燃气')).default([]),
  flags: z.array(labelled(criteriaFlagCode, '应为系统中的重点标签，如 涉爆粉尘、有限空间作业')).default([]),
  kind: labelled(criterionKindCode, '应为 通则 或 兜底条款').nullable().optional(),
  confidence: z.preprocess((v) => (typeof v === 'string' ? (criterionConfidenceCode(v) ?? v) : v), confidenceCode),
  verification: z.preprocess(byLabel(verificationByLabel), criterionFields.shape.verification.optional()),
  text: text(4000).nullable().optional(),
  note: text(300).nullable().optional(),
});

/**
 * The .json an admin imports to add a set or a new version: the stored shape, but domains and flags may be written
 * in Chinese (工贸 criteria files say 冶金, 涉爆粉尘), codes may leave out the set prefix (`11.3`), 分组 defaults to the
 * article, and 核对状态 may be left out (V → 已核对, P/U → 待核对). The result is checked by `criteriaSet`.
 */
export const criteriaSetImport = criteriaSetMeta
  .extend({
    status: z.preprocess(byLabel(statusByLabel), statusCode.default('current')),
    domains: z.array(labelled(criteriaDomainCode, '应为系统中的行业领域，如 机械、城镇燃气')).optional(),
    flags: z.array(labelled(criteriaFlagCode, '应为系统中的重点标签，如 涉爆粉尘、有限空间作业')).default([]),
    items: z.array(criterionImport).min(1, '请至少包含一条条款'),
  })
  .transform((s) => ({
    ...s,
    domains: s.domains ?? [...new Set(s.items.flatMap((c) => c.domains))],
    items: s.items.map(({ article, item, kind, text: officialText, note, verification, ...c }) => ({
      ...c,
      code: c.code.includes('/') ? c.code : `${s.id}/${c.code}`,
      article: article ?? null,
      item: item ?? null,
      group: c.group ?? article ?? '未分组',
      ...(kind ? { kind } : {}),
      ...(officialText ? { text: officialText } : {}),
      ...(note ? { note } : {}),
      verification: verification ?? (c.confidence === 'V' ? 'verified' : 'unverified'),
    })),
  }))
  .pipe(criteriaSet);
export type CriteriaSetImportInput = z.input<typeof criteriaSetImport>;

// ——— Suggestions over HTTP ———

export const criteriaSuggestQuery = z.object({
  text: z.string().trim().min(2, '请至少输入 2 个字的隐患描述').max(1000, '不能超过 1000 个字'),
  domains: z.array(domainCode).max(20).optional(),
  flags: z.array(flagCode).max(20).optional(),
  /** Sets in force on this date (the hazard's discovery date) instead of the current ones. */
  at: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(8),
});
export type CriteriaSuggestQuery = z.infer<typeof criteriaSuggestQuery>;

export const criteriaSuggestion = z.object({
  item: criterionFields,
  setId: z.string(),
  setTitle: z.string(),
  docNumber: z.string(),
  score: z.number(),
  matched: z.array(z.string()),
});
export type CriteriaSuggestionBody = z.infer<typeof criteriaSuggestion>;
