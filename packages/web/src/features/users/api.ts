import type { Role, User } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Ok, type Page } from '../../lib/api-client.ts';

export interface UserListParams {
  q?: string;
  role?: Role;
  unitId?: number;
  regionCode?: string;
  page: number;
  pageSize: number;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  phone?: string | null;
  roles: Role[];
  regionCodes: string[];
  unitId?: number | null;
  initialPassword: string;
}

export type UserUpdateInput = Partial<Omit<UserCreateInput, 'username' | 'initialPassword'>> & {
  disabled?: boolean;
  enterprisePrincipal?: boolean;
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: () => api.get<Page<User>>('/users', { ...params }),
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
  return useMutation({ mutationFn: (body: UserCreateInput) => api.post<User>('/users', body), onSuccess });
}

export function useUpdateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...body }: UserUpdateInput & { id: number }) => api.patch<User>(`/users/${id}`, body),
    onSuccess,
  });
}

export function useResetPassword() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: number; newPassword: string }) => api.post<Ok>(`/users/${id}/reset-password`, { newPassword }),
    onSuccess,
  });
}

export function useUnlockUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({ mutationFn: (id: number) => api.post<Ok>(`/users/${id}/unlock`, {}), onSuccess });
}
