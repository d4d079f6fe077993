import os from 'node:os';
import Piscina from 'piscina';
import { AppError } from './errors.ts';

/**
 * Heavy parsing of uploads (ExcelJS over a workbook, the .docx reader) runs in worker threads, so the server keeps
 * answering while an import is read, and a file that still blows up past its zip budget takes a worker down, not
 * the server: each worker has its own heap ceiling and each task a time limit.
 */
export const PARSE_WORKER_HEAP_MB = 1024;
export const PARSE_TIMEOUT_MS = 120_000;

export const offThreadErrors = {
  outOfMemory: () =>
    new AppError(
      413,
      'file.parse_out_of_memory',
      '文件内容过多或结构异常，解析时超出内存上限，无法读取。请删去无关的工作表或图片，或拆分文件后再试',
    ),
  timeout: () => new AppError(413, 'file.parse_timeout', '文件解析超时（内容过多或结构异常），无法读取。请拆分文件后再试'),
};

interface Outcome {
  ok: boolean;
  value?: unknown;
  error?: { status: number; code: string; message: string; details?: unknown };
}

export interface ParsePoolOptions {
  heapMb?: number;
  timeoutMs?: number;
  maxThreads?: number;
}

export function createParsePool(opts: ParsePoolOptions = {}) {
  const pool = new Piscina<{ module: string; fn: string; args: unknown[] }, Outcome>({
    filename: new URL('./off-thread.worker.mjs', import.meta.url).href,
    // One core stays with the event loop; no idle thread holds memory for long.
    maxThreads: opts.maxThreads ?? Math.max(1, Math.min(2, os.availableParallelism() - 1)),
    minThreads: 0,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: opts.heapMb ?? PARSE_WORKER_HEAP_MB },
  });
  const timeoutMs = opts.timeoutMs ?? PARSE_TIMEOUT_MS;
  return {
    /** Runs `fn` of `module` (a file URL) in a worker; its AppErrors are thrown here as AppErrors. */
    async run(module: URL, fn: string, args: unknown[]): Promise<unknown> {
      let outcome: Outcome;
      try {
        outcome = await pool.run({ module: module.href, fn, args }, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (e) {
        const { code, name } = e as { code?: string; name?: string };
        if (code === 'ERR_WORKER_OUT_OF_MEMORY') throw offThreadErrors.outOfMemory();
        if (name === 'AbortError' || name === 'TimeoutError') throw offThreadErrors.timeout();
        throw e;
      }
      if (!outcome.ok && outcome.error) {
        const { status, code, message, details } = outcome.error;
        throw new AppError(status, code, message, details);
      }
      return outcome.value;
    },
    close: () => pool.destroy(),
  };
}

export type ParsePool = ReturnType<typeof createParsePool>;

let shared: ParsePool | undefined;

/**
 * A function of a module, called in the shared parse pool with the same arguments and result. `name` must be the
 * function's exported name; arguments and result cross by structured clone (a Buffer arrives as a Uint8Array).
 */
// biome-ignore lint/suspicious/noExplicitAny: any function signature
export function offThread<F extends (...args: any[]) => unknown>(
  module: URL,
  name: string,
): (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>> {
  return async (...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> => {
    shared ??= createParsePool();
    return (await shared.run(module, name, args)) as Awaited<ReturnType<F>>;
  };
}
