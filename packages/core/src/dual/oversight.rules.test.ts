import { describe, expect, it } from 'vitest';
import { dualSettings } from './dual.settings.ts';
import {
  acceptedBeforeFix,
  bulkBursts,
  dueOutcome,
  fixedBeforeFound,
  hammingDistance,
  lastWholeMonths,
  noFindings,
  photoBands,
  photosReused,
  reusedPhotoGroups,
  reviewCutoff,
  reviewOverdue,
} from './oversight.rules.ts';

const t = dualSettings.defaults.signals;
const at = (s: string) => new Date(s);

// Issue 16, "What the township sees": months of checks with no finding in a high-risk enterprise, the same photo reused
// (perceptual hash, across records and enterprises), acceptance dated before the fix, a fix dated before the finding,
// checks recorded in bulk within minutes; checks done on time by cycle, the principal's checks, risk points never reviewed.
describe('months of checks with no finding in a high-risk enterprise', () => {
  const today = '2026-04-10';
  const months = (abnormal: number[]) =>
    ['2026-01-15T02:00:00Z', '2026-02-15T02:00:00Z', '2026-03-31T15:59:00Z'].map((s, i) => ({
      checkedAt: at(s),
      abnormalCount: abnormal[i] ?? 0,
    }));

  it('takes the last whole months before today’s', () => {
    expect(lastWholeMonths(today, 3)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(lastWholeMonths('2026-01-01', 2)).toEqual(['2025-11', '2025-12']);
  });
  it('fires for a high-risk enterprise with records every month and no 异常', () => {
    expect(noFindings({ highRisk: true }, months([0, 0, 0]), today, t)).toBe(true);
  });
  it('not for one 异常, a month without records, or an enterprise that is not high-risk', () => {
    expect(noFindings({ highRisk: true }, months([0, 1, 0]), today, t)).toBe(false);
    expect(noFindings({ highRisk: true }, months([0, 0, 0]).slice(0, 2), today, t)).toBe(false);
    expect(noFindings({ highRisk: false }, months([0, 0, 0]), today, t)).toBe(false);
  });
  it('counts a record by its China month (2026-03-31T16:00Z is 1 April in China)', () => {
    const r = months([0, 0, 0]);
    r[2] = { checkedAt: at('2026-03-31T16:00:00Z'), abnormalCount: 0 };
    expect(noFindings({ highRisk: true }, r, today, t)).toBe(false);
  });
});

describe('the same photo reused', () => {
  const p = (id: number, recordId: number, phash: string | null, sha256 = `sha${id}`) => ({ id, recordId, phash, sha256 });
  it('Hamming distance of 64-bit hashes', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow();
  });
  it('within photoDistance bits across records, or the same file; never within one record', () => {
    expect(photosReused(p(1, 10, 'f0f0f0f0f0f0f0f0'), p(2, 11, 'f0f0f0f0f0f0f0ff'), t)).toBe(true); // 4 bits
    expect(photosReused(p(1, 10, 'f0f0f0f0f0f0f0f0'), p(2, 11, 'f0f0f0f0f0f0f0ef'), t)).toBe(false); // 5 bits
    expect(photosReused(p(1, 10, null, 'same'), p(2, 11, null, 'same'), t)).toBe(true);
    expect(photosReused(p(1, 10, 'f0f0f0f0f0f0f0f0'), p(2, 10, 'f0f0f0f0f0f0f0f0'), t)).toBe(false);
  });
  it('bands: photoDistance + 1 of them cover 64 bits, so a pair within the distance shares one whole band', () => {
    for (const d of [0, 3, 4, 16]) {
      const bands = photoBands(d);
      expect(bands).toHaveLength(d + 1);
      expect(bands.reduce((n, b) => n + b.length, 0)).toBe(64);
    }
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let k = 0; k < 200; k++) {
      const d = 4;
      const bits = Array.from({ length: 64 }, () => rnd() % 2);
      const other = [...bits];
      for (let f = 0; f < d; f++) other[rnd() % 64] ^= 1;
      const shares = photoBands(d).some(
        (b) => bits.slice(b.start - 1, b.start - 1 + b.length).join() === other.slice(b.start - 1, b.start - 1 + b.length).join(),
      );
      expect(shares).toBe(true);
    }
  });
  it('groups later matches under the earliest photo', () => {
    const groups = reusedPhotoGroups(
      [p(1, 10, 'aaaaaaaaaaaaaaaa'), p(2, 11, 'aaaaaaaaaaaaaaab'), p(3, 12, 'aaaaaaaaaaaaaaaa'), p(4, 13, '5555555555555555')],
      t,
    );
    expect([...groups]).toEqual([[1, [1, 2, 3]]]);
  });
});

describe('hazard dates: acceptance before the fix, fix before the finding', () => {
  const h = { foundOn: '2026-03-01', firstFixedOn: '2026-03-05', lastFixedOn: '2026-03-08', acceptedOn: '2026-03-09' };
  it('an honest loop fires neither', () => {
    expect(acceptedBeforeFix(h)).toBe(false);
    expect(fixedBeforeFound(h)).toBe(false);
    expect(acceptedBeforeFix({ ...h, acceptedOn: '2026-03-08' })).toBe(false);
  });
  it('acceptance dated before the last fix; a first fix dated before the finding', () => {
    expect(acceptedBeforeFix({ ...h, acceptedOn: '2026-03-07' })).toBe(true);
    expect(fixedBeforeFound({ ...h, firstFixedOn: '2026-02-28' })).toBe(true);
  });
  it('not without the dates', () => {
    expect(acceptedBeforeFix({ ...h, lastFixedOn: null, firstFixedOn: null })).toBe(false);
    expect(fixedBeforeFound({ ...h, firstFixedOn: null, lastFixedOn: null })).toBe(false);
  });
});

describe('checks recorded in bulk within minutes (device time)', () => {
  const start = Date.parse('2026-03-02T01:00:00Z');
  const rec = (id: number, minute: number, user = 1) => ({ id, checkedBy: user, checkedAt: new Date(start + minute * 60_000) });
  it('ten records in under ten minutes make one burst, headed by the first', () => {
    const rs = Array.from({ length: 12 }, (_, i) => rec(i + 1, i * 0.4));
    expect(bulkBursts(rs, t)).toEqual([{ userId: 1, headId: 1, recordIds: rs.slice(0, 12).map((r) => r.id) }]);
  });
  it('nine, or ten spread over more than ten minutes, or ten by different people: none', () => {
    expect(
      bulkBursts(
        Array.from({ length: 9 }, (_, i) => rec(i + 1, i * 0.2)),
        t,
      ),
    ).toEqual([]);
    expect(
      bulkBursts(
        Array.from({ length: 10 }, (_, i) => rec(i + 1, i * 1.2)),
        t,
      ),
    ).toEqual([]);
    expect(
      bulkBursts(
        Array.from({ length: 10 }, (_, i) => rec(i + 1, i * 0.2, i)),
        t,
      ),
    ).toEqual([]);
  });
  it('two bursts an hour apart are two signals', () => {
    const rs = [
      ...Array.from({ length: 10 }, (_, i) => rec(i + 1, i * 0.1)),
      ...Array.from({ length: 10 }, (_, i) => rec(i + 11, 60 + i * 0.1)),
    ];
    expect(bulkBursts(rs, t).map((b) => b.headId)).toEqual([1, 11]);
  });
});

describe('statistics: due checks, principal checks, reviews', () => {
  it('on time by the period end, late after it, missed when the period ended without a record', () => {
    expect(dueOutcome({ periodEnd: '2026-03-31', doneOn: '2026-03-31' }, '2026-04-10')).toBe('onTime');
    expect(dueOutcome({ periodEnd: '2026-03-31', doneOn: '2026-04-01' }, '2026-04-10')).toBe('late');
    expect(dueOutcome({ periodEnd: '2026-03-31', doneOn: null }, '2026-04-10')).toBe('missed');
    expect(dueOutcome({ periodEnd: '2026-04-10', doneOn: null }, '2026-04-10')).toBe('open');
  });
  it('a risk point never reviewed, or reviewed before the cutoff', () => {
    expect(reviewCutoff('2026-03-31', 1)).toBe('2026-02-28');
    expect(reviewOverdue({ reviewedOn: null }, '2026-04-10', 12)).toBe(true);
    expect(reviewOverdue({ reviewedOn: '2025-04-09' }, '2026-04-10', 12)).toBe(true);
    expect(reviewOverdue({ reviewedOn: '2025-04-10' }, '2026-04-10', 12)).toBe(false);
  });
});
