import { describe, expect, it } from 'vitest';
import { isCaseless, ledgerSearchPlan, textBigrams } from './hazard-search.rules.ts';

describe('textBigrams', () => {
  it('gives every pair of consecutive characters once, in order', () => {
    expect(textBigrams('消防通道堵塞')).toEqual(['消防', '防通', '通道', '道堵', '堵塞']);
    expect(textBigrams('abab')).toEqual(['ab', 'ba']);
  });

  it('counts code points, not UTF-16 units, as SQL does', () => {
    expect(textBigrams('𠀀消防')).toEqual(['𠀀消', '消防']);
  });

  it('keeps spaces, punctuation and LIKE wildcards as characters', () => {
    expect(textBigrams('a b%_')).toEqual(['a ', ' b', 'b%', '%_']);
  });

  it('has none for a text shorter than two characters', () => {
    expect(textBigrams('')).toEqual([]);
    expect(textBigrams('电')).toEqual([]);
  });

  it('leaves case alone: the database folds both sides with the same lower()', () => {
    expect(textBigrams('YH-1')).toEqual(['YH', 'H-', '-1']);
  });
});

describe('ledgerSearchPlan', () => {
  it('scans for one character (no bigram to look up)', () => {
    expect(ledgerSearchPlan('电')).toEqual({ kind: 'scan' });
    expect(ledgerSearchPlan('%')).toEqual({ kind: 'scan' });
  });

  it('answers a two-character word from its one bigram alone', () => {
    expect(ledgerSearchPlan('消防')).toEqual({ kind: 'grams', grams: ['消防'], exact: true });
    expect(ledgerSearchPlan('aa')).toEqual({ kind: 'grams', grams: ['aa'], exact: true });
  });

  it('rechecks longer terms: their bigrams may sit apart in the text', () => {
    expect(ledgerSearchPlan('配电箱')).toEqual({ kind: 'grams', grams: ['配电', '电箱'], exact: false });
    expect(ledgerSearchPlan('aaa')).toEqual({ kind: 'grams', grams: ['aa'], exact: false });
  });

  it('looks up bigrams that cover every character, not every pair', () => {
    expect(ledgerSearchPlan('消防通道')).toMatchObject({ grams: ['消防', '通道'] });
    expect(ledgerSearchPlan('消防通道堵')).toMatchObject({ grams: ['消防', '通道', '道堵'] });
    expect(ledgerSearchPlan('YH-B-12345')).toMatchObject({ grams: ['YH', '-B', '-1', '23', '45'] });
  });
});

describe('isCaseless', () => {
  it('holds for Chinese, digits and punctuation', () => {
    expect(isCaseless('消防通道 2026-%_')).toBe(true);
  });

  it('fails for any letter with a case, full-width and Greek included', () => {
    for (const t of ['a', 'YH', 'ａ', 'Ａ', 'σ', 'ß']) expect(isCaseless(`消防${t}`), t).toBe(false);
  });
});
