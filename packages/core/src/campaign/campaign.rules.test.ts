import { describe, expect, it } from 'vitest';
import { campaignDispatchFigures, countsInRound, type RoundState, roundOpenError, roundWindow } from './campaign.rules.ts';

const round = (ordinal: number, status: RoundState['status'], closedOn: string | null = null): RoundState => ({
  ordinal,
  status,
  startsOn: `2026-0${ordinal * 3}-01`,
  dueOn: `2026-0${ordinal * 3 + 1}-30`,
  closedOn,
});

// Seed 001 (a county's plan): "持续深化重大危险源企业‘消地协作’督导检查机制，开展2次全覆盖检查" — a campaign of two rounds,
// each over the whole scope; the second round counts what the first left only when the first is closed.
describe('rounds open in order; early only with a reason (seed 001 “开展2次全覆盖检查”)', () => {
  it('opens the first round of a planned campaign', () => {
    expect(roundOpenError([round(1, 'planned'), round(2, 'planned')], 1, undefined)).toBeNull();
  });

  it('refuses to skip a round', () => {
    expect(roundOpenError([round(1, 'planned'), round(2, 'planned')], 2, '赶进度')).toBe('第 1 轮尚未开始，请按顺序开展');
  });

  it('refuses a round started before the previous one closed without a reason, and takes it with one', () => {
    const rounds = [round(1, 'open'), round(2, 'planned')];
    expect(roundOpenError(rounds, 2, undefined)).toMatch(/第 1 轮尚未结束，提前开始第 2 轮请说明原因/);
    expect(roundOpenError(rounds, 2, '  好  ')).toMatch(/说明原因/);
    expect(roundOpenError(rounds, 2, '汛期前须完成第二轮')).toBeNull();
  });

  it('opens the next round after the previous closed, and refuses a round already open or closed', () => {
    expect(roundOpenError([round(1, 'closed', '2026-04-30'), round(2, 'planned')], 2, undefined)).toBeNull();
    expect(roundOpenError([round(1, 'open')], 1, undefined)).toBe('第 1 轮已在进行中');
    expect(roundOpenError([round(1, 'closed', '2026-04-30')], 1, undefined)).toBe('第 1 轮已结束');
    expect(roundOpenError([round(1, 'open')], 3, undefined)).toBe('第 3 轮不存在');
  });
});

describe('what a round counts', () => {
  it('a closed round counts to its close; an open one to today; a planned one nothing', () => {
    expect(roundWindow(round(1, 'closed', '2026-04-20'), '2026-06-01')).toEqual({ from: '2026-03-01', to: '2026-04-20' });
    expect(roundWindow(round(1, 'open'), '2026-06-01')).toEqual({ from: '2026-03-01', to: '2026-06-01' });
    expect(roundWindow(round(1, 'planned'), '2026-06-01')).toBeNull();
  });

  const window = { from: '2026-03-01', to: '2026-04-30' };
  it('an object registered by the window’s end counts; one added after the round closed does not', () => {
    expect(countsInRound({ registeredOn: '2026-04-30', removedOn: null, checkedInRound: false }, window)).toBe(true);
    expect(countsInRound({ registeredOn: '2026-03-15', removedOn: null, checkedInRound: false }, window)).toBe(true);
    expect(countsInRound({ registeredOn: '2026-05-01', removedOn: null, checkedInRound: false }, window)).toBe(false);
  });

  it('an object removed by the window’s end does not count unless it was checked in the round', () => {
    expect(countsInRound({ registeredOn: '2026-01-01', removedOn: '2026-04-30', checkedInRound: false }, window)).toBe(false);
    expect(countsInRound({ registeredOn: '2026-01-01', removedOn: '2026-05-01', checkedInRound: false }, window)).toBe(true);
    expect(countsInRound({ registeredOn: '2026-01-01', removedOn: '2026-04-01', checkedInRound: true }, window)).toBe(true);
  });
});

// Seed 002 (a township's plan, item 15): "完成1栋经营性自建房安全隐患整治销号任务" — the dispatch reads the 销号 count
// under the plan's own metric and unit.
describe('the figures a campaign gives its plan task’s monthly dispatch (seed 002 “完成1栋…整治销号任务”)', () => {
  const input = {
    counter: '栋',
    subject: '经营性自建房',
    rounds: [
      { ordinal: 1, status: 'closed' as const, targets: 20, covered: 18 },
      { ordinal: 2, status: 'open' as const, targets: 21, covered: 9 },
    ],
    findings: 6,
    hazards: 8,
    hazardsClosed: 5,
    objectsCleared: 3,
  };

  it('reports the latest round begun, the hazards, and the 销号 count under the target’s metric', () => {
    expect(campaignDispatchFigures(input, { metric: '经营性自建房安全隐患整治销号', unit: '栋' })).toEqual([
      { metric: '经营性自建房第2轮应检查', value: 21, unit: '栋' },
      { metric: '经营性自建房第2轮已检查', value: 9, unit: '栋' },
      { metric: '发现问题隐患', value: 8, unit: '项' },
      { metric: '问题隐患已整改销号', value: 5, unit: '项' },
      { metric: '经营性自建房安全隐患整治销号', value: 3, unit: '栋' },
    ]);
  });

  it('without a target the 销号 figure is named after the subject; a campaign not begun reports no coverage', () => {
    const notBegun = { ...input, rounds: input.rounds.map((r) => ({ ...r, status: 'planned' as const })) };
    const figures = campaignDispatchFigures(notBegun, null);
    expect(figures.map((f) => f.metric)).toEqual(['发现问题隐患', '问题隐患已整改销号', '经营性自建房整治销号']);
    expect(figures[2]).toEqual({ metric: '经营性自建房整治销号', value: 3, unit: '栋' });
  });
});
