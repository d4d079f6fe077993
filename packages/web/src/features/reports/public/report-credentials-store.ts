import type { ReportCredentials } from './api.ts';

const KEY = 'anzhi.report.credentials';

/**
 * The tracking code and secret of the report just submitted or looked up, kept for this tab only (sessionStorage),
 * so the receipt can open the tracking page without putting the secret in a URL, and a reload keeps the page.
 */
export function keepCredentials(credentials: ReportCredentials): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(credentials));
  } catch {
    // Storage disabled: the reporter types them on the tracking page.
  }
}

export function keptCredentials(): ReportCredentials | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<ReportCredentials>;
    return typeof value.trackingCode === 'string' && typeof value.secret === 'string'
      ? { trackingCode: value.trackingCode, secret: value.secret }
      : null;
  } catch {
    return null;
  }
}

/** On a shared phone: forget them when the reporter leaves. */
export function forgetCredentials(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}
