import { codes } from './app.ts';
import { ensureObjectType, makeLedgerObject } from './campaign-kit.ts';
import type { MatrixContext, MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, shared, write } from './role-matrix-kit.ts';

/**
 * 专项台账 — object types and objects, the Excel import/export and the label sheet. Types are the installation's
 * dictionary (no scope; only the administrator edits them). The out-of-scope ids are a 有限空间 of the 邻镇 enterprise
 * and its type; no sibling id: objects are scoped by region, so a member unit sees every object of its township, and
 * an enterprise account meets the 邻镇 object instead.
 */
export const ledgersMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/ledger-object-types': list('ledger.read'),
    'POST /api/v1/ledger-object-types': shared('ledger.types'),
    'PUT /api/v1/ledger-object-types/{id}': shared('ledger.types', { version: 999 }),
    'POST /api/v1/ledger-object-types/{id}/restore': shared('ledger.types'),
    'GET /api/v1/ledger-objects': list('ledger.read'),
    'POST /api/v1/ledger-objects': shared('ledger.manage'),
    // The label code stands in the path, not an id: the matrix cannot name the out-of-scope one there
    // (ledger-object.test.ts checks that a 邻镇 label answers 404).
    'GET /api/v1/ledger-labels/{code}': shared('ledger.read'),
    'GET /api/v1/ledger-objects/{id}': read('ledger.read'),
    'PUT /api/v1/ledger-objects/{id}': write('ledger.manage', { version: 1, name: '越权改名' }),
    'POST /api/v1/ledger-objects/{id}/remove': write('ledger.manage', { reason: '越权注销' }),
    'POST /api/v1/ledger-objects/import': shared('ledger.manage'),
    'GET /api/v1/ledger-objects/export.xlsx': { ...list('ledger.read'), query: 'typeId={ledger-object-types}' },
    'GET /api/v1/ledger-objects/labels.docx': { ...read('ledger.read'), query: 'ids={ledger-objects}' },
  },
  async setup(ctx: MatrixContext) {
    const db = ctx.database.db;
    const confined = await ensureObjectType(db, 'confinedSpace');
    const house = await ensureObjectType(db, 'selfBuiltHouse');
    const object = await makeLedgerObject(db, {
      typeId: confined.id,
      regionCode: ctx.outside.regionCode,
      enterpriseId: ctx.outside.id,
      name: `${ctx.marks.OUTSIDE}污水池`,
      data: { spaceKind: '地下有限空间', location: '污水站', keeper: '赵某' },
    });
    await makeLedgerObject(db, { typeId: house.id, regionCode: codes.otherVillage, name: `${ctx.marks.OUTSIDE}自建房` });
    return { outsideIds: { 'ledger-objects': String(object.id), 'ledger-object-types': String(confined.id) }, siblingIds: {} };
  },
};
