const KEY = 'anzhi.report.device';

/**
 * This browser's own random id, sent as `x-report-device` so the server can limit submissions per device (it stores
 * only a digest). It says nothing about the person: 128 random bits, made here, kept in localStorage.
 */
export function reportDeviceId(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept && /^[0-9a-f]{32}$/.test(kept)) return kept;
    const made = randomHex();
    localStorage.setItem(KEY, made);
    return made;
  } catch {
    // Private mode without storage: a fresh id per submission still works, it only limits less precisely.
    return randomHex();
  }
}

function randomHex(): string {
  // getRandomValues works on plain http too (randomUUID needs a secure context, and township servers may lack TLS).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
