import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from '../lib/private-dir.ts';

/**
 * PGlite takes no lock on its folder, and a second process opening it corrupts it (research/embedded-db-probe.md,
 * item 4). So every process that opens the embedded database first takes this lock file, holding its pid.
 */
export interface DataDirLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): DataDirLock {
  ensurePrivateDir(dir);
  const file = path.join(dir, 'anzhi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isFinite(holder) && holder !== process.pid && alive(holder)) {
        throw new Error(
          `数据目录 ${dir} 正被进程 ${holder} 使用（内嵌数据库不能被两个进程同时打开）。请先停止该进程，或通过系统管理页面完成此操作。`,
        );
      }
      fs.unlinkSync(file); // stale lock from a process that died
    }
  }
  throw new Error(`无法锁定数据目录 ${dir}`);
}
