import { campaignInput } from '@anzhi/core';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  type CampaignFormValues,
  emptyCampaignForm,
  formNameOf,
  issuesAsProblems,
  placeProblems,
  toCampaignInput,
} from './campaign-form-values.ts';
import { coveragePercent, nextChecklistKey, objectsHref, progressRowFilter, roundsText, scopeSummary } from './campaign-view.ts';

const east = '330100001201';
const west = '330100001202';
const names = new Map([
  [east, '东村'],
  [west, '西村'],
]);

describe('scopeSummary: the scope in one line', () => {
  it('names a ledger type and its villages, or 全镇', () => {
    expect(scopeSummary({ kind: 'ledger', typeId: 3, villageCodes: [east, west] }, { typeName: '经营性自建房', regionNames: names })).toBe(
      '专项台账：经营性自建房 · 东村、西村',
    );
    expect(scopeSummary({ kind: 'ledger', typeId: 3, villageCodes: [] }, { typeName: '有限空间' })).toBe('专项台账：有限空间 · 全镇');
  });

  it('spells out a registry filter with labels, an unknown village by its code, and 九小场所', () => {
    const text = scopeSummary(
      {
        kind: 'registry',
        domains: ['industryTrade'],
        flags: [],
        industrySections: ['C'],
        villageCodes: ['330100001299'],
        smallVenues: true,
      },
      { regionNames: names },
    );
    expect(text).toBe('企业名录：行业领域 工贸；门类 C 制造业；330100001299；含九小场所');
  });

  it('says 全部企业 when no filter narrows the registry, and shortens a long village list', () => {
    const codes = Array.from({ length: 7 }, (_, i) => `33010000120${i}`);
    const text = scopeSummary({ kind: 'registry', domains: [], flags: [], industrySections: [], villageCodes: codes, smallVenues: false });
    expect(text.startsWith('企业名录：全部企业；')).toBe(true);
    expect(text.endsWith('等 7 个村（社区）')).toBe(true);
  });
});

describe('figures and their lists', () => {
  it('writes rounds as 第2轮/共3轮 and 未开始 before any opened', () => {
    expect(roundsText(2, 3)).toBe('第2轮/共3轮');
    expect(roundsText(null, 2)).toBe('未开始/共2轮');
  });

  it('rounds coverage down and has none for an empty scope', () => {
    expect(coveragePercent(199, 200)).toBe(99);
    expect(coveragePercent(5, 5)).toBe(100);
    expect(coveragePercent(0, 0)).toBeNull();
  });

  it('builds the list address of a figure; 从未检查 ignores round and state', () => {
    expect(objectsHref(7, { round: 2, state: 'uncovered', villageCode: east })).toBe(
      `/campaigns/7/objects?round=2&state=uncovered&villageCode=${east}`,
    );
    expect(objectsHref(7, { round: 2, state: 'target', neverReached: true })).toBe('/campaigns/7/objects?neverReached=true');
    expect(objectsHref(7, {})).toBe('/campaigns/7/objects');
  });

  it("reads a progress row's key as a village code or a unit id", () => {
    expect(progressRowFilter('village', east)).toEqual({ villageCode: east });
    expect(progressRowFilter('unit', '12')).toEqual({ unitId: 12 });
    expect(progressRowFilter('unit', 'unit:12')).toEqual({ unitId: 12 });
    expect(progressRowFilter('unit', 'none')).toEqual({});
  });

  it('never reuses a checklist key', () => {
    expect(nextChecklistKey([])).toBe('c1');
    expect(nextChecklistKey(['c1', 'c4', 'x9'])).toBe('c5');
  });
});

function placedNames(v: CampaignFormValues): string[] {
  const parsed = campaignInput.safeParse(toCampaignInput(v));
  if (parsed.success) return [];
  return placeProblems(issuesAsProblems(parsed.error.issues)).placed.map((p) => p.name.join('.'));
}

describe('the form and campaignInput', () => {
  const base = (): CampaignFormValues => ({
    ...emptyCampaignForm(dayjs('2026-07-01')),
    title: '经营性自建房专项整治',
    typeId: 4,
    checklist: [{ key: 'c1', text: '房屋无擅自改变结构', source: 'own' as const, criteriaCode: null, major: false }],
  });

  it('turns form values into a body the shared schema accepts', () => {
    const parsed = campaignInput.safeParse(toCampaignInput(base()));
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.scope).toEqual({ kind: 'ledger', typeId: 4, villageCodes: [] });
    expect(parsed.data.rounds).toEqual([{ startsOn: '2026-07-01', dueOn: '2026-08-01' }]);
  });

  it("puts the schema's complaints on their fields: the type, a checklist line", () => {
    const v = base();
    v.typeId = null;
    v.checklist = [{ key: 'c1', text: '短' }];
    const at = placedNames(v);
    expect(at).toContain('typeId');
    expect(at).toContain('checklist.0.text');
  });

  it("puts a round's due date before its start on that round's due date", () => {
    const v = base();
    v.rounds = [
      { startsOn: dayjs('2026-07-01'), dueOn: dayjs('2026-07-31') },
      { startsOn: dayjs('2026-08-10'), dueOn: dayjs('2026-08-01') },
    ];
    expect(placedNames(v)).toEqual(['rounds.1.dueOn']);
  });

  it("maps the server's detail paths and keeps list-level problems for the summary", () => {
    expect(formNameOf('body.rounds.1.startsOn')).toEqual(['rounds', 1, 'startsOn']);
    expect(formNameOf('scope/villageCodes/0')).toEqual(['villageCodes']);
    expect(formNameOf('checklist[2].key')).toEqual(['checklist', 2, 'text']);
    expect(formNameOf('unitIds.0')).toEqual(['unitIds']);
    const { unplaced } = placeProblems([{ path: 'rounds', message: '请至少安排一轮检查' }]);
    expect(unplaced).toEqual(['请至少安排一轮检查']);
  });
});
