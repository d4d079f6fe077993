import { describe, expect, it } from 'vitest';
import { countsAsReport, type DispatchCardValues, dispatchCardOutcome, isCardChanged } from './plan-filing.rules.ts';

const blank: DispatchCardValues = { status: 'notStarted', summary: '', problems: '', figures: [], fileIds: [] };
const lastMonth: DispatchCardValues = {
  status: 'inProgress',
  summary: '已排查商超 12 家',
  problems: '人手不足',
  figures: [{ metric: '排查单位', value: 12, unit: '家' }],
  fileIds: [],
};

describe('is a dispatch card a report (issue 10: 全部保存 must not file blank cards as 已报送)', () => {
  it('does not count a blank card sent as it was prefilled', () => {
    expect(dispatchCardOutcome(blank, blank)).toBe('untouched');
    expect(dispatchCardOutcome({ ...blank, summary: '  ' }, blank)).toBe('untouched');
  });
  it("does not count last month's words carried over untouched", () => {
    expect(dispatchCardOutcome({ ...lastMonth, figures: [...lastMonth.figures] }, lastMonth)).toBe('untouched');
  });
  it('counts a card whose status, text, problems, figures or evidence changed', () => {
    expect(dispatchCardOutcome({ ...blank, status: 'inProgress', summary: '已部署' }, blank)).toBe('filed');
    expect(isCardChanged({ ...lastMonth, summary: '已排查商超 20 家' }, lastMonth)).toBe(true);
    expect(isCardChanged({ ...lastMonth, problems: '' }, lastMonth)).toBe(true);
    expect(isCardChanged({ ...lastMonth, figures: [{ metric: '排查单位', value: 20, unit: '家' }] }, lastMonth)).toBe(true);
    expect(isCardChanged({ ...lastMonth, fileIds: [7] }, lastMonth)).toBe(true);
    expect(isCardChanged({ ...lastMonth, fileIds: [] }, { ...lastMonth })).toBe(false);
  });
  it('counts an explicit 本月无新进展 as a report of its own kind', () => {
    expect(dispatchCardOutcome({ ...lastMonth, noChange: true }, lastMonth)).toBe('noChange');
    expect(dispatchCardOutcome({ ...blank, noChange: true }, blank)).toBe('noChange');
    // Changed and ticked: what was written wins.
    expect(dispatchCardOutcome({ ...lastMonth, summary: '新进展', noChange: true }, lastMonth)).toBe('filed');
  });
  it('counts stored filed and confirmed reports, never rows saved untouched before the rule', () => {
    expect(countsAsReport('filed')).toBe(true);
    expect(countsAsReport('noChange')).toBe(true);
    expect(countsAsReport('untouched')).toBe(false);
  });
});
