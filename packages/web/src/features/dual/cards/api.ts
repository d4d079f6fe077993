import type { PostCreateBody, PostUpdateBody, RiskMapBody } from '@anzhi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client.ts';

const postsKey = ['dual', 'posts'] as const;
const mapsKey = ['dual', 'risk-maps'] as const;

export function usePosts(enterpriseId: number | null) {
  return useQuery({
    queryKey: [...postsKey, 'list', enterpriseId],
    queryFn: ({ signal }) => call('GET /posts', { query: { enterpriseId: enterpriseId ?? undefined }, signal }),
  });
}

export function useQuizAttempts(postId: number | null) {
  return useQuery({
    queryKey: [...postsKey, 'attempts', postId],
    queryFn: ({ signal }) => call('GET /posts/{id}/quiz-attempts', { params: { id: postId ?? 0 }, signal }),
    enabled: postId !== null,
  });
}

export function useSavePost() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; body: PostUpdateBody } | { id: null; body: PostCreateBody }) =>
      v.id === null ? call('POST /posts', { body: v.body }) : call('PUT /posts/{id}', { params: { id: v.id }, body: v.body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: postsKey }),
  });
}

export function useDeletePost() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; version: number }) => call('DELETE /posts/{id}', { params: { id: v.id }, query: { version: v.version } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: postsKey }),
  });
}

export function useRiskMap(enterpriseId: number | null) {
  return useQuery({
    queryKey: [...mapsKey, enterpriseId],
    queryFn: ({ signal }) => call('GET /risk-maps/{id}', { params: { id: enterpriseId ?? 0 }, signal }),
    enabled: enterpriseId !== null,
  });
}

export function useSaveRiskMap(enterpriseId: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RiskMapBody) => call('PUT /risk-maps/{id}', { params: { id: enterpriseId ?? 0 }, body }),
    onSuccess: (data) => qc.setQueryData([...mapsKey, enterpriseId], data),
  });
}

export function uploadSitePlan(file: Blob, name: string) {
  const form = new FormData();
  form.append('file', file, name);
  return call('POST /files', { body: form });
}
