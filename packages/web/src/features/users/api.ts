import type { ApiBody, ApiQuery } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export type UserListParams = ApiQuery<'GET /users'> & { page: number; pageSize: number };
export type UserCreateInput = ApiBody<'POST /users'>;
export type UserUpdateInput = ApiBody<'PATCH /users/{id}'>;

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: () => call('GET /users', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useCreateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({ mutationFn: (body: UserCreateInput) => call('POST /users', { body }), onSuccess });
}

export function useUpdateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...body }: UserUpdateInput & { id: number }) => call('PATCH /users/{id}', { params: { id }, body }),
    onSuccess,
  });
}

export function useResetPassword() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: number; newPassword: string }) =>
      call('POST /users/{id}/reset-password', { params: { id }, body: { newPassword } }),
    onSuccess,
  });
}

export function useUnlockUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({ mutationFn: (id: number) => call('POST /users/{id}/unlock', { params: { id } }), onSuccess });
}

/** Enterprises in the manager's scope matching a few typed characters, for binding an enterprise account. */
export function useEnterpriseOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['enterprises', 'user-form', q],
    queryFn: ({ signal }) => call('GET /enterprises', { query: { q: q || undefined, page: 1, pageSize: 20, sort: 'name' }, signal }),
    select: (page) => page.items.map((e) => ({ value: e.id, label: e.regionName ? `${e.name}（${e.regionName}）` : e.name })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
