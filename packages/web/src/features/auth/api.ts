import type { ChangePasswordBody, LoginBody } from '@anzhi/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { endSession, fetchSession, startSession } from '../../lib/session.ts';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => call('POST /auth/login', { body, skipAuthHandler: true }).then((r) => r.user),
    onSuccess: (user) => startSession(queryClient, user),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    // Leaving must always work: even if the server is unreachable, the browser forgets the user.
    mutationFn: () => call('POST /auth/logout', { skipAuthHandler: true }).catch(() => null),
    onSettled: () => endSession(queryClient, 'logged_out'),
  });
}

/**
 * Changes the password, then reloads the session: the server clears mustChangePassword. If it ended the session
 * instead, the user signs in again with the new password.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ChangePasswordBody) => {
      await call('POST /auth/change-password', { body });
      return fetchSession();
    },
    onSuccess: (user) => {
      if (user) startSession(queryClient, user);
      else endSession(queryClient, 'password_changed');
    },
  });
}
