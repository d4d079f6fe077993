// `npm test`: every test — core rules, the server on PGlite and on PostgreSQL, migration drift, the OpenAPI lint,
// the browser flows.
// Prints one closing line "N passed, N failed" summed over all runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-results-'));
const only = process.argv.slice(2);
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const pgUrl = process.env.ANZHI_TEST_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const runs = [
  { name: 'core', cwd: 'packages/core', args: [] },
  { name: 'server-pglite', cwd: 'packages/server', args: [], env: { ANZHI_TEST_DB: 'pglite' } },
  { name: 'server-postgres', cwd: 'packages/server', args: [], env: { ANZHI_TEST_DB: 'postgres', ANZHI_TEST_PG_URL: pgUrl } },
  { name: 'migrations', script: ['node', 'packages/server/scripts/check-migrations.mjs'] },
  { name: 'openapi-lint', script: ['node', 'scripts/openapi-lint.mjs'] },
  { name: 'web', cwd: 'packages/web', args: [] },
  { name: 'web-build', script: ['npm', 'run', 'build', '-w', '@anzhi/web'] },
  { name: 'e2e', cwd: 'packages/web', args: ['--config', 'vitest.e2e.config.ts'] },
].filter((r) => only.length === 0 || only.includes(r.name));

let passed = 0;
let failed = 0;
const failures = [];
for (const run of runs) {
  console.log(`\n━━ ${run.name} ━━`);
  const env = { ...process.env, ...(run.env ?? {}) };
  delete env.DATABASE_URL; // tests choose their database themselves
  if (run.script) {
    const r = spawnSync(run.script[0], run.script.slice(1), { cwd: root, stdio: 'inherit', env });
    if (r.status === 0) passed++;
    else {
      failed++;
      failures.push(run.name);
    }
    continue;
  }
  const file = path.join(out, `${run.name}.json`);
  const r = spawnSync(
    process.execPath,
    [vitest, 'run', ...run.args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    {
      cwd: path.join(root, run.cwd),
      stdio: 'inherit',
      env,
    },
  );
  if (fs.existsSync(file)) {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numTotalTests === 0) {
      failed++;
      failures.push(`${run.name} (ran no test)`);
    }
  }
  if (r.status !== 0) {
    if (!fs.existsSync(file) || JSON.parse(fs.readFileSync(file, 'utf8')).numFailedTests === 0) failed++;
    failures.push(run.name);
  }
}
fs.rmSync(out, { recursive: true, force: true });
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
