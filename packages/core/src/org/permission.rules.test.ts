import { describe, expect, it } from 'vitest';
import { can, canAssignAccount, scopeCoversRegion, scopeOf } from './permission.rules.ts';

const town = '330110101000';
const village = '330110101201';
const otherTown = '330110102000';

describe('permissions', () => {
  it('lets only admins read the audit trail', () => {
    expect(can(['admin'], 'audit.read')).toBe(true);
    expect(can(['office', 'leader'], 'audit.read')).toBe(false);
  });
  it('keeps leaders read-only', () => {
    expect(can(['leader'], 'unit.read')).toBe(true);
    expect(can(['leader'], 'unit.write')).toBe(false);
    expect(can(['leader'], 'user.write')).toBe(false);
  });
});

describe('data scope', () => {
  it('gives admins everything', () => {
    expect(scopeOf({ roles: ['admin'], regionCodes: [], unitId: null })).toEqual({ kind: 'all' });
  });
  it('gives the safety office its township subtree', () => {
    const scope = scopeOf({ roles: ['office'], regionCodes: [town], unitId: null });
    expect(scopeCoversRegion(scope, village)).toBe(true);
    expect(scopeCoversRegion(scope, otherTown)).toBe(false);
  });
  it('gives village cadres only their villages', () => {
    const scope = scopeOf({ roles: ['village'], regionCodes: [village], unitId: null });
    expect(scopeCoversRegion(scope, village)).toBe(true);
    expect(scopeCoversRegion(scope, '330110101202')).toBe(false);
  });
  it('ties unit staff to their unit', () => {
    expect(scopeOf({ roles: ['unit'], regionCodes: [town], unitId: 7 })).toEqual({
      kind: 'unit',
      unitId: 7,
      regionCodes: [town],
    });
  });
  it('gives an account with no region nothing', () => {
    expect(scopeOf({ roles: ['office'], regionCodes: [], unitId: null })).toEqual({ kind: 'none' });
  });
});

describe('who may create which account', () => {
  const office = scopeOf({ roles: ['office'], regionCodes: [town], unitId: null });
  it('refuses to let the office grant the admin role', () => {
    expect(canAssignAccount(office, ['office'], { roles: ['admin'], regionCodes: [town], unitId: null })).toMatch(/系统管理员/);
  });
  it('refuses regions outside the office township', () => {
    expect(canAssignAccount(office, ['office'], { roles: ['village'], regionCodes: [otherTown], unitId: null })).toMatch(/超出/);
  });
  it('allows a village cadre inside the township', () => {
    expect(canAssignAccount(office, ['office'], { roles: ['village'], regionCodes: [village], unitId: null })).toBeNull();
  });
});
