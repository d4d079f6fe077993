import { z } from 'zod';
import { pageQuery } from '../common/common.contract.ts';

/** A job's life: waiting (or waiting for its retry time), taken by a worker, finished, given up after its last attempt. */
export const jobStates = ['queued', 'running', 'done', 'dead'] as const;
export type JobState = (typeof jobStates)[number];

export const jobStateLabels: Record<JobState, string> = {
  queued: '待发送',
  running: '发送中',
  done: '已完成',
  dead: '已放弃',
};

/** The queues outbound work goes through, with the names an administrator reads. */
export const jobQueueLabels: Record<string, string> = {
  outbound: '通知外发（邮件、群机器人）',
};

export const jobListQuery = pageQuery.extend({
  state: z.enum(jobStates).optional(),
  queue: z.string().trim().max(64).optional(),
});
export type JobListQuery = z.infer<typeof jobListQuery>;

/** One job as the administrator's list shows it. The payload holds ids and a channel key, never an address or a token. */
export const jobItem = z.object({
  id: z.number().int(),
  queue: z.string(),
  state: z.enum(jobStates),
  payload: z.unknown(),
  dedupeKey: z.string().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobItem = z.infer<typeof jobItem>;

export const jobPage = z.object({ items: z.array(jobItem), total: z.number().int() });
export type JobPage = z.infer<typeof jobPage>;

/** The queue's state for /api/health and /api/metrics. */
export const queueHealth = z.object({
  queued: z.number().int(),
  running: z.number().int(),
  dead: z.number().int(),
  /** How long the oldest job that is due has waited, in seconds (0 when none is due). */
  oldestQueuedSeconds: z.number(),
});
export type QueueHealth = z.infer<typeof queueHealth>;
