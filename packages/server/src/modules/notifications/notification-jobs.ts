import { type JobState, jobDefaultMaxAttempts } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../lib/sql-array.ts';
import type { JobInput } from '../jobs/job-queue.ts';

/** The queue outbound copies of notices go through. */
export const outboundQueue = 'outbound';

/** What an outbound job carries: which notice, to which channel (`channelKey`). */
export interface OutboundJobPayload {
  notificationId: number;
  channel: string;
}

const keyPrefix = 'notification:';

/** One copy per notice and channel, however often it is enqueued. */
export function outboundJobKey(notificationId: number, channel: string): string {
  return `${keyPrefix}${notificationId}:${channel}`;
}

export function outboundJob(notificationId: number, channel: string): JobInput {
  return {
    queue: outboundQueue,
    payload: { notificationId, channel } satisfies OutboundJobPayload,
    dedupeKey: outboundJobKey(notificationId, channel),
  };
}

/** The outbound channel keys of the notification service (`notifications.outboundChannelKeys`). */
export interface OutboundKeys {
  perRecipient: readonly string[];
  perNotice: readonly string[];
}

/**
 * For the sweeps' set-based SQL: the statement that enqueues the outbound jobs of the notices a CTE `notices`
 * (columns id, dedupe_key) returned — one per recipient and personal channel, one per group of identical notices
 * and group channel — with the same payload and dedupe key as `outboundJob`.
 */
export function enqueueOutboundSql(notices: SQL, channels: OutboundKeys, now: Date): SQL {
  const queued: JobState = 'queued';
  return sql`INSERT INTO jobs (queue, payload, dedupe_key, state, run_at, max_attempts, created_at)
    SELECT ${outboundQueue}::text, jsonb_build_object('notificationId', x.id, 'channel', x.ch), ${keyPrefix}::text || x.id || ':' || x.ch,
      ${queued}::text, ${now}::timestamptz, ${jobDefaultMaxAttempts}::int, ${now}::timestamptz
    FROM (
      SELECT n.id, ch FROM ${notices} n CROSS JOIN unnest(${textArray(channels.perRecipient)}) ch
      UNION ALL
      SELECT min(n.id), ch FROM ${notices} n CROSS JOIN unnest(${textArray(channels.perNotice)}) ch GROUP BY n.dedupe_key, ch
    ) x
    ON CONFLICT DO NOTHING
    RETURNING 1`;
}
