import { z } from 'zod';
import { pageQuery } from '../common/common.contract.ts';

/** One in-app notice, as its recipient sees it. `link` is an in-app path (e.g. /hazards/12) or an http(s) address. */
export const notificationItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.number().int().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

const queryFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const notificationListQuery = pageQuery.extend({
  /** true: only unread notices. */
  unread: queryFlag.optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationPage = z.object({
  items: z.array(notificationItem),
  total: z.number().int(),
  /** All of the user's unread notices, whatever the page or filter. */
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

export const notificationUnreadCount = z.object({ count: z.number().int() });
export type NotificationUnreadCount = z.infer<typeof notificationUnreadCount>;

export const notificationReadAllResult = z.object({ count: z.number().int() });
export type NotificationReadAllResult = z.infer<typeof notificationReadAllResult>;

/**
 * A link a notice may carry: an in-app path or an http(s) address. Anything else (`javascript:`, `//host`) is
 * refused, because the web app navigates to it on a tap.
 */
export function isSafeNoticeLink(link: string): boolean {
  if (link.startsWith('/')) return !link.startsWith('//') && !link.startsWith('/\\');
  return /^https?:\/\/[^\s/]+/i.test(link);
}
