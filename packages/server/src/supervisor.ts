import { type ChildProcess, spawn } from 'node:child_process';

/**
 * `anzhi serve` runs the server in a child process and starts it again when it dies: a crash (heap out of memory,
 * a native fault, SIGKILL) must not leave the township without the service until someone notices. Back-off doubles
 * from `delayMs`; after `maxCrashes` crashes within `windowMs` it gives up (a server that cannot start will not start
 * by retrying). SIGINT/SIGTERM go to the child, and the supervisor ends when the child has ended. In production,
 * systemd can do this instead (docs/deploy/anzhi.service sets ANZHI_SUPERVISOR=off).
 */
export interface SupervisorOptions {
  /** The command that runs the server itself: node and its arguments. */
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  delayMs: number;
  maxDelayMs: number;
  maxCrashes: number;
  windowMs: number;
  log: (line: string) => void;
}

export function supervisorOptionsFromEnv(
  env: NodeJS.ProcessEnv,
): Pick<SupervisorOptions, 'delayMs' | 'maxDelayMs' | 'maxCrashes' | 'windowMs'> {
  const num = (name: string, fallback: number) => {
    const n = Number(env[name]);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    delayMs: num('ANZHI_RESTART_DELAY_MS', 1_000),
    maxDelayMs: 30_000,
    maxCrashes: num('ANZHI_RESTART_MAX_CRASHES', 5),
    windowMs: num('ANZHI_RESTART_WINDOW_MS', 300_000),
  };
}

/** Runs until the child ends on purpose (exit 0 or a forwarded signal) or crashes too often; resolves the exit code. */
export function supervise(opts: SupervisorOptions): Promise<number> {
  return new Promise((resolve) => {
    let child: ChildProcess | null = null;
    let stopping = false;
    let timer: NodeJS.Timeout | null = null;
    const crashes: number[] = [];

    const start = () => {
      timer = null;
      // Its own process group: a Ctrl-C in the terminal reaches the child once, through `stop`, not twice.
      child = spawn(opts.command, opts.args, { env: opts.env, stdio: 'inherit', detached: true });
      opts.log(`[supervisor] 服务进程已启动（pid ${child.pid}）`);
      child.once('exit', (code, signal) => {
        child = null;
        if (stopping || code === 0) return resolve(code ?? 0);
        const now = Date.now();
        crashes.push(now);
        while (crashes.length && (crashes[0] as number) < now - opts.windowMs) crashes.shift();
        const how = signal ? `被信号 ${signal} 终止` : `以退出码 ${code} 退出`;
        if (crashes.length >= opts.maxCrashes) {
          opts.log(
            `[supervisor] 服务进程${how}；${Math.round(opts.windowMs / 1000)} 秒内已崩溃 ${crashes.length} 次，不再重启。请查看上面的日志`,
          );
          return resolve(1);
        }
        const delay = Math.min(opts.maxDelayMs, opts.delayMs * 2 ** (crashes.length - 1));
        opts.log(`[supervisor] 服务进程${how}，${(delay / 1000).toFixed(1)} 秒后重启（${crashes.length}/${opts.maxCrashes}）`);
        timer = setTimeout(start, delay);
      });
    };

    const stop = (signal: NodeJS.Signals) => {
      stopping = true;
      if (timer) {
        clearTimeout(timer);
        return resolve(0);
      }
      child?.kill(signal);
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    start();
  });
}
