import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '../components/query-error.tsx';
import { loginPath, sessionEndReason, useSession } from '../lib/session.ts';
import { FullPageSpin } from './full-page-spin.tsx';

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Everything but the login page sits behind this guard: no session → login (remembering where the user was
 * going); a password that must be changed → the change-password page, before anything else.
 */
export function RequireSession() {
  const location = useLocation();
  const session = useSession();
  const here = `${location.pathname}${location.search}`;

  if (session.isPending) return <FullPageSpin tip="正在确认登录状态…" />;
  if (session.isError && session.data === undefined) {
    return <QueryError error={session.error} title="无法连接服务器" onRetry={() => void session.refetch()} />;
  }
  const user = session.data;
  if (!user) {
    // After a deliberate logout the next person to sign in may be someone else: start them at their own home.
    const reason = sessionEndReason();
    return <Navigate to={loginPath(reason === 'logged_out' ? undefined : here, reason)} replace />;
  }
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={`${CHANGE_PASSWORD_PATH}?redirect=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
}
