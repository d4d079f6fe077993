import type { QuizAttemptBody } from '@anzhi/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../../../lib/api-client.ts';

/** Opened from a card's QR without an account: a 401 must never send the worker to the login page. */
const publicCall = { skipAuthHandler: true } as const;

export function usePublicPostCard(publicCode: string) {
  return useQuery({
    queryKey: ['public-post-card', publicCode],
    queryFn: ({ signal }) => call('GET /public/post-cards/{publicCode}', { params: { publicCode }, signal, ...publicCall }),
    retry: false,
  });
}

export function usePublicRiskCard(publicCode: string) {
  return useQuery({
    queryKey: ['public-risk-card', publicCode],
    queryFn: ({ signal }) => call('GET /public/risk-cards/{publicCode}', { params: { publicCode }, signal, ...publicCall }),
    retry: false,
  });
}

export function useTakeQuiz(publicCode: string) {
  return useMutation({
    mutationFn: (body: QuizAttemptBody) =>
      call('POST /public/post-cards/{publicCode}/quiz', { params: { publicCode }, body, ...publicCall }),
  });
}
