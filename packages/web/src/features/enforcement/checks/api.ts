import type { ApiBody } from '@anzhi/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';

export const checksKey = ['enforcement-checks'] as const;

export type CheckFilters = Partial<Record<'unitId' | 'status' | 'kind' | 'enterpriseId' | 'month' | 'mine', string>>;

export function useChecks(filters: CheckFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...checksKey, 'list', filters, page, pageSize],
    queryFn: ({ signal }) => call('GET /enforcement-checks', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCheck(id: number) {
  return useQuery({
    queryKey: [...checksKey, 'detail', id],
    queryFn: ({ signal }) => call('GET /enforcement-checks/{id}', { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Start, record, sign, amend: each answers the check as it now is, which replaces the cached one. */
export function useCheckMutations(id: number) {
  const qc = useQueryClient();
  const done = (data: Awaited<ReturnType<typeof call<'GET /enforcement-checks/{id}'>>>) => {
    qc.setQueryData([...checksKey, 'detail', id], data);
    void qc.invalidateQueries({ queryKey: [...checksKey, 'list'] });
  };
  return {
    start: useMutation({ mutationFn: () => call('POST /enforcement-checks/{id}/start', { params: { id } }), onSuccess: done }),
    assignTeam: useMutation({
      mutationFn: (body: ApiBody<'PUT /enforcement-checks/{id}/inspectors'>) =>
        call('PUT /enforcement-checks/{id}/inspectors', { params: { id }, body }),
      onSuccess: done,
    }),
    record: useMutation({
      mutationFn: (body: ApiBody<'PUT /enforcement-checks/{id}/items'>) =>
        call('PUT /enforcement-checks/{id}/items', { params: { id }, body }),
      onSuccess: done,
    }),
    sign: useMutation({
      mutationFn: (body: ApiBody<'POST /enforcement-checks/{id}/sign'>) =>
        call('POST /enforcement-checks/{id}/sign', { params: { id }, body }),
      onSuccess: (data) => {
        done(data);
        // Failed items became hazards.
        void qc.invalidateQueries({ queryKey: ['hazards'] });
      },
    }),
    amend: useMutation({
      mutationFn: (body: ApiBody<'POST /enforcement-checks/{id}/amendments'>) =>
        call('POST /enforcement-checks/{id}/amendments', { params: { id }, body }),
      onSuccess: done,
    }),
    quiz: useMutation({
      mutationFn: (body: ApiBody<'POST /enforcement-checks/{id}/quizzes'>) =>
        call('POST /enforcement-checks/{id}/quizzes', { params: { id }, body }),
      onSuccess: () => qc.invalidateQueries({ queryKey: [...checksKey, 'detail', id] }),
    }),
  };
}

export function useQuizQuestions(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...checksKey, 'quiz', id],
    queryFn: ({ signal }) => call('GET /enforcement-checks/{id}/quiz-questions', { params: { id }, query: { count: 5 }, signal }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
