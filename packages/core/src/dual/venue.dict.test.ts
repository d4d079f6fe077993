import { describe, expect, it } from 'vitest';
import { smallVenueTypeCodes } from '../enterprise/enterprise.dict.ts';
import {
  coveragePercent,
  nextMonth,
  patrolMonthOf,
  venueChecklist,
  venueCommonChecklist,
  venueDefaultRisk,
  venueRiskColour,
} from './venue.dict.ts';

describe('small venues (九小场所, regulations.md §12)', () => {
  it('gives every type a default colour and a checklist of the common items then its own, numbered from 1', () => {
    for (const type of smallVenueTypeCodes) {
      expect(venueDefaultRisk[type]).toBeDefined();
      const list = venueChecklist(type);
      expect(list.length).toBeGreaterThan(venueCommonChecklist.length);
      expect(list.map((i) => i.seq)).toEqual(list.map((_, i) => i + 1));
      expect(list.slice(0, venueCommonChecklist.length).map((i) => i.text)).toEqual([...venueCommonChecklist]);
    }
    expect(
      venueChecklist('restaurant')
        .map((i) => i.text)
        .join(),
    ).toContain('油烟管道');
    expect(
      venueChecklist('hotel')
        .map((i) => i.text)
        .join(),
    ).toContain('感烟');
    expect(
      venueChecklist('internetCafe')
        .map((i) => i.text)
        .join(),
    ).toContain('安全出口不锁闭');
  });

  it('colours a venue by its registry level when set, else by its type', () => {
    expect(venueRiskColour('hotel', null)).toBe('high');
    expect(venueRiskColour('shop', null)).toBe('medium');
    expect(venueRiskColour('shop', 'major')).toBe('major');
  });

  it('counts a patrol for the month of its instant in China time', () => {
    expect(patrolMonthOf(new Date('2026-03-31T23:30:00+08:00'))).toBe('2026-03');
    expect(patrolMonthOf(new Date('2026-04-01T00:30:00+08:00'))).toBe('2026-04');
    expect(patrolMonthOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01');
  });

  it('steps months and rounds coverage', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-03')).toBe('2026-04');
    expect(coveragePercent(0, 0)).toBe(0);
    expect(coveragePercent(2, 3)).toBe(67);
  });
});
