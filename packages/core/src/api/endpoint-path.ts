import type { ApiKey } from './api-endpoints.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Fills `{name}` placeholders of an endpoint path, URI-encoding each value. Kept apart from `apiEndpoints`: that map
 * holds every contract's schemas, and the web client's fetch helper (on the login page too) needs only the path.
 */
export function endpointPath(key: ApiKey, params: Record<string, string | number> = {}): { method: Method; path: string } {
  const [method, template] = key.split(' ') as [Method, string];
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`路径参数 ${name} 缺失：${key}`);
    return encodeURIComponent(String(value));
  });
  return { method, path };
}
