import { describe, expect, it } from 'vitest';
import { assignableRoles, can, canAssignAccount, scopeCoversRegion, scopeOf } from './permission.rules.ts';

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

describe('which roles the users page offers (the same rule the server applies)', () => {
  const office = scopeOf({ roles: ['office'], regionCodes: [town], unitId: null });
  it('offers an office every role but the administrator, an administrator all, others none', () => {
    expect(assignableRoles(office, ['office'])).not.toContain('admin');
    expect(assignableRoles(office, ['office'])).toContain('enterprise');
    expect(assignableRoles({ kind: 'all' }, ['admin'])).toContain('admin');
    expect(assignableRoles(scopeOf({ roles: ['unit'], regionCodes: [town], unitId: 3 }), ['unit'])).toEqual([]);
  });
  it('never offers a role that canAssignAccount then refuses', () => {
    for (const role of assignableRoles(office, ['office'])) {
      const target = { roles: [role], regionCodes: role === 'enterprise' ? [] : [village], unitId: null, enterpriseId: 7 };
      expect(canAssignAccount(office, ['office'], target), role).toBeNull();
    }
  });
  it('binds an enterprise account to one enterprise and to no other role', () => {
    expect(canAssignAccount(office, ['office'], { roles: ['enterprise'], regionCodes: [], unitId: null })).toMatch(/所属企业/);
    expect(
      canAssignAccount(office, ['office'], { roles: ['enterprise', 'village'], regionCodes: [village], unitId: null, enterpriseId: 7 }),
    ).toMatch(/不能兼任/);
  });
});
