import crypto from 'node:crypto';
import { trackingCodeAlphabet } from '@anzhi/core';

/**
 * The tracking code and secret a reporter keeps — the one generator of the online form and of reports the office
 * registers from a call or a letter. Core's alphabet has no look-alikes, so both read well over the phone. The secret
 * (16 characters, about 79 bits; wrong guesses are rate-limited) is stored only as `identity.digest('secret', secret)`.
 */
function pick(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += trackingCodeAlphabet[crypto.randomInt(trackingCodeAlphabet.length)];
  return out;
}

export const newTrackingCode = (): string => `JB${pick(10)}`;
export const newReportSecret = (): string => pick(16);

/** A unique-index clash on the tracking code (one in 31¹⁰: tried again with a fresh code). */
export function isTrackingCodeClash(e: unknown): boolean {
  for (let c = e as { code?: unknown; cause?: unknown; message?: unknown } | undefined, d = 0; c && d < 5; c = c.cause as typeof c, d++) {
    if (c.code === '23505' && String(c.message ?? '').includes('reports_tracking_code_uq')) return true;
  }
  return false;
}
