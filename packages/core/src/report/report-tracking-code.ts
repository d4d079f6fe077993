import { trackingCodePattern } from './report-public.contract.ts';

/**
 * A tracking code as the reporter reads it: `JB7K3MQ9X2HD` → `JB-7K3M-Q9X2-HD` (groups of four are easier to copy by
 * hand and to read out over the phone). Anything that is not a valid code is returned as typed.
 */
export function formatTrackingCode(code: string): string {
  const plain = code.replace(/[\s-]/g, '').toUpperCase();
  if (!trackingCodePattern.test(plain)) return code;
  return `${plain.slice(0, 2)}-${plain.slice(2, 6)}-${plain.slice(6, 10)}-${plain.slice(10)}`;
}
