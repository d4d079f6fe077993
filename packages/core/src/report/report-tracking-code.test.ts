import { describe, expect, it } from 'vitest';
import { trackingCodeParam } from './report-public.contract.ts';
import { formatTrackingCode } from './report-tracking-code.ts';

describe('formatTrackingCode', () => {
  it('prints a code as JB-XXXX-XXXX-XX', () => {
    expect(formatTrackingCode('JB7K3MQ9X2HD')).toBe('JB-7K3M-Q9X2-HD');
  });

  it('forgives spaces, dashes and lower case, as the route does', () => {
    expect(formatTrackingCode('jb 7k3m-q9x2 hd')).toBe('JB-7K3M-Q9X2-HD');
    expect(trackingCodeParam.parse({ trackingCode: formatTrackingCode('JB7K3MQ9X2HD') }).trackingCode).toBe('JB7K3MQ9X2HD');
  });

  it('leaves what is not a code as typed (look-alikes 0/O/1/I/L are not in the alphabet)', () => {
    expect(formatTrackingCode('JB0K3MQ9X2HD')).toBe('JB0K3MQ9X2HD');
    expect(formatTrackingCode('abc')).toBe('abc');
  });
});
