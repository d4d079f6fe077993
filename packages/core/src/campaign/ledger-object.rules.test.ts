import { describe, expect, it } from 'vitest';
import { defaultObjectTypes } from './ledger-object.dict.ts';
import { isLabelCode, labelCodeOf, objectDataSchema, objectFieldDefs } from './ledger-object.rules.ts';
import { parseLedgerSheet } from './ledger-sheet.rules.ts';

const house = defaultObjectTypes.find((t) => t.code === 'selfBuiltHouse');
if (!house) throw new Error('no selfBuiltHouse');
const schema = objectDataSchema(house.fields);
const messages = (v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('objectDataSchema: an object type’s fields kept as data become one zod schema', () => {
  it('accepts a complete self-built house and drops unknown keys', () => {
    const r = schema.parse({ owner: '王建国', floors: 4, use: '餐饮', structureAppraised: true, extra: 'x' });
    expect(r).toEqual({ owner: '王建国', floors: 4, use: '餐饮', structureAppraised: true });
  });
  it('names the label of a missing required field', () => {
    expect(messages({ floors: 3, use: '餐饮' })).toEqual(['owner: 请填写房屋产权人']);
    expect(messages({ owner: '李', use: '餐饮' })[0]).toMatch(/^floors: /);
  });
  it('refuses an enum value outside the options, naming them', () => {
    expect(messages({ owner: '李', floors: 3, use: '网吧' })).toEqual([
      'use: 经营用途应为餐饮、住宿、商超、生产加工、仓储、教育培训、其他之一',
    ]);
  });
  it('checks kinds: integers, maxima, negative numbers, phones, dates', () => {
    expect(messages({ owner: '李', floors: 3.5, use: '餐饮' })).toEqual(['floors: 层数应为整数']);
    expect(messages({ owner: '李', floors: 51, use: '餐饮' })).toEqual(['floors: 层数不超过 50']);
    expect(messages({ owner: '李', floors: 2, use: '餐饮', floorArea: -1 })).toEqual(['floorArea: 建筑面积不能为负数']);
    expect(messages({ owner: '李', floors: 2, use: '餐饮', ownerPhone: '123' })).toEqual([
      'ownerPhone: 产权人电话应为手机号或带区号的固定电话',
    ]);
    const works = defaultObjectTypes.find((t) => t.code === 'smallWorks');
    const r = objectDataSchema(works?.fields ?? []).safeParse({
      contractor: '某公司',
      location: '东村',
      keeper: '张',
      startsOn: '2026-13-01',
    });
    expect(r.success).toBe(false);
  });
  it('lets optional fields be absent or null', () => {
    expect(schema.safeParse({ owner: '李', floors: 2, use: '餐饮', ownerPhone: null, builtYear: undefined }).success).toBe(true);
  });
  it('every shipped type has a valid field list', () => {
    for (const t of defaultObjectTypes) expect(objectFieldDefs.safeParse(t.fields).success, t.code).toBe(true);
  });
  it('refuses an enum field with fewer than 2 options and duplicate keys', () => {
    const r = objectFieldDefs.safeParse([
      { key: 'a', label: '甲', kind: 'enum', options: ['一'] },
      { key: 'a', label: '乙', kind: 'text' },
    ]);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['单选字段“甲”至少需要 2 个选项', '字段代码“a”重复']);
  });
});

describe('label codes', () => {
  it('are 10 Crockford base32 characters', () => {
    const code = labelCodeOf(new Uint8Array([0, 1, 2, 31, 32, 255, 100, 7, 8, 9]));
    expect(code).toBe('012Z0Z4789');
    expect(isLabelCode(code)).toBe(true);
    expect(isLabelCode('01234567IL')).toBe(false);
  });
});

describe('parseLedgerSheet: the enterprise import machinery over a type’s columns', () => {
  const rows = [
    { row: 1, cells: ['示例镇经营性自建房台账'] },
    { row: 2, cells: ['名称*', '所在村（社区）', '地址', '房屋产权人（必填）', '层数（层）', '经营用途', '已做房屋安全鉴定', '备注'] },
    { row: 3, cells: ['东村 1 号楼', '东村', '东村路１号', '王建国', '４层', '餐饮', '是', 'x'] },
    { row: 4, cells: [] },
    { row: 5, cells: ['西村 2 号楼', '西村', null, null, 3, '网吧', '否'] },
    { row: 6, cells: ['东村1号楼', '东村', null, '李', 2, '住宿', null] },
  ];
  const sheet = parseLedgerSheet(rows, house);
  it('finds the header under a merged title and lists unknown columns', () => {
    expect(sheet?.headerRow).toBe(2);
    expect(sheet?.mapping.ignoredColumns).toEqual(['备注']);
    expect(sheet?.dataRows).toBe(3);
  });
  it('reads 全角 digits, units and 是/否', () => {
    expect(sheet?.rows).toEqual([
      {
        row: 3,
        name: '东村 1 号楼',
        place: '东村',
        address: '东村路1号',
        data: { owner: '王建国', floors: 4, use: '餐饮', structureAppraised: true },
      },
    ]);
  });
  it('reports each bad row in Chinese naming its column, and a repeated object', () => {
    expect(sheet?.errors).toEqual([
      { row: 5, column: '房屋产权人', message: '房屋产权人：必填' },
      { row: 5, column: '经营用途', message: '经营用途：无法识别“网吧”，应为 餐饮、住宿、商超、生产加工、仓储、教育培训、其他 之一' },
      { row: 6, column: '名称', message: '名称：与第 3 行重复（同一名称和所在村（社区））' },
    ]);
  });
  it('has no header without a 名称 column', () => {
    expect(parseLedgerSheet([{ row: 1, cells: ['地址', '层数'] }], house)).toBeNull();
  });
});
