import { describe, expect, it } from 'vitest';
import { penaltyCreateBody } from './enforcement-triad.contract.ts';
import {
  canMovePenalty,
  enforcementDocIssuer,
  enforcementDocNumber,
  recheckDueOn,
  recheckProblems,
  recheckState,
  recheckSuggestsPenalty,
  unitDocPrefix,
  unknownLegalBasis,
} from './enforcement-triad.rules.ts';
import { citeSafetyLaw, safetyLawArticle, safetyLawArticles } from './safety-law.articles.ts';

describe('整改复查 deadlines (regulations.md §9.3: 复查 commonly within 10 days after the deadline)', () => {
  it('the 复查 falls due recheckDays after the deadline, across a month end', () => {
    expect(recheckDueOn('2026-03-25', 10)).toBe('2026-04-04');
  });
  it('an open order is not yet due before the deadline, due inside the window, overdue after it', () => {
    const o = { status: 'open' as const, deadline: '2026-03-20', recheckDueOn: '2026-03-30' };
    expect(recheckState(o, '2026-03-19')).toBe('notYetDue');
    expect(recheckState(o, '2026-03-20')).toBe('due');
    expect(recheckState(o, '2026-03-30')).toBe('due');
    expect(recheckState(o, '2026-03-31')).toBe('overdue');
    expect(recheckState({ ...o, status: 'rechecked' }, '2026-04-30')).toBe('closed');
  });
  it('a 复查 before the deadline requires a reason; every ordered item answered once', () => {
    const order = { issuedOn: '2026-03-02', deadline: '2026-03-20', itemIds: [1, 2] };
    const results = [
      { itemId: 1, result: 'fixed' as const },
      { itemId: 2, result: 'notFixed' as const },
    ];
    expect(recheckProblems(order, { on: '2026-03-10', results }, '2026-03-10').map((p) => p.path)).toEqual(['earlyReason']);
    expect(recheckProblems(order, { on: '2026-03-10', results, earlyReason: '企业提前报告整改完成' }, '2026-03-10')).toEqual([]);
    expect(recheckProblems(order, { on: '2026-03-21', results }, '2026-03-21')).toEqual([]);
    expect(recheckProblems(order, { on: '2026-03-22', results }, '2026-03-21').map((p) => p.path)).toEqual(['on']);
    const bad = recheckProblems(
      order,
      {
        on: '2026-03-21',
        results: [
          { itemId: 1, result: 'fixed' },
          { itemId: 9, result: 'fixed' },
        ],
      },
      '2026-03-21',
    );
    expect(bad.map((p) => p.path)).toEqual(['results.1.itemId', 'results']);
    expect(recheckSuggestsPenalty(results)).toBe(true);
    expect(recheckSuggestsPenalty([{ result: 'fixed' }])).toBe(false);
  });
});

describe('document numbers (GB/T 9704-2012 7.2.4; regulations.md §9.3 e.g. 应急检记〔2025〕X号)', () => {
  it('prefix, kind abbreviation, year in 〔〕 and the sequence without leading zeros', () => {
    expect(enforcementDocNumber('示例应急', 'rectificationOrder', 2026, 12)).toBe('示例应急责改〔2026〕12号');
    expect(enforcementDocNumber('示例应急', 'checkRecord', 2026, 1)).toBe('示例应急检记〔2026〕1号');
    expect(enforcementDocNumber('示例应急', 'recheckOpinion', 2026, 3)).toBe('示例应急复查〔2026〕3号');
    expect(enforcementDocNumber('示例应急', 'penaltyDecision', 2027, 1)).toBe('示例应急罚〔2027〕1号');
    expect(() => enforcementDocNumber('x', 'checkRecord', 2026, 0)).toThrow();
  });
  it('the prefix is the unit short name, else its name; the issuer is per unit and kind', () => {
    expect(unitDocPrefix({ name: '示例镇应急管理办公室', shortName: ' 示例应急 ' })).toBe('示例应急');
    expect(unitDocPrefix({ name: '示例镇应急管理办公室', shortName: null })).toBe('示例镇应急管理办公室');
    expect(enforcementDocIssuer(7, 'penaltyDecision')).toBe('enforcement:7:penaltyDecision');
  });
});

describe('penalty cases (安全生产法 2021, regulations.md §1.3)', () => {
  it('the versioned list covers 第九十四条 to 第一百一十三条 with unique codes', () => {
    expect(safetyLawArticles.version).toBe('aqsf-2021');
    const codes = safetyLawArticles.articles.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('aqsf-2021:94');
    expect(codes).toContain('aqsf-2021:113');
    expect(safetyLawArticle('aqsf-2021:102')?.article).toBe('第一百零二条');
    expect(safetyLawArticle('aqsf-2021:102')?.maxFine).toBe(50_000);
    expect(citeSafetyLaw(['aqsf-2021:102', 'aqsf-2021:99'])).toBe('《中华人民共和国安全生产法》第一百零二条、第九十九条');
    expect(unknownLegalBasis(['aqsf-2021:102', 'aqsf-2021:999'])).toEqual(['aqsf-2021:999']);
  });
  it('steps go 立案 → 告知 → 决定 → 执行 → 结案; withdrawal only before the decision', () => {
    expect(canMovePenalty('filed', 'noticed')).toBe(true);
    expect(canMovePenalty('noticed', 'decided')).toBe(true);
    expect(canMovePenalty('filed', 'decided')).toBe(false);
    expect(canMovePenalty('decided', 'withdrawn')).toBe(false);
    expect(canMovePenalty('closed', 'filed')).toBe(false);
  });
  it('a negative amount or no legal basis is refused in Chinese', () => {
    const r = penaltyCreateBody.safeParse({ enterpriseId: 1, legalBasis: [], facts: '未采取措施消除事故隐患', amount: -1 });
    expect(r.success).toBe(false);
    const msgs = r.error?.issues.map((i) => i.message) ?? [];
    expect(msgs).toContain('罚款金额不能为负');
    expect(msgs).toContain('请选择处罚依据（安全生产法条款）');
  });
});
