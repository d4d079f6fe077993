import { isSafeNoticeLink, jobDefaultMaxAttempts, type NotificationItem, type NotificationPage } from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { channelKey, type OutboundChannel } from '../../lib/outbound/outbound.ts';
import { createJobWorker, enqueueJobs, type JobHandler, type JobInput } from '../jobs/job-queue.ts';
import { type NotificationRow, notificationRepo } from './notification.repo.ts';
import { type OutboundJobPayload, outboundJob, outboundQueue } from './notification-jobs.ts';

type JobWorker = ReturnType<typeof createJobWorker>;

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

/** An outbound copy is tried at most this many times (the queue's default), then listed as dead for the administrator. */
export const MAX_DELIVERY_ATTEMPTS = jobDefaultMaxAttempts;

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

export function createNotificationService(deps: {
  db: Db;
  clock: Clock;
  channels: OutboundChannel[];
  /** The queue worker that delivers; default: one of this process. */
  worker?: JobWorker;
}) {
  const { db, clock, channels } = deps;
  const channelByKey = new Map(channels.map((c) => [channelKey(c), c]));
  const worker = deps.worker ?? createJobWorker({ db, clock });
  let delivering: Promise<{ sent: number; failed: number }> | null = null;
  let again = false;

  function outboundJobs(notificationIds: number[], everyoneNew: boolean) {
    const jobs: JobInput[] = [];
    for (const c of channels) {
      if (c.audience === 'group') {
        // One post to a group per notice; none when part of the group's audience already had this notice.
        const first = notificationIds[0];
        if (first !== undefined && everyoneNew) jobs.push(outboundJob(first, channelKey(c)));
      } else {
        for (const id of notificationIds) jobs.push(outboundJob(id, channelKey(c)));
      }
    }
    return jobs;
  }

  /** Sends one outbound copy; throws when the channel fails (the queue retries), says why when there is nothing to send. */
  const deliver: JobHandler = async (job) => {
    const { notificationId, channel: key } = job.payload as OutboundJobPayload;
    const channel = channelByKey.get(key);
    if (!channel) return { skipped: '该发送渠道已不在配置中' };
    const d = await notificationRepo.outboundDetails(db, notificationId);
    if (!d) return { skipped: '通知已不存在' };
    const personal = (channel.audience ?? 'person') === 'person';
    if (personal && (!d.email || d.userDisabled)) return { skipped: d.userDisabled ? '账号已停用' : '用户未填写电子邮箱' };
    await channel.send({ title: d.title, body: d.body, link: d.link, toEmail: personal ? d.email : null });
    return undefined;
  };

  return {
    /**
     * For code that inserts notices in bulk SQL (the sweeps, via `enqueueOutboundSql`) instead of calling `notify`:
     * the channel keys to enqueue for each new notice (`perRecipient`) and once per group of identical notices
     * (`perNotice`, the group robots).
     */
    outboundChannelKeys: {
      perRecipient: channels.filter((c) => c.audience !== 'group').map(channelKey),
      perNotice: channels.filter((c) => c.audience === 'group').map(channelKey),
    },

    /**
     * Inside the caller's transaction: one notice per user (a (user, dedupeKey) pair already present is skipped), and
     * an outbound job per configured channel (a rolled-back change sends nothing; a committed one is never lost). Returns how many notices were inserted.
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
      await enqueueJobs(ex, outboundJobs(ids, ids.length === userIds.length), now);
      return ids.length;
    },

    /**
     * Sends the outbound copies that are due from the queue, `limit` at a time (call after the notifying transaction
     * commits; the scheduler calls it too). A failed copy waits for its back-off; a copy whose worker died is taken
     * again when its lease runs out. Overlapping calls in one process share one run, which takes one more
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
          const r = await worker.work(outboundQueue, deliver, Math.max(1, limit));
          result.sent += r.done;
          result.failed += r.failed + r.dead;
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
