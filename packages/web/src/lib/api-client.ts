import { type ApiBody, type ApiKey, type ApiParams, type ApiQuery, type ApiResponse, type ErrorBody, endpointPath } from '@anzhi/core';

/** One field problem the server reported, e.g. `{ path: 'username', message: '用户名已存在' }`. */
export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.requestId = body.requestId;
  }

  /** Validation details in the `[{path, message}]` shape, or an empty list. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((d): FieldProblem[] => {
      if (typeof d !== 'object' || d === null) return [];
      const { path, message } = d as { path?: unknown; message?: unknown };
      if (typeof message !== 'string') return [];
      const p = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
      return [{ path: p, message }];
    });
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not run the global 401/403 handler (login, logout, the session probe). */
  skipAuthHandler?: boolean;
  /** Extra request headers (the reporter's `x-report-secret` and `x-report-device`). */
  headers?: Record<string, string>;
}

type AuthFailureHandler = (error: ApiError) => void;
let authFailureHandler: AuthFailureHandler | null = null;

/** The app registers what happens when a session ends or a password change is required mid-use. */
export function onAuthFailure(handler: AuthFailureHandler | null): void {
  authFailureHandler = handler;
}

const BASE = '/api/v1';

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** Accepts the flat `{code,message}` body and, defensively, the `{error:{…}}` envelope. */
function toErrorBody(status: number, raw: unknown): ErrorBody {
  const candidate = typeof raw === 'object' && raw !== null && 'error' in raw && typeof raw.error === 'object' ? raw.error : raw;
  if (typeof candidate === 'object' && candidate !== null && 'message' in candidate) {
    const c = candidate as Partial<ErrorBody>;
    return {
      code: typeof c.code === 'string' ? c.code : `http.${status}`,
      message: typeof c.message === 'string' && c.message ? c.message : fallbackMessage(status),
      details: c.details,
      requestId: c.requestId,
    };
  }
  return { code: `http.${status}`, message: fallbackMessage(status) };
}

function fallbackMessage(status: number): string {
  if (status === 401) return '请先登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '请求的内容不存在或已被删除';
  if (status === 413) return '提交的内容过大';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务器出现问题，请稍后重试或联系管理员';
  return `请求失败（${status}）`;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  // A FormData body (file upload) sets its own multipart content type and boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'network.unreachable', message: '无法连接服务器，请检查网络后重试' });
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, toErrorBody(response.status, data));
    // A wrong password (e.g. the old one when changing it) is a 401 too, but the session is still alive.
    const authFailure =
      (error.status === 401 && error.code !== 'auth.invalid_credentials') ||
      (error.status === 403 && error.code === 'auth.password_change_required');
    if (authFailure && !options.skipAuthHandler) authFailureHandler?.(error);
    throw error;
  }
  return data as T;
}

type CallOptions<K extends ApiKey> = {
  query?: ApiQuery<K>;
  body?: ApiBody<K>;
  signal?: AbortSignal;
  /** Do not run the global 401/403 handler (login, logout, the session probe). */
  skipAuthHandler?: boolean;
  headers?: Record<string, string>;
};
type CallArgs<K extends ApiKey> = [keyof ApiParams<K>] extends [never]
  ? [options?: CallOptions<K>]
  : [options: CallOptions<K> & { params: ApiParams<K> }];

/**
 * Calls a JSON endpoint by its contract key ("GET /hazards/{id}"): the path, its parameters, query keys, body and
 * response type all come from core's `apiEndpoints`, so no page restates a path or a response type.
 */
export function call<K extends ApiKey>(key: K, ...[options]: CallArgs<K>): Promise<ApiResponse<K>> {
  const opts = (options ?? {}) as CallOptions<K> & { params?: Record<string, string | number> };
  const { method, path } = endpointPath(key, opts.params);
  const body = opts.body === undefined && method !== 'GET' && method !== 'DELETE' ? {} : opts.body;
  return request<ApiResponse<K>>(method, path, {
    query: opts.query as Query | undefined,
    body,
    signal: opts.signal,
    skipAuthHandler: opts.skipAuthHandler,
    headers: opts.headers,
  });
}

/** The same-origin URL of an API path with a query, for download links (<a href>) that the browser fetches itself. */
export function apiUrl(path: string, query?: Query): string {
  return buildUrl(path, query);
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Ok {
  ok: true;
}

/** The Chinese message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请重试';
}
