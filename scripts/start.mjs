// `npm start`: build the web app when its sources changed, then serve with demo data on first start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'packages/web');
const index = path.join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = Math.max(newestMtime(path.join(web, 'src')), newestMtime(path.join(root, 'packages/core/src')));
if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < sources) {
  console.log('构建前端…');
  const r = spawnSync('npm', ['run', 'build', '-w', '@anzhi/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, [path.join(root, 'packages/server/bin/anzhi.mjs'), 'serve', '--demo'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 0);
