import type { NotificationItem } from '@anzhi/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export const notificationsKey = ['notifications'] as const;
const PAGE_SIZE = 20;

/** The bell's number: every 60 s while the tab is visible, and again whenever the window regains focus. */
export function useUnreadNotificationCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: ({ signal }) => call('GET /notifications/unread-count', { signal }).then((r) => r.count),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
    // A lost connection should not put an error badge on every page; the next poll tries again.
    retry: false,
  });
}

/** The drawer's list, newest first, 20 at a time with 加载更多. */
export function useNotificationFeed(unreadOnly: boolean, enabled: boolean) {
  const query = useInfiniteQuery({
    queryKey: [...notificationsKey, 'feed', unreadOnly],
    queryFn: ({ pageParam, signal }) =>
      call('GET /notifications', { query: { page: pageParam, pageSize: PAGE_SIZE, unread: unreadOnly || undefined }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, all) => (all.length * PAGE_SIZE < last.total ? all.length + 1 : undefined),
    enabled,
    staleTime: 0,
  });
  // Offset pages can overlap when a notice arrives between two pages; show each notice once.
  const seen = new Set<number>();
  const items: NotificationItem[] = [];
  for (const page of query.data?.pages ?? []) {
    for (const n of page.items) {
      if (!seen.has(n.id)) {
        seen.add(n.id);
        items.push(n);
      }
    }
  }
  const last = query.data?.pages.at(-1);
  return { ...query, items, total: last?.total, unread: last?.unread };
}

function useInvalidateNotifications() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: notificationsKey });
}

export function useMarkNotificationRead() {
  const onSettled = useInvalidateNotifications();
  return useMutation({ mutationFn: (id: number) => call('POST /notifications/{id}/read', { params: { id } }), onSettled });
}

export function useMarkAllNotificationsRead() {
  const onSettled = useInvalidateNotifications();
  return useMutation({ mutationFn: () => call('POST /notifications/read-all'), onSettled });
}
