// Fails when the Drizzle schema has changes that no committed migration holds (`npm run db:generate` fixes it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const server = path.resolve(import.meta.dirname, '..');
const committed = path.join(server, 'src/db/migrations');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-migr-'));
fs.cpSync(committed, tmp, { recursive: true });
const before = fs.readdirSync(tmp).length;
const r = spawnSync('npx', ['drizzle-kit', 'generate', '--name', 'drift'], {
  cwd: server,
  env: { ...process.env, DRIZZLE_OUT: path.relative(server, tmp) },
  encoding: 'utf8',
});
const after = fs.readdirSync(tmp).length;
fs.rmSync(tmp, { recursive: true, force: true });
if (r.status !== 0 || /error/i.test(r.stderr + r.stdout)) {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
if (after !== before) {
  console.error('数据库结构与已提交的迁移不一致：请运行 npm run db:generate 并提交生成的迁移文件。');
  process.exit(1);
}
console.log('migrations: schema and committed migrations agree');
