import crypto from 'node:crypto';
import type { ReportChallenge } from '@anzhi/core';
import type { Clock } from '../../lib/clock.ts';
import type { IdentityCipher } from '../../lib/identity-cipher.ts';

/** How long a question may be answered. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/**
 * The simple question the public form asks once its limits are hit (“7 加 5 等于几？”). Stateless: the token is
 * `expiry.nonce.mac` with mac = a keyed digest of answer, expiry and nonce, so the server keeps nothing and a token
 * cannot be changed to fit another answer. A token can be answered again until it expires; the hard cap per address
 * bounds that.
 */
export function createReportChallenges(deps: { identity: IdentityCipher; clock: Clock }) {
  const mac = (answer: string, expires: string, nonce: string) => deps.identity.digest('challenge', `${answer}|${expires}|${nonce}`);
  return {
    issue(): ReportChallenge {
      const a = crypto.randomInt(2, 10);
      const b = crypto.randomInt(1, 10);
      const plus = crypto.randomInt(0, 2) === 0 || b > a;
      const answer = String(plus ? a + b : a - b);
      const expires = String(deps.clock.now().getTime() + CHALLENGE_TTL_MS);
      const nonce = crypto.randomBytes(9).toString('base64url');
      return { token: `${expires}.${nonce}.${mac(answer, expires, nonce)}`, question: `${a} ${plus ? '加' : '减'} ${b} 等于几？` };
    },
    /** 'ok', or why not: a wrong answer, or a token that expired or was not ours. */
    check(token: string, answer: string): 'ok' | 'wrong' | 'expired' {
      const [expires, nonce, given, ...rest] = token.split('.');
      if (!expires || !nonce || !given || rest.length > 0 || !/^\d{1,16}$/.test(expires)) return 'expired';
      if (Number(expires) < deps.clock.now().getTime()) return 'expired';
      const normalised = answer.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).trim();
      if (!/^\d{1,3}$/.test(normalised)) return 'wrong';
      const expected = Buffer.from(mac(String(Number(normalised)), expires, nonce));
      const got = Buffer.from(given);
      return got.length === expected.length && crypto.timingSafeEqual(got, expected) ? 'ok' : 'wrong';
    },
  };
}
export type ReportChallenges = ReturnType<typeof createReportChallenges>;
