import { describe, expect, it } from 'vitest';
import { criteriaSet } from './criteria.contract.ts';
import { shippedCriteriaSets } from './criteria.data.ts';

/** The table in /work/shared/domain/criteria/README.md (huozai.json ships as gb35181-2017, the edition its items are from). */
const readmeCounts: Record<string, { items: number; V: number; P: number; U: number }> = {
  'gongmao-2023': { items: 65, V: 65, P: 0, U: 0 },
  'huagong-2017': { items: 20, V: 6, P: 14, U: 0 },
  'yanhua-2017': { items: 20, V: 0, P: 20, U: 0 },
  'fangwu-shizheng-2024': { items: 53, V: 53, P: 0, U: 0 },
  'fangwu-shizheng-2022': { items: 12, V: 0, P: 6, U: 6 },
  'ranqi-2023': { items: 22, V: 22, P: 0, U: 0 },
  'meikuang-2026': { items: 17, V: 17, P: 0, U: 0 },
  'feimei-kuangshan-2022': { items: 2, V: 0, P: 2, U: 0 },
  'gb35181-2017': { items: 10, V: 0, P: 0, U: 10 },
};

const allItems = shippedCriteriaSets.flatMap((s) => s.items);

describe('shipped criteria sets', () => {
  it('are 9 sets with 221 items', () => {
    expect(shippedCriteriaSets).toHaveLength(9);
    expect(allItems).toHaveLength(221);
  });

  it.each(shippedCriteriaSets.map((s) => [s.id, s] as const))('%s passes the import contract unchanged', (_id, set) => {
    const parsed = criteriaSet.safeParse(set);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(parsed.data).toEqual(set);
  });

  it('has per-set item and confidence counts equal to the README table', () => {
    const counts = Object.fromEntries(
      shippedCriteriaSets.map((s) => [
        s.id,
        {
          items: s.items.length,
          V: s.items.filter((c) => c.confidence === 'V').length,
          P: s.items.filter((c) => c.confidence === 'P').length,
          U: s.items.filter((c) => c.confidence === 'U').length,
        },
      ]),
    );
    expect(counts).toEqual(readmeCounts);
  });

  it('has unique codes of the form <set>/<article>.<item>', () => {
    const codes = allItems.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const set of shippedCriteriaSets) for (const c of set.items) expect(c.code.startsWith(`${set.id}/`)).toBe(true);
  });

  it('keeps a source pointer and a confidence on every item', () => {
    for (const c of allItems) {
      expect(c.source.length, c.code).toBeGreaterThan(5);
      expect(['V', 'P', 'U']).toContain(c.confidence);
    }
  });

  it('marks U items, and P items whose official wording was not read, 待核对 (unverified)', () => {
    for (const c of allItems) expect(c.verification, c.code).toBe(c.confidence === 'V' ? 'verified' : 'unverified');
    expect(allItems.filter((c) => c.verification === 'unverified')).toHaveLength(58);
  });

  it('stores no official wording: every summary is our own', () => {
    expect(allItems.filter((c) => c.text !== undefined)).toEqual([]);
  });

  it('房屋市政 2022版 is superseded by 2024版 (建质规〔2024〕5号 第十八条) from 2024-12-13', () => {
    const old = shippedCriteriaSets.find((s) => s.id === 'fangwu-shizheng-2022');
    const current = shippedCriteriaSets.find((s) => s.id === 'fangwu-shizheng-2024');
    expect(old).toMatchObject({ status: 'superseded', supersededBy: 'fangwu-shizheng-2024', repealedOn: '2024-12-13' });
    expect(current).toMatchObject({ status: 'current', replaces: 'fangwu-shizheng-2022', effective: old?.repealedOn });
  });

  it('GB 35181-2017 items are superseded by GB 35181-2025 from 2025-11-01 (its elements are not loaded yet)', () => {
    expect(shippedCriteriaSets.find((s) => s.id === 'gb35181-2017')).toMatchObject({
      status: 'superseded',
      supersededBy: 'gb35181-2025',
      repealedOn: '2025-11-01',
      appliesToAll: true,
    });
  });

  it('marks 工贸 第十四条 as the general rule and the 兜底 articles as catch-alls', () => {
    const kinds = allItems.filter((c) => c.kind).map((c) => [c.code, c.kind]);
    expect(kinds).toEqual([
      ['gongmao-2023/14', 'generalRule'],
      ['fangwu-shizheng-2024/17', 'catchAll'],
      ['ranqi-2023/10', 'catchAll'],
    ]);
  });
});
