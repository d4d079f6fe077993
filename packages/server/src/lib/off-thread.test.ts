import { afterAll, describe, expect, it } from 'vitest';
import { createParsePool } from './off-thread.ts';

const hostile = new URL('../../test/fixtures/workers/hostile.ts', import.meta.url);
// Starting a worker (tsx, then the module) takes a second or two on a busy machine: limits leave room for that.
const small = createParsePool({ heapMb: 48, timeoutMs: 20_000, maxThreads: 1 });
const quick = createParsePool({ timeoutMs: 4_000, maxThreads: 1 });
afterAll(async () => {
  await small.close();
  await quick.close();
});

describe('the parse pool (worker threads with a heap ceiling and a time limit)', () => {
  it('runs a TypeScript function in a worker and returns its result', async () => {
    expect(await small.run(hostile, 'echo', [new Uint8Array(1234)])).toBe(1234);
  });

  it('gives back an AppError thrown in the worker as the same AppError', async () => {
    await expect(small.run(hostile, 'refuse', [])).rejects.toMatchObject({ name: 'AppError', status: 422, code: 'test.refused' });
  });

  it('a task that runs out of memory kills its worker, not this process: a 413, and the pool still works', {
    timeout: 60_000,
  }, async () => {
    await expect(small.run(hostile, 'hog', [])).rejects.toMatchObject({ status: 413, code: 'file.parse_out_of_memory' });
    expect(await small.run(hostile, 'echo', [new Uint8Array(5)])).toBe(5);
  });

  it('a task over its time limit is stopped: a 413, and the pool still works', { timeout: 30_000 }, async () => {
    expect(await quick.run(hostile, 'echo', [new Uint8Array(3)])).toBe(3);
    await expect(quick.run(hostile, 'spin', [60_000])).rejects.toMatchObject({ status: 413, code: 'file.parse_timeout' });
    expect(await quick.run(hostile, 'echo', [new Uint8Array(7)])).toBe(7);
  });
});
