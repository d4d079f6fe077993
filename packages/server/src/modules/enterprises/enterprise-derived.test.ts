import { describe, expect, it } from 'vitest';
import { DERIVED_VERSION, derivedColumns, derivedDiffers } from './enterprise-derived.ts';

describe('derived warning columns', () => {
  const complete = { townshipLeader: '王', unitSupervisor: '李', principal: '张' };

  it('follows core: a high-risk domain requires 安责险 (应急〔2025〕27号) and makes the enterprise high-risk', () => {
    expect(derivedColumns({ domains: ['hazardousChemicals'], flags: [], ...complete })).toEqual({
      highRisk: true,
      requiresInsurance: true,
      missingResponsibles: false,
      derivedVersion: DERIVED_VERSION,
    });
    expect(derivedColumns({ domains: ['commerce'], flags: ['highRisk'], ...complete })).toMatchObject({
      highRisk: true,
      requiresInsurance: false,
    });
  });

  it('marks 三个责任人 incomplete when any of the three is blank', () => {
    expect(derivedColumns({ domains: [], flags: [], ...complete, unitSupervisor: '  ' }).missingResponsibles).toBe(true);
    expect(
      derivedColumns({ domains: [], flags: [], townshipLeader: null, unitSupervisor: '李', principal: '张' }).missingResponsibles,
    ).toBe(true);
  });

  it('notices rows written under an older version or with stale values', () => {
    const row = { domains: ['commerce'], flags: [], ...complete, ...derivedColumns({ domains: ['commerce'], flags: [], ...complete }) };
    expect(derivedDiffers(row)).toBe(false);
    expect(derivedDiffers({ ...row, derivedVersion: 0 })).toBe(true);
    expect(derivedDiffers({ ...row, domains: ['mining'] })).toBe(true);
  });
});
