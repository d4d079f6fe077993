import { Navigate } from 'react-router';
import { useCurrentUser } from '../../../lib/session.ts';

/** /dual/m — where the installed app opens (the manifest's start_url): the account's own check page. */
export function PhoneHome() {
  const user = useCurrentUser();
  const to = user.roles.includes('enterprise') ? '/dual/m/checks' : user.roles.includes('village') ? '/dual/m/patrols' : '/';
  return <Navigate to={to} replace />;
}
