import { ApiError, apiUrl, type Query } from '../../lib/api-client.ts';

/** `filename*=UTF-8''…` (Chinese names) first, then a plain `filename="…"`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Hands bytes made in the browser to the user as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Fetches a generated document and saves it. Unlike a plain link, a refusal (no permission, no data for that
 * quarter) becomes a message instead of a downloaded error page.
 */
export async function downloadDocument(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  const response = await fetch(apiUrl(path, query), { credentials: 'same-origin' });
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    const e = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: unknown }).error : body;
    const message = typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : '';
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : `http.${response.status}`;
    throw new ApiError(response.status, { code, message: message || `文件生成失败（${response.status}）` });
  }
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  saveBlob(await response.blob(), name);
  return name;
}
