// `npm run openapi:lint`: writes the OpenAPI document of a built app (no server started) and lints it with
// Redocly's recommended rules (redocly.yaml). Any error or warning fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-openapi-'));
const file = path.join(dir, 'openapi.json');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
try {
  const write = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/scripts/write-openapi.ts', file], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (write.status !== 0) process.exit(write.status ?? 1);
  const lint = spawnSync(
    path.join(root, 'node_modules/.bin/redocly'),
    ['lint', file, '--config', path.join(root, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000'],
    { cwd: root, env, encoding: 'utf8' },
  );
  let problems;
  try {
    problems = JSON.parse(lint.stdout).problems;
  } catch {
    console.error(lint.stdout, lint.stderr);
    process.exit(1);
  }
  // Redocly exits 0 on warnings; a warning fails here too.
  for (const p of problems) console.error(`${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer ?? ''}`);
  if (problems.length > 0 || lint.status !== 0) {
    console.error(`OpenAPI lint: ${problems.length} problem(s), warnings included`);
    process.exit(1);
  }
  console.log('OpenAPI lint: no errors, no warnings');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
