import type { QueryClient } from '@tanstack/react-query';
import { onAuthFailure } from '../lib/api-client.ts';
import { endSession, sessionQueryKey } from '../lib/session.ts';

/**
 * A 401 on any call means the session is gone (idle for 30 minutes, or revoked): forget everything and let the
 * session guard show the login page, saying why when the user had been signed in. A 403
 * auth.password_change_required means the account must change its password first: reload the session so the
 * guard routes to the change-password page.
 */
export function installAuthFailureHandler(queryClient: QueryClient): () => void {
  onAuthFailure((error) => {
    if (error.status === 401) {
      // Several queries fail together when a session ends; the first one ends it. Without a known user there is
      // nothing to end (the session probe itself sends the guard to the login page).
      if (queryClient.getQueryData(sessionQueryKey) != null) endSession(queryClient, 'expired');
      return;
    }
    void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  });
  return () => onAuthFailure(null);
}
