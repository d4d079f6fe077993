import crypto from 'node:crypto';
import { trackingCodeAlphabet } from '@anzhi/core';

/**
 * The tracking code and secret a reporter keeps (core's alphabet has no look-alikes, so they read well over the
 * phone). The secret is stored only as the identity cipher's digest (`identity.digest('secret', secret)`).
 */
function pick(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += trackingCodeAlphabet[crypto.randomInt(trackingCodeAlphabet.length)];
  return out;
}

export const newTrackingCode = (): string => `JB${pick(10)}`;
export const newReportSecret = (): string => pick(8);
