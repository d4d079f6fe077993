// `npm run bench -- [--only PREFIX] [--json [FILE]]`: benchmarks on PGlite, and on PostgreSQL when DATABASE_URL is set.
// `--json` alone prints every result as one JSON object on the last line of stdout, grouped by database:
// {"pglite": {"server.startup.ms": 900, …}, "postgres": {"hazard.stats.p50_ratio_vs_sql": 1.1, …}, "none": {…}}
// ("none": suites that need no database). `--json FILE` writes the same object to FILE.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as web from '../../web/bench/phone.bench.ts';
import * as campaign from './campaign.bench.ts';
import * as dual from './dual.bench.ts';
import * as dualOversight from './dual-oversight.bench.ts';
import * as enforcement from './enforcement.bench.ts';
import * as enforcementPlan from './enforcement-plan.bench.ts';
import * as enterprise from './enterprise.bench.ts';
import { type BenchContext, freshDatabase, type Result } from './harness.ts';
import * as hazard from './hazard.bench.ts';
import * as plan from './plan.bench.ts';
import * as platform from './platform.bench.ts';
import * as reports from './reports.bench.ts';
import * as search from './search.bench.ts';

type Suite = (ctx: BenchContext) => Promise<void>;

/** Suites run once per database kind. */
const suites: Record<string, Suite> = {
  'server.startup': platform.startup,
  'auth.login': platform.login,
  'db.blocking': platform.blocking,
  'enterprise.import_10k': enterprise.importTenThousand,
  'enterprise.list': enterprise.list,
  'plan.parse': plan.parse,
  'enforcement.draw_10k': enforcement.drawTenThousand,
  'enforcement.plan_5k': enforcementPlan.planFiveThousand,
  'hazard.ledger': hazard.ledger,
  // The dashboard numbers come with hazard.ledger_search (the same million hazards); `--only dashboard` measures them alone.
  'hazard.ledger_search': search.ledgerSearch,
  dashboard: search.dashboard,
  // 举报 on 50,000 reports (both databases): the handling list and statistics vs their SQL, the public intake.
  'reports.ledger': reports.ledger,
  // 双重预防: due-check generation for 100,000 tasks over a month vs the same SQL by hand (PostgreSQL).
  'dual.tasks_month': dual.tasksMonth,
  // 双重预防 part E: the 形式主义 signals over a year of records (PostgreSQL only) vs the same SQL.
  'dual.signals_year': dualOversight.signalsYear,
  // 专项整治: progress, the 未检查 list and the phone's work list over 50,000 自建房 vs hand-written SQL (both databases).
  campaign: campaign.campaign,
};

/** Suites that need no database (web bundle, pure core rules): run once, recorded under "none". */
const noDatabaseSuites: Record<string, (record: BenchContext['record']) => Promise<void>> = {
  // The browser bench builds the web app and starts its own server (embedded database, demo data, as `npm start`).
  'web.login_js': (record) => web.loginJs({ record }),
  'web.phone_first_dashboard': (record) => web.phoneFirstDashboard({ record }),
};

/** `--json` may stand alone (stdout) or take a file; parseArgs wants a value, so a bare one becomes "-". */
function normalizedArgs(argv: string[]): string[] {
  return argv.map((a, i) => (a === '--json' && (argv[i + 1] === undefined || argv[i + 1]?.startsWith('--')) ? '--json=-' : a));
}

const { values } = parseArgs({
  args: normalizedArgs(process.argv.slice(2)),
  options: { only: { type: 'string' }, json: { type: 'string' } },
  allowPositionals: true,
});
const kinds: Array<'pglite' | 'postgres'> = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const results: Result[] = [];
const selected = (name: string) => !values.only || name.startsWith(values.only);

const recorder =
  (db: Result['db']): BenchContext['record'] =>
  (n, value, unit) => {
    results.push({ name: n, value, unit, db });
    console.log(`${db.padEnd(8)} ${n.padEnd(48)} ${String(value).padStart(10)} ${unit}`);
  };

for (const [name, fn] of Object.entries(noDatabaseSuites)) if (selected(name)) await fn(recorder('none'));
for (const kind of kinds) {
  for (const [name, fn] of Object.entries(suites)) {
    if (!selected(name)) continue;
    await fn({ kind, fresh: () => freshDatabase(kind, process.env.DATABASE_URL), record: recorder(kind) });
  }
}
await web.stopPlatform();

if (values.json) {
  const grouped: Partial<Record<Result['db'], Record<string, number>>> = {};
  for (const r of results) grouped[r.db] = { ...grouped[r.db], [r.name]: r.value };
  // The last `npm run cluster-test` (issue 11's load-and-fault run), as it left its summary: its numbers and when.
  const cluster = path.resolve(import.meta.dirname, '../../../bench-results-cluster.json');
  if (fs.existsSync(cluster)) (grouped as Record<string, unknown>).cluster = clusterNumbers(JSON.parse(fs.readFileSync(cluster, 'utf8')));
  const line = JSON.stringify(grouped);
  if (values.json === '-') console.log(line);
  else fs.writeFileSync(values.json, `${line}\n`);
}
process.exit(0);

function clusterNumbers(summary: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(summary))
    if (typeof v === 'number' || typeof v === 'boolean' || k === 'ranAt') out[`cluster.${k}`] = v;
  return out;
}
