import type { CurrentUser, Permission } from '@anzhi/core';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, call } from './api-client.ts';

export const sessionQueryKey = ['auth', 'me'] as const;

/**
 * The phone's offline check pages (/dual/m/…, /campaigns/m/…, /o/…) open without a network from the last signed-in user kept on the device
 * (ADR 0025); every other page still needs the server to say who is signed in. Logging out forgets the copy.
 */
const offlineUserKey = 'anzhi.offline-user';
export const isOfflinePath = (pathname: string) =>
  pathname === '/dual/m' ||
  pathname.startsWith('/dual/m/') ||
  // 专项检查 (issue 17): the campaign phone pages and a QR label scanned again without a network
  pathname === '/campaigns/m' ||
  pathname.startsWith('/campaigns/m/') ||
  pathname.startsWith('/o/');

function rememberUser(user: CurrentUser | null): void {
  try {
    if (user) localStorage.setItem(offlineUserKey, JSON.stringify(user));
    else localStorage.removeItem(offlineUserKey);
  } catch {
    // Private browsing or a full quota: the pages simply need the network.
  }
}

function rememberedUser(): CurrentUser | null {
  try {
    const raw = localStorage.getItem(offlineUserKey);
    return raw ? (JSON.parse(raw) as CurrentUser) : null;
  } catch {
    return null;
  }
}

/** The signed-in user, or null when there is no session (401). Other failures are thrown. */
export async function fetchSession(): Promise<CurrentUser | null> {
  try {
    const { user } = await call('GET /auth/me', { skipAuthHandler: true });
    rememberUser(user);
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberUser(null);
      return null;
    }
    const offline = error instanceof ApiError && error.status === 0 && isOfflinePath(window.location.pathname);
    const remembered = offline ? rememberedUser() : null;
    if (remembered) return remembered;
    throw error;
  }
}

const sessionQuery = {
  queryKey: sessionQueryKey,
  queryFn: fetchSession,
  staleTime: 60_000,
  // Asked even when the browser says it is offline, so the offline pages get the remembered user instead of waiting.
  networkMode: 'always' as const,
  retry: (count: number, error: unknown) => !(error instanceof ApiError && error.status > 0) && count < 2,
};

export function useSession() {
  return useQuery(sessionQuery);
}

/**
 * Pages for anyone, asked no session and never detoured through the login page: the published 双随机 draws
 * (/public/…), the reporter's pages (/report, /report/e/…, /report/track — not the office's /reports) and the
 * 双重预防 cards opened from their QR codes (/card/p/…, /card/r/…).
 */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === '/login' ||
    pathname.startsWith('/public/') ||
    pathname === '/report' ||
    pathname.startsWith('/report/') ||
    pathname.startsWith('/card/')
  );
}

/**
 * Before the router starts: a visitor without a session is sent to the login page at once. The router loads every
 * lazy route of a URL before it renders any (the session guard included), so on a phone opening / cold the guard's
 * redirect would otherwise wait for antd, the layout and the dashboard. Failures are left to the guard, which
 * shows them with a retry.
 */
export async function sendVisitorToLogin(queryClient: QueryClient, location: Location): Promise<void> {
  if (isPublicPath(location.pathname)) return;
  const user = await queryClient.fetchQuery(sessionQuery).catch(() => undefined);
  if (user === null) window.history.replaceState(null, '', loginPath(`${location.pathname}${location.search}`));
}

/** For pages behind the session guard, where the user is always known. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser() used outside the session guard');
  return data;
}

export function hasPermission(user: CurrentUser | null | undefined, permission: Permission): boolean {
  return !!user && user.permissions.includes(permission);
}

export function useCan(permission: Permission): boolean {
  const { data } = useSession();
  return hasPermission(data, permission);
}

/** Why the user was sent to the login page; shown there as a notice. */
export type LoginReason = 'expired' | 'password_changed' | 'logged_out';

export const loginReasonText: Record<LoginReason, string> = {
  expired: '登录已超时，请重新登录',
  password_changed: '密码已修改，请使用新密码重新登录',
  logged_out: '您已安全退出',
};

/** Only same-site paths are followed after login, never another origin. */
export function safeRedirect(target: string | null | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/';
  return target;
}

export function loginPath(redirect?: string, reason?: LoginReason): string {
  const params = new URLSearchParams();
  if (redirect && safeRedirect(redirect) !== '/') params.set('redirect', redirect);
  if (reason) params.set('reason', reason);
  const qs = params.toString();
  return `/login${qs ? `?${qs}` : ''}`;
}

let endReason: LoginReason | undefined;

/** Forgets the user and every cached record; the session guard then sends the browser to the login page. */
export function endSession(queryClient: QueryClient, reason?: LoginReason): void {
  endReason = reason;
  rememberUser(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, null);
}

export function startSession(queryClient: QueryClient, user: CurrentUser): void {
  endReason = undefined;
  rememberUser(user);
  queryClient.setQueryData(sessionQueryKey, user);
}

/** Why the last session ended, so the login page can say so. */
export function sessionEndReason(): LoginReason | undefined {
  return endReason;
}
