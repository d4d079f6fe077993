import { MutationCache, QueryClient } from '@tanstack/react-query';
import { todosKey } from '../features/todos/api.ts';
import { ApiError } from '../lib/api-client.ts';

/** Client errors (4xx) will not fix themselves; only network and server failures are retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // Any change may settle or create someone's to-do: the 待办 list and its badge are fetched again after each one.
  const mutationCache = new MutationCache({
    onSettled: () => client.invalidateQueries({ queryKey: todosKey }),
  });
  const client: QueryClient = new QueryClient({
    mutationCache,
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
}
