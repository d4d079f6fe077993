import type { HealthCheckResult } from '@anzhi/core';

/** One part of the platform /api/health reports on (`storage`, `queue` …); it should answer within a second or two. */
export type HealthCheck = () => Promise<HealthCheckResult> | HealthCheckResult;

const TIMEOUT_MS = 3_000;

/**
 * The checks /api/health runs besides the database's: a module registers its own (`healthChecks.register('storage',
 * …)`) where it is wired, so the health route never learns about storage or queues. A check that throws or does not
 * answer in time reports `down`, and never fails the whole answer.
 */
export function createHealthChecks() {
  const checks = new Map<string, HealthCheck>();
  return {
    register(name: string, check: HealthCheck) {
      if (checks.has(name)) throw new Error(`health check ${name} registered twice`);
      checks.set(name, check);
    },
    async run(): Promise<Record<string, HealthCheckResult>> {
      const entries = await Promise.all(
        [...checks].map(async ([name, check]): Promise<[string, HealthCheckResult]> => {
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<HealthCheckResult>((resolve) => {
            timer = setTimeout(() => resolve({ status: 'down', message: `${TIMEOUT_MS / 1000} 秒内未响应` }), TIMEOUT_MS);
          });
          try {
            return [name, await Promise.race([Promise.resolve().then(check), timeout])];
          } catch (e) {
            return [name, { status: 'down', message: (e as Error).message || String(e) }];
          } finally {
            clearTimeout(timer);
          }
        }),
      );
      return Object.fromEntries(entries);
    },
  };
}
export type HealthChecks = ReturnType<typeof createHealthChecks>;
