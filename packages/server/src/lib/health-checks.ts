import type { HealthCheckResult } from '@anzhi/core';

/** One part of the platform /api/health reports on (`storage`, `queue` …); it should answer within a second or two. */
export type HealthCheck = () => Promise<HealthCheckResult> | HealthCheckResult;

export interface HealthCheckOptions {
  /**
   * The check queries the database. The embedded database has one connection: while it is busy, such a check is not
   * queued behind a long query (that would make /api/health as slow as the slowest report); it answers its last
   * result, marked with its age (`details.ageSeconds`), and runs again in the background for the next caller.
   */
  usesDatabase?: boolean;
}

const TIMEOUT_MS = 3_000;

/**
 * The checks /api/health runs besides the database's: a module registers its own (`healthChecks.register('storage',
 * …)`) where it is wired, so the health route never learns about storage or queues. A check that throws or does not
 * answer in time reports `down`, and never fails the whole answer.
 */
export function createHealthChecks() {
  const checks = new Map<string, { check: HealthCheck; usesDatabase: boolean }>();
  const last = new Map<string, { result: HealthCheckResult; at: number }>();
  const refreshing = new Set<string>();

  const runOne = async (name: string, check: HealthCheck): Promise<HealthCheckResult> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<HealthCheckResult>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'down', message: `${TIMEOUT_MS / 1000} 秒内未响应` }), TIMEOUT_MS);
    });
    let result: HealthCheckResult;
    try {
      result = await Promise.race([Promise.resolve().then(check), timeout]);
    } catch (e) {
      result = { status: 'down', message: (e as Error).message || String(e) };
    } finally {
      clearTimeout(timer);
    }
    last.set(name, { result, at: Date.now() });
    return result;
  };

  const fromLast = (name: string, check: HealthCheck): HealthCheckResult | undefined => {
    const previous = last.get(name);
    if (!previous) return undefined;
    if (!refreshing.has(name)) {
      refreshing.add(name);
      void runOne(name, check).finally(() => refreshing.delete(name));
    }
    const ageSeconds = Math.round((Date.now() - previous.at) / 100) / 10;
    return { ...previous.result, details: { ...previous.result.details, ageSeconds } };
  };

  return {
    register(name: string, check: HealthCheck, opts: HealthCheckOptions = {}) {
      if (checks.has(name)) throw new Error(`health check ${name} registered twice`);
      checks.set(name, { check, usesDatabase: opts.usesDatabase ?? false });
    },
    /** `databaseBusy`: answer the checks that use the database from their last result (see HealthCheckOptions). */
    async run(opts: { databaseBusy?: boolean } = {}): Promise<Record<string, HealthCheckResult>> {
      const entries = await Promise.all(
        [...checks].map(async ([name, { check, usesDatabase }]): Promise<[string, HealthCheckResult]> => {
          const cached = usesDatabase && opts.databaseBusy ? fromLast(name, check) : undefined;
          return [name, cached ?? (await runOne(name, check))];
        }),
      );
      return Object.fromEntries(entries);
    },
  };
}
export type HealthChecks = ReturnType<typeof createHealthChecks>;
