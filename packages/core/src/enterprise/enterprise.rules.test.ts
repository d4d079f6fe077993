import { describe, expect, it } from 'vitest';
import {
  deriveSupervisingUnit,
  enterpriseNameKey,
  isInsuranceMissing,
  missingResponsibles,
  normalisePhone,
  requiresInsurance,
  standardisationExpiring,
} from './enterprise.rules.ts';

describe('安全生产责任保险 required (安全生产法 第五十一条; 应急〔2025〕27号 第二条)', () => {
  it('is required for hazardous chemicals, construction, metallurgy …', () => {
    expect(requiresInsurance(['hazardousChemicals'])).toBe(true);
    expect(requiresInsurance(['construction', 'fire'])).toBe(true);
    expect(requiresInsurance(['commerce'])).toBe(false);
  });
  it('counts an expired or absent policy as missing, except for closed enterprises', () => {
    const e = { domains: ['mining'], insuranceExpiry: '2026-01-31', status: 'operating' };
    expect(isInsuranceMissing(e, '2026-02-01')).toBe(true);
    expect(isInsuranceMissing(e, '2026-01-31')).toBe(false);
    expect(isInsuranceMissing({ ...e, insuranceExpiry: null }, '2026-01-01')).toBe(true);
    expect(isInsuranceMissing({ ...e, status: 'closed', insuranceExpiry: null }, '2026-01-01')).toBe(false);
  });
});

describe('standardisation expiry', () => {
  it('flags grades lapsing within 90 days or already lapsed', () => {
    expect(standardisationExpiring('2026-03-31', '2026-01-15')).toBe(true);
    expect(standardisationExpiring('2026-06-30', '2026-01-15')).toBe(false);
    expect(standardisationExpiring('2025-12-31', '2026-01-15')).toBe(true);
    expect(standardisationExpiring(null, '2026-01-15')).toBe(false);
  });
});

describe('三个责任人', () => {
  it('names which of the three are missing', () => {
    expect(missingResponsibles({ townshipLeader: '陈镇长', unitSupervisor: ' ', principal: null })).toEqual([
      'unitSupervisor',
      'principal',
    ]);
  });
});

describe('三管三必须 supervising unit', () => {
  const units = [
    { id: 1, kind: 'regulator', industries: ['hazardousChemicals'], disabled: false, regionDepth: 6 },
    { id: 2, kind: 'regulator', industries: ['hazardousChemicals', 'industryTrade'], disabled: false, regionDepth: 9 },
    { id: 3, kind: 'industryManager', industries: ['construction'], disabled: false, regionDepth: 9 },
    { id: 4, kind: 'regulator', industries: ['construction'], disabled: true, regionDepth: 9 },
  ];
  it('prefers the township unit over the county bureau', () => expect(deriveSupervisingUnit(['hazardousChemicals'], units)).toBe(2));
  it('skips disabled units', () => expect(deriveSupervisingUnit(['construction'], units)).toBe(3));
  it('falls through to the next domain, or nothing', () => {
    expect(deriveSupervisingUnit(['tourism', 'industryTrade'], units)).toBe(2);
    expect(deriveSupervisingUnit(['tourism'], units)).toBeNull();
  });
});

describe('phones and names', () => {
  it('normalises mobiles and landlines', () => {
    expect(normalisePhone('138 0013 8000')).toBe('13800138000');
    expect(normalisePhone('+86 13800138000')).toBe('13800138000');
    expect(normalisePhone('0571-88880001')).toBe('0571-88880001');
    expect(normalisePhone('057188880001')).toBe('0571-88880001');
    expect(normalisePhone('12345')).toBeNull();
  });
  it('meets the same enterprise spelled two ways', () => {
    expect(enterpriseNameKey('示例（浙江）化工 有限公司')).toBe(enterpriseNameKey('示例(浙江)化工有限公司'));
    expect(enterpriseNameKey('ＡＢＣ五金厂')).toBe(enterpriseNameKey('abc五金厂'));
  });
});
