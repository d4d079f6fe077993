// `npm run bench -- [--only PREFIX] [--json FILE]`: benchmarks on PGlite, and on PostgreSQL when DATABASE_URL is set.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import * as enterprise from './enterprise.bench.ts';
import { type BenchContext, freshDatabase, type Result } from './harness.ts';
import * as hazard from './hazard.bench.ts';
import * as plan from './plan.bench.ts';
import * as platform from './platform.bench.ts';
import * as search from './search.bench.ts';

const suites: Record<string, (ctx: BenchContext) => Promise<void>> = {
  'server.startup': platform.startup,
  'auth.login': platform.login,
  'db.blocking': platform.blocking,
  'enterprise.import_10k': enterprise.importTenThousand,
  'enterprise.list': enterprise.list,
  'plan.parse': plan.parse,
  'hazard.ledger': hazard.ledger,
  // The dashboard numbers come with hazard.ledger_search (the same million hazards); `--only dashboard` measures them alone.
  'hazard.ledger_search': search.ledgerSearch,
  dashboard: search.dashboard,
};

const { values } = parseArgs({ options: { only: { type: 'string' }, json: { type: 'string' } }, allowPositionals: true });
const kinds: Array<'pglite' | 'postgres'> = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const results: Result[] = [];

for (const kind of kinds) {
  for (const [name, fn] of Object.entries(suites)) {
    if (values.only && !name.startsWith(values.only)) continue;
    const ctx: BenchContext = {
      kind,
      fresh: () => freshDatabase(kind, process.env.DATABASE_URL),
      record: (n, value, unit) => {
        results.push({ name: n, value, unit, db: kind });
        console.log(`${kind.padEnd(8)} ${n.padEnd(40)} ${String(value).padStart(10)} ${unit}`);
      },
    };
    await fn(ctx);
  }
}
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
process.exit(0);
