import { isSafeNoticeLink, type NotificationItem, type NotificationPage } from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { channelKey, type OutboundChannel } from '../../lib/outbound/outbound.ts';
import { type DueDelivery, type NotificationRow, notificationRepo } from './notification.repo.ts';

export interface NoticeInput {
  userIds: number[];
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  entityType?: string | null;
  entityId?: number | null;
  dedupeKey?: string | null;
}

/** An outbound copy is tried at most this many times. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** Wait after the 1st, 2nd, 3rd and 4th failed attempt: a robot or mail server that is down is not hammered. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];

function toItem(r: NotificationRow): NotificationItem {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    entityType: r.entityType,
    entityId: r.entityId,
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.slice(0, 500) || '发送失败';
}

export function createNotificationService(deps: { db: Db; clock: Clock; channels: OutboundChannel[] }) {
  const { db, clock, channels } = deps;
  const channelByKey = new Map(channels.map((c) => [channelKey(c), c]));
  let delivering: Promise<{ sent: number; failed: number }> | null = null;
  let again = false;

  function deliveryRows(notificationIds: number[], everyoneNew: boolean, now: Date) {
    const rows: { notificationId: number; channel: string; createdAt: Date }[] = [];
    for (const c of channels) {
      if (c.audience === 'group') {
        // One post to a group per notice; none when part of the group's audience already had this notice.
        const first = notificationIds[0];
        if (first !== undefined && everyoneNew) rows.push({ notificationId: first, channel: channelKey(c), createdAt: now });
      } else {
        for (const id of notificationIds) rows.push({ notificationId: id, channel: channelKey(c), createdAt: now });
      }
    }
    return rows;
  }

  /** Sends one claimed delivery and records the outcome; never throws. */
  async function deliverOne(d: DueDelivery): Promise<'sent' | 'failed' | 'skipped'> {
    const channel = channelByKey.get(d.channel);
    const skip = (why: string) => notificationRepo.finishDelivery(db, d.id, { status: 'skipped', lastError: why });
    if (!channel) {
      await skip('该发送渠道已不在配置中');
      return 'skipped';
    }
    const personal = (channel.audience ?? 'person') === 'person';
    if (personal && (!d.email || d.userDisabled)) {
      await skip(d.userDisabled ? '账号已停用' : '用户未填写电子邮箱');
      return 'skipped';
    }
    try {
      await channel.send({ title: d.title, body: d.body, link: d.link, toEmail: personal ? d.email : null });
      await notificationRepo.finishDelivery(db, d.id, { status: 'sent', lastError: null, sentAt: clock.now(), payload: null });
      return 'sent';
    } catch (e) {
      const last = d.attempts >= MAX_DELIVERY_ATTEMPTS;
      const delay = RETRY_DELAYS_MS[Math.min(d.attempts, RETRY_DELAYS_MS.length) - 1] ?? 0;
      await notificationRepo.finishDelivery(db, d.id, {
        status: last ? 'failed' : 'pending',
        lastError: errorText(e),
        payload: last ? null : { retryAt: new Date(clock.now().getTime() + delay).toISOString() },
      });
      return 'failed';
    }
  }

  /** Drains what is due in batches of `limit`; a failed row waits for its retry time, so the loop ends. */
  async function runDelivery(limit: number, result: { sent: number; failed: number }) {
    for (;;) {
      const due = await notificationRepo.claimDue(db, clock.now(), limit);
      for (const d of due) {
        const outcome = await deliverOne(d);
        if (outcome === 'sent') result.sent++;
        if (outcome === 'failed') result.failed++;
      }
      if (due.length < limit) return;
    }
  }

  return {
    /**
     * For code that inserts notices in bulk SQL (the hazard sweep) instead of calling `notify`: the values of
     * `notification_deliveries.channel` to give each new notice (`perRecipient`) and each group of identical notices
     * once (`perNotice`, the group robots).
     */
    outboundChannelKeys: {
      perRecipient: channels.filter((c) => c.audience !== 'group').map(channelKey),
      perNotice: channels.filter((c) => c.audience === 'group').map(channelKey),
    },

    /**
     * Inside the caller's transaction: one notice per user (a (user, dedupeKey) pair already present is skipped), and
     * a pending outbound copy per configured channel. Returns how many notices were inserted.
     */
    async notify(ex: Executor, notice: NoticeInput): Promise<number> {
      const userIds = [...new Set(notice.userIds)];
      if (userIds.length === 0) return 0;
      if (notice.link && !isSafeNoticeLink(notice.link))
        throw new Error(`notification link must be an in-app path or http(s) URL: ${notice.link}`);
      const now = clock.now();
      const ids = await notificationRepo.insertMany(
        ex,
        userIds.map((userId) => ({
          userId,
          kind: notice.kind,
          title: notice.title,
          body: notice.body,
          link: notice.link ?? null,
          entityType: notice.entityType ?? null,
          entityId: notice.entityId ?? null,
          dedupeKey: notice.dedupeKey ?? null,
          createdAt: now,
        })),
      );
      await notificationRepo.insertDeliveries(ex, deliveryRows(ids, ids.length === userIds.length, now));
      return ids.length;
    },

    /**
     * Sends the pending outbound copies that are due, `limit` at a time (call after the notifying transaction
     * commits; the scheduler calls it too). Overlapping calls in one process share one run, which takes one more
     * pass for rows committed meanwhile. Never throws.
     */
    async deliverPending(limit = 50): Promise<{ sent: number; failed: number }> {
      if (channels.length === 0) return { sent: 0, failed: 0 };
      again = true;
      if (delivering) return delivering;
      const result = { sent: 0, failed: 0 };
      delivering = (async () => {
        while (again) {
          again = false;
          await runDelivery(Math.max(1, limit), result);
        }
        return result;
      })()
        .catch(() => result)
        .finally(() => {
          delivering = null;
        });
      return delivering;
    },

    async list(actor: Actor, query: { page: number; pageSize: number; unread?: boolean }): Promise<NotificationPage> {
      const { items, total } = await notificationRepo.list(db, actor.userId, query.unread, query.page, query.pageSize);
      const unread = query.unread ? total : await notificationRepo.unreadCount(db, actor.userId);
      return { items: items.map(toItem), total, unread };
    },

    unreadCount(actor: Actor): Promise<number> {
      return notificationRepo.unreadCount(db, actor.userId);
    },

    // Reading a notice is the reader's own state, kept on the row (read_at), so it is not written to the audit chain.
    async markRead(actor: Actor, id: number): Promise<void> {
      if (!(await notificationRepo.markRead(db, actor.userId, id, clock.now()))) throw errors.notFound('通知', 'notification.not_found');
    },

    markAllRead(actor: Actor): Promise<number> {
      return notificationRepo.markAllRead(db, actor.userId, clock.now());
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
