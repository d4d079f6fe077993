import { describe, expect, it } from 'vitest';
import { shippedCriteriaSets } from '../hazard/criteria/criteria.data.ts';
import { buildChecklist, checkItemIssues, checkRecordHash, drawQuizQuestions, quizBank, scoreQuiz, signIssues } from './check.rules.ts';

const chem = { domains: ['hazardousChemicals'], flags: [] };
const record = {
  code: 'JC-2026-000001',
  enterprise: { id: 1, name: '甲厂' },
  inspectors: [
    { id: 1, name: '张三', certificateNo: 'A1' },
    { id: 2, name: '李四', certificateNo: 'A2' },
  ],
  place: '车间',
  startedAt: '2026-03-02T01:00:00.000Z',
  signedAt: null,
  explained: '讲解了动火作业要求',
  representativeName: '王五',
  refusedToSign: null,
  items: [
    {
      seq: 1,
      criterionCode: 'huagong-2017/1',
      text: 'x',
      result: 'fail' as const,
      note: null,
      photoIds: [3],
      deadline: null,
      fixedOnSpot: false,
      fixPhotoIds: [],
    },
  ],
};

describe('the checklist of an on-site check (issue 14: mandatory items = the official major-hazard criteria of the industry)', () => {
  it('takes every item of the sets in force that cover the enterprise, marked major, then the unit’s own items', () => {
    const lines = buildChecklist(chem, shippedCriteriaSets, '2026-03-02', ['消防通道畅通', '台账齐全']);
    const codes = lines.filter((l) => l.source === 'criteria').map((l) => l.criterionCode);
    expect(codes).toContain('huagong-2017/1');
    expect(codes.some((c) => c?.startsWith('gongmao-'))).toBe(false);
    expect(lines.filter((l) => l.source === 'criteria').every((l) => l.major)).toBe(true);
    expect(lines.slice(-2).map((l) => [l.source, l.text, l.major])).toEqual([
      ['unit', '消防通道畅通', false],
      ['unit', '台账齐全', false],
    ]);
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, k) => k + 1));
  });
});

describe('现场签字 (安全生产法 第六十八条: inspectors and the enterprise’s head sign, a refusal is recorded)', () => {
  const items = [
    { seq: 1, result: 'pass' as const },
    { seq: 2, result: 'fail' as const },
  ];
  it('accepts two of the check’s inspectors and the representative', () => {
    expect(
      signIssues({
        items,
        inspectorIds: [1, 2],
        signatures: [{ role: 'inspector', inspectorId: 1 }, { role: 'inspector', inspectorId: 2 }, { role: 'enterprise' }],
      }),
    ).toEqual([]);
  });
  it('refuses an unanswered item, a single inspector, a stranger, and no representative without a recorded refusal', () => {
    const issues = signIssues({
      items: [...items, { seq: 3, result: null }],
      inspectorIds: [1, 2],
      signatures: [
        { role: 'inspector', inspectorId: 1 },
        { role: 'inspector', inspectorId: 9 },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(['items', 'signatures.1.inspectorId', 'signatures', 'signatures']);
    expect(issues[0]?.message).toContain('第 3 项');
  });
  it('accepts a recorded refusal instead of the representative’s signature', () => {
    const signatures = [
      { role: 'inspector' as const, inspectorId: 1 },
      { role: 'inspector' as const, inspectorId: 2 },
    ];
    expect(signIssues({ items, inspectorIds: [1, 2], signatures, refusedToSign: '负责人拒绝签字，已录像' })).toEqual([]);
  });
});

describe('现场验收 and 现场交办 of one item', () => {
  it('a fixed-on-spot item is a failed, non-major one with a photo; a deadline is not in the past', () => {
    expect(checkItemIssues({ result: 'fail', fixedOnSpot: true, fixPhotoIds: [1], major: false }, '2026-03-02', 'items.0')).toEqual([]);
    const issues = checkItemIssues(
      { result: 'pass', fixedOnSpot: true, fixPhotoIds: [], major: true, deadline: '2026-03-01' },
      '2026-03-02',
      'items.0',
    );
    expect(issues.map((i) => i.path)).toEqual(['items.0.fixedOnSpot', 'items.0.fixedOnSpot', 'items.0.fixPhotoIds', 'items.0.deadline']);
  });
});

describe('the record hash the signatures are bound to', () => {
  it('is the same for the same record whatever the key order, and changes with any field', () => {
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as typeof record;
    expect(checkRecordHash(reordered)).toBe(checkRecordHash(record));
    expect(checkRecordHash(record)).toMatch(/^[0-9a-f]{64}$/);
    expect(checkRecordHash({ ...record, items: [{ ...record.items[0]!, note: '补充' }] })).not.toBe(checkRecordHash(record));
    expect(checkRecordHash({ ...record, explained: null })).not.toBe(checkRecordHash(record));
  });
});

describe('逢查必考: questions from the criteria, scored', () => {
  const bank = quizBank(chem, shippedCriteriaSets, '2026-03-02');
  it('asks one question per criterion of the enterprise, the right standard among the options', () => {
    expect(bank.length).toBeGreaterThan(10);
    for (const q of bank) expect(q.options).toContain(q.answer);
    expect(bank.find((q) => q.id === 'huagong-2017/1')?.answer).toContain('化工');
  });
  it('draws the same questions for the same check and others for another', () => {
    const a = drawQuizQuestions(bank, 'JC-2026-000001', 5);
    expect(a).toHaveLength(5);
    expect(drawQuizQuestions(bank, 'JC-2026-000001', 5)).toEqual(a);
    expect(drawQuizQuestions(bank, 'JC-2026-000002', 5).map((q) => q.id)).not.toEqual(a.map((q) => q.id));
  });
  it('scores one point per right answer and refuses a question not in the bank', () => {
    const [q1, q2] = drawQuizQuestions(bank, 'x', 2) as [(typeof bank)[0], (typeof bank)[0]];
    const wrong = q2.options.find((o) => o !== q2.answer) as string;
    const r = scoreQuiz(bank, [
      { questionId: q1.id, given: q1.answer },
      { questionId: q2.id, given: wrong },
    ]);
    expect(r.ok && [r.score, r.maxScore]).toEqual([1, 2]);
    expect(scoreQuiz(bank, [{ questionId: 'nope/1', given: 'x' }]).ok).toBe(false);
  });
});
