import { describe, expect, it } from 'vitest';
import { postCreateBody, quizAttemptBody, riskMapBody, scorePostQuiz } from './post.contract.ts';

describe('scorePostQuiz', () => {
  const quiz = [
    { question: '防护罩缺失时？', options: ['继续', '停机报告'], answer: 1 },
    { question: '着火时先？', options: ['报警', '逃跑', '拍照'], answer: 0 },
    { question: '有限空间作业前？', options: ['通风检测', '直接进入'], answer: 0 },
  ];
  it('counts right answers; a missing or out-of-range answer is wrong', () => {
    const r = scorePostQuiz(quiz, [1, 2]);
    expect(r.score).toBe(1);
    expect(r.total).toBe(3);
    expect(r.items).toEqual([
      { answer: 1, chosen: 1, correct: true },
      { answer: 0, chosen: 2, correct: false },
      { answer: 0, chosen: -1, correct: false },
    ]);
    expect(scorePostQuiz(quiz, [1, 0, 0]).score).toBe(3);
    expect(scorePostQuiz([], []).total).toBe(0);
  });
});

describe('post and map input', () => {
  const base = { enterpriseId: 1, name: '冲压岗' };
  it('refuses an answer outside the options, too few or too many options, more than 20 questions', () => {
    const bad = (quiz: unknown) => postCreateBody.safeParse({ ...base, quiz });
    expect(bad([{ question: 'q', options: ['a', 'b'], answer: 2 }]).error?.issues[0]?.message).toBe('正确答案应为本题的一个选项');
    expect(bad([{ question: 'q', options: ['a'], answer: 0 }]).success).toBe(false);
    expect(bad([{ question: 'q', options: ['1', '2', '3', '4', '5', '6', '7'], answer: 0 }]).success).toBe(false);
    expect(bad(Array.from({ length: 21 }, () => ({ question: 'q', options: ['a', 'b'], answer: 0 }))).success).toBe(false);
    const ok = postCreateBody.parse({ ...base, quiz: [{ question: 'q', options: ['a', 'b'], answer: 1 }] });
    expect(ok.cards).toEqual({ riskList: [], dutyList: [], operationCard: [], emergencyCard: [] });
  });
  it('takes a quiz attempt with a name', () => {
    expect(quizAttemptBody.safeParse({ takerName: ' ', answers: [] }).success).toBe(false);
  });
  it('refuses polygons with fewer than 3 vertices or outside 0–1', () => {
    const zone = (polygon: unknown) => riskMapBody.safeParse({ fileId: 1, zones: [{ pointId: 1, polygon }] }).success;
    expect(
      zone([
        [0, 0],
        [1, 0],
        [1, 1],
      ]),
    ).toBe(true);
    expect(
      zone([
        [0, 0],
        [1, 0],
      ]),
    ).toBe(false);
    expect(
      zone([
        [0, 0],
        [1.2, 0],
        [1, 1],
      ]),
    ).toBe(false);
  });
});
