import { describe, expect, it } from 'vitest';
import { normaliseSearchText, segmentWords, termsOf, termWeights } from './criteria-text.rules.ts';

describe('termsOf', () => {
  it('joins the single characters the segmenter splits apart (粉|尘 → 粉尘, 泄|爆 → 泄爆)', () => {
    expect(segmentWords('粉尘爆炸')).toContain('爆炸');
    const terms = termsOf('除尘系统未采用泄爆措施');
    expect(terms.get('泄爆')).toBeGreaterThanOrEqual(termWeights.joined);
    expect(terms.get('除尘')).toBeGreaterThanOrEqual(termWeights.joined);
    expect(terms.get('系统')).toBe(termWeights.word);
  });

  it('breaks words left whole into bigrams, so 合格 meets 不合格', () => {
    const terms = termsOf('不合格');
    expect(terms.get('不合格')).toBe(termWeights.word);
    expect(terms.get('合格')).toBe(termWeights.part);
  });

  it('adds low-weight bigrams across the segmenter’s boundaries, never across punctuation', () => {
    const terms = termsOf('车间地面积水');
    expect(terms.get('积水')).toBeGreaterThan(0);
    expect(termsOf('泄爆、惰化').has('爆惰')).toBe(false);
  });

  it('keeps Latin and digit tokens, half-width and lower-case, and drops stop words', () => {
    expect(normaliseSearchText('ＣＯ报警　 ')).toBe('co报警');
    const terms = termsOf('未按规定设置CO报警');
    expect(terms.has('co')).toBe(true);
    expect(terms.has('规定')).toBe(false);
  });

  it('scales a field’s terms and adds them to a running map', () => {
    const terms = termsOf('爆炸', 2);
    termsOf('爆炸', 1, terms);
    expect(terms.get('爆炸')).toBe(3);
  });
});
