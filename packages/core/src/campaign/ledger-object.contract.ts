import { z } from 'zod';
import { maxRecordId, pageOf, pageQuery } from '../common/common.contract.ts';
import { isRegionCode } from '../org/region.rules.ts';
import { ledgerObjectStatuses, objectAnchors } from './ledger-object.dict.ts';
import { objectFieldDefs } from './ledger-object.rules.ts';

/**
 * 专项台账 API (issue 17):
 * - `GET /ledger-object-types` → objectTypeList [ledger.read]; `POST /ledger-object-types` (objectTypeInput),
 *   `PUT /ledger-object-types/{id}` (objectTypeUpdate, optimistic `version`) → objectType [ledger.types]; shipped
 *   types carry `builtin` and `POST /ledger-object-types/{id}/restore` puts their shipped fields and checklist back.
 * - `GET /ledger-objects` (ledgerObjectFilter) → ledgerObjectPage; `GET /ledger-objects/{id}` → ledgerObject;
 *   `POST /ledger-objects` (ledgerObjectInput), `PUT /ledger-objects/{id}` (ledgerObjectUpdate),
 *   `POST /ledger-objects/{id}/remove` ({reason}) [ledger.manage]; data is checked against the type's fields
 *   (`objectDataSchema`); the data scope is the object's region (an enterprise account: its own objects).
 * - `GET /ledger-labels/{code}` → ledgerObject: what a QR label opens (a signed-in user in scope).
 * - `GET /ledger-objects/export.xlsx?typeId=` and `POST /ledger-objects/import?typeId=&dryRun=` (multipart .xlsx,
 *   the enterprise import's machinery) → importResult; `GET /ledger-objects/labels.docx?typeId=&ids=` → QR labels.
 */
const id = z.number().int().positive('应为正整数编号').max(maxRecordId, '编号超出范围');
const queryId = z.coerce.number().int().positive('应为正整数编号').max(maxRecordId, '编号超出范围');
const regionCode = z.string().trim().refine(isRegionCode, '应为 12 位统计用区划代码');

export const objectType = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  anchor: z.enum(objectAnchors),
  counter: z.string(),
  fields: objectFieldDefs,
  checklist: z.array(z.string()),
  builtin: z.boolean(),
  archived: z.boolean(),
  /** Objects in the caller's scope. */
  objectCount: z.number().int(),
  version: z.number().int(),
});
export type ObjectType = z.infer<typeof objectType>;
export const objectTypeList = z.object({ items: z.array(objectType) });
export type ObjectTypeList = z.infer<typeof objectTypeList>;

const checklistLines = z
  .array(z.string().trim().min(2, '检查内容至少 2 个字').max(200, '检查内容不超过 200 字'))
  .max(60, '检查内容不超过 60 条');

export const objectTypeInput = z.object({
  code: z.string().regex(/^[a-z][A-Za-z0-9]{1,39}$/, '类型代码应以小写字母开头，只含字母和数字'),
  name: z.string().trim().min(2, '请填写类型名称').max(30, '类型名称不超过 30 字'),
  anchor: z.enum(objectAnchors, { error: '请选择对象属于企业还是位于村（社区）' }),
  counter: z.string().trim().min(1, '请填写计量单位（如 处、栋、台）').max(4, '计量单位不超过 4 字'),
  fields: objectFieldDefs,
  checklist: checklistLines,
});
export type ObjectTypeInput = z.infer<typeof objectTypeInput>;
export const objectTypeUpdate = objectTypeInput
  .omit({ code: true, anchor: true })
  .partial()
  .extend({ archived: z.boolean().optional(), version: z.number().int().positive() });
export type ObjectTypeUpdate = z.infer<typeof objectTypeUpdate>;

export const ledgerObject = z.object({
  id: z.number().int(),
  typeId: z.number().int(),
  typeName: z.string(),
  /** The QR label's code (`/o/{code}` opens the object on a phone). */
  labelCode: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  address: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  status: z.enum(ledgerObjectStatuses),
  removedReason: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  version: z.number().int(),
});
export type LedgerObject = z.infer<typeof ledgerObject>;
export const ledgerObjectPage = pageOf(ledgerObject);
export type LedgerObjectPage = z.infer<typeof ledgerObjectPage>;

export const ledgerObjectInput = z.object({
  typeId: id,
  name: z.string().trim().min(2, '请填写对象名称').max(60, '对象名称不超过 60 字'),
  /** Village objects: the village (or community). Enterprise objects: omitted, the enterprise's region is used. */
  regionCode: regionCode.optional(),
  enterpriseId: id.optional(),
  address: z.string().trim().max(100, '地址不超过 100 字').optional(),
  /** Checked against the type's fields (objectDataSchema) by the server. */
  data: z.record(z.string(), z.unknown()).default({}),
});
export type LedgerObjectInput = z.infer<typeof ledgerObjectInput>;
export const ledgerObjectUpdate = ledgerObjectInput.omit({ typeId: true }).partial().extend({ version: z.number().int().positive() });
export type LedgerObjectUpdate = z.infer<typeof ledgerObjectUpdate>;
export const ledgerObjectRemove = z.object({ reason: z.string().trim().min(2, '请填写注销原因').max(200) });

export const ledgerObjectFilter = pageQuery.extend({
  typeId: queryId.optional(),
  regionCode: regionCode.optional(),
  enterpriseId: queryId.optional(),
  q: z.string().trim().max(50).optional(),
  status: z.enum(ledgerObjectStatuses).optional(),
});
export type LedgerObjectFilter = z.infer<typeof ledgerObjectFilter>;

export const ledgerImportQuery = z.object({
  typeId: queryId,
  dryRun: z.enum(['true', 'false']).default('false').describe('true：只预览（校验并统计），不写入'),
});
export const ledgerLabelsQuery = z.object({
  typeId: queryId.optional(),
  /** Comma-separated object ids; absent: every active object of the type in scope (at most 500). */
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, '应为以逗号分隔的编号')
    .optional(),
});
export const labelCodeParam = z.object({ code: z.string().regex(/^[0-9A-Z]{10}$/, '标签码应为 10 位字母数字') });
