/** The first retry waits about a minute; each further one twice as long, up to an hour. */
export const jobRetryBaseMs = 60_000;
export const jobRetryCapMs = 3_600_000;
/** A job is tried this many times before it goes to the dead-letter list, unless its queue says otherwise. */
export const jobDefaultMaxAttempts = 5;

/**
 * The wait before retrying a job that failed its `attempt`-th try (1-based): exponential back-off with "equal jitter"
 * (half the step fixed, half random), so workers that failed together do not all come back in the same second, and
 * the wait never exceeds the nominal step (`jobRetryStepMs`). `random` is in [0, 1).
 */
export function jobRetryDelayMs(attempt: number, random: number): number {
  const step = jobRetryStepMs(attempt);
  return Math.round(step / 2 + (Math.min(Math.max(random, 0), 1) * step) / 2);
}

/** The nominal back-off step after the `attempt`-th failure: base × 2^(attempt−1), capped. */
export function jobRetryStepMs(attempt: number): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(jobRetryCapMs, jobRetryBaseMs * 2 ** Math.min(n - 1, 30));
}

/** Whether a job that failed its `attempt`-th try goes to the dead-letter list instead of being retried. */
export function jobIsExhausted(attempt: number, maxAttempts: number): boolean {
  return attempt >= maxAttempts;
}

/**
 * Delivered jobs are kept this long, then pruned: the notice itself stays in `notifications` (the record of what
 * was said to whom), the job row is only its transport. Dead jobs are never pruned — they wait for an administrator.
 */
export const jobDoneRetentionDays = 90;

/** The finish time before which a delivered job is pruned, on `now`. */
export function jobPruneBefore(now: Date): Date {
  return new Date(now.getTime() - jobDoneRetentionDays * 86_400_000);
}
