import { z } from 'zod';
import { criteriaSetMeta, criteriaSetSummary, criteriaSuggestion, criteriaSuggestQuery } from './criteria.contract.ts';

// The HTTP side of the criteria library: what the admin screens and the hazard form read and send.

/** An item as stored, without the cross-field checks (they ran when the set was imported). */
export const criterionView = criteriaSuggestion.shape.item;
export type CriterionView = z.infer<typeof criterionView>;

export const criteriaSetIdParam = z.object({ id: criteriaSetMeta.shape.id });

/** Where a set of the library comes from: shipped with AnZhi, imported, or shipped and replaced by an import. */
export const criteriaSetOrigins = ['shipped', 'imported', 'modified'] as const;
export type CriteriaSetOrigin = (typeof criteriaSetOrigins)[number];
export const criteriaSetOriginLabels: Record<CriteriaSetOrigin, string> = {
  shipped: '系统内置',
  imported: '管理员导入',
  modified: '内置（已导入新内容）',
};

export const criteriaConfidenceCounts = z.object({ V: z.number().int(), P: z.number().int(), U: z.number().int() });
export type CriteriaConfidenceCounts = z.infer<typeof criteriaConfidenceCounts>;

/** A set as the library lists it. `retired` is the admin's 停用 (out of the library), not the document's 已废止 status. */
export const criteriaSetListItem = criteriaSetSummary.extend({
  confidenceCounts: criteriaConfidenceCounts,
  origin: z.enum(criteriaSetOrigins),
  retired: z.object({ at: z.string(), reason: z.string() }).nullable(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type CriteriaSetListItem = z.infer<typeof criteriaSetListItem>;

export const criteriaSetList = z.object({ items: z.array(criteriaSetListItem) });
export type CriteriaSetList = z.infer<typeof criteriaSetList>;

export const criteriaSetDetail = criteriaSetListItem.extend({ items: z.array(criterionView) });
export type CriteriaSetDetail = z.infer<typeof criteriaSetDetail>;

export const criteriaRetireBody = z.object({
  reason: z.string().trim().min(2, '请写明停用原因（至少 2 个字）').max(300, '不能超过 300 个字'),
});
export type CriteriaRetireBody = z.infer<typeof criteriaRetireBody>;

// ——— Import ———

export const criteriaImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').describe('true：只检查并预览，不写入'),
  overwrite: z.enum(['true', 'false']).default('false').describe('true：确认用导入的内容替换库中编号相同的标准'),
});

/**
 * The set's own fields when importing an .xlsx, sent as multipart text fields beside `file` (a .json carries them
 * itself). Lists (来源, 适用领域, 适用标志) may repeat the field or put one value per line.
 */
export const criteriaSheetFieldNames = [
  'id',
  'title',
  'issuer',
  'docNumber',
  'published',
  'effective',
  'status',
  'supersededBy',
  'repealedOn',
  'replaces',
  'supersedes',
  'scope',
  'notes',
  'citationNote',
  'sources',
  'domains',
  'flags',
  'appliesToAll',
] as const;
export type CriteriaSheetFieldName = (typeof criteriaSheetFieldNames)[number];

/** One problem of an imported file: Excel row (0: the set's own fields or the file as a whole), column, message. */
export const criteriaImportError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type CriteriaImportError = z.infer<typeof criteriaImportError>;

export const criteriaImportReport = z.object({
  dryRun: z.boolean(),
  /** True once the set is in the library (never with errors). */
  saved: z.boolean(),
  format: z.enum(['json', 'xlsx']),
  /** The set read from the file; null when it could not be read. */
  set: criteriaSetSummary.extend({ confidenceCounts: criteriaConfidenceCounts }).nullable(),
  /** create: a new id; update: replaces the set of the same id (needs `overwrite=true`). */
  mode: z.enum(['create', 'update']).nullable(),
  /** Item codes of the set being replaced that the new content drops. */
  removedCodes: z.array(z.string()),
  /** The library set the import marks as superseded. */
  supersede: z.object({ id: z.string(), title: z.string(), supersededBy: z.string(), repealedOn: z.string() }).nullable(),
  errors: z.array(criteriaImportError),
  warnings: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
});
export type CriteriaImportReport = z.infer<typeof criteriaImportReport>;

// ——— Suggestions and the picker ———

export const criteriaSuggestParams = z.object({
  text: criteriaSuggestQuery.shape.text,
  /** Rank the sets covering this enterprise's domains and flags first, and keep to them. */
  enterpriseId: z.coerce.number().int().positive().optional(),
  /** The hazard's discovery date: sets in force then (default today). */
  foundOn: z.iso.date({ error: '应为日期，如 2026-03-02' }).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export type CriteriaSuggestParams = z.infer<typeof criteriaSuggestParams>;

export const criteriaSuggestionView = criteriaSuggestion.extend({
  /** 《标准名称》（文号）第X条（Y）: how a hazard record names the item. */
  citation: z.string(),
  /** The 待核对 warning an unverified item carries wherever it is cited; null when verified. */
  warning: z.string().nullable(),
  /** Every caution to show beside the citation (待核对, 通则, 兜底, narrower application, set-wide notes). */
  warnings: z.array(z.string()),
});
export type CriteriaSuggestionView = z.infer<typeof criteriaSuggestionView>;

export const criteriaSuggestResult = z.object({
  items: z.array(criteriaSuggestionView),
  /** The sets the suggestions were kept to (the enterprise's applicable sets); null when all were searched. */
  sets: z.array(z.object({ id: z.string(), title: z.string() })).nullable(),
  /** The date whose sets in force were searched. */
  at: z.string(),
});
export type CriteriaSuggestResult = z.infer<typeof criteriaSuggestResult>;

/** One item of the library in force, flat, for pickers: search by code, article, words; show the selected ones. */
export const criteriaLibraryItem = z.object({
  code: z.string(),
  setId: z.string(),
  setTitle: z.string(),
  docNumber: z.string(),
  article: z.string().nullable(),
  item: z.string().nullable(),
  group: z.string(),
  summary: z.string(),
  keywords: z.array(z.string()),
  confidence: criterionView.shape.confidence,
  verification: criterionView.shape.verification,
  citation: z.string(),
  warning: z.string().nullable(),
  /** The set's standing and dates, so a picker can tell which items a given discovery date may cite. */
  status: criteriaSetMeta.shape.status,
  effective: z.string(),
  repealedOn: z.string().nullable(),
});
export type CriteriaLibraryItem = z.infer<typeof criteriaLibraryItem>;

export const criteriaLibraryItems = z.object({ items: z.array(criteriaLibraryItem) });
