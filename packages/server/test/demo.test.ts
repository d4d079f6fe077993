import fs from 'node:fs';
import path from 'node:path';
import { roles } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoTownship } from '../src/demo/demo-accounts.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { createAuditService } from '../src/modules/audit/audit.service.ts';
import { login, startTestApp, type TestApp } from './app.ts';
import { repoRoot } from './cli.ts';

let t: TestApp;
let first: { seeded: boolean };

beforeAll(async () => {
  t = await startTestApp();
  first = await seedDemo(t.database, t.clock, { storage: t.storage });
});
afterAll(() => t.close());

async function counts() {
  const [row] = await t.database.rows<{ regions: number; units: number; users: number; events: number }>(sql`SELECT
    (SELECT count(*)::int FROM regions) AS regions, (SELECT count(*)::int FROM units) AS units,
    (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM audit_events) AS events`);
  return row;
}

describe('the demo township', () => {
  it('creates 示例镇 with 8 villages, at least 10 units and one account per role', async () => {
    expect(first).toEqual({ seeded: true });
    const [town] = await t.database.rows<{ name: string; level: string; parent_code: string }>(
      sql`SELECT name, level, parent_code FROM regions WHERE code = ${demoTownship.code}`,
    );
    expect(town).toEqual({ name: '示例镇', level: 'township', parent_code: '339901000000' });
    const villages = await t.database.rows<{ name: string }>(
      sql`SELECT name FROM regions WHERE parent_code = ${demoTownship.code} AND level = 'village'`,
    );
    expect(villages).toHaveLength(8);
    expect(villages.map((v) => v.name)).toContain('东村');
    const [units] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM units WHERE region_code = ${demoTownship.code}`,
    );
    expect(Number(units?.n)).toBeGreaterThanOrEqual(10);
    const users = await t.database.rows<{ username: string; roles: string[] }>(sql`SELECT username, roles FROM users ORDER BY id`);
    // One account per role, and a second unit account: 应急办, the regulator of the bound enterprise.
    expect(users).toHaveLength(roles.length + 1);
    expect([...new Set(users.flatMap((u) => u.roles))].sort()).toEqual([...roles].sort());
    expect(users.map((u) => u.username)).toEqual(demoAccounts.map((a) => a.username));
  });

  it('has major hazards waiting in every step after 治理 (16号令 第十八条: 评估, 恢复生产申请, 现场审核), and none off the clock', async () => {
    const rows = await t.database.rows<{ status: string; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM hazards WHERE grade = 'major' GROUP BY status`,
    );
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    for (const status of ['evaluating', 'evaluated', 'reviewing']) expect(byStatus[status], status).toBeGreaterThan(0);
    const [off] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM hazards WHERE deadline IS NULL AND status NOT IN ('closed', 'dismissed')`,
    );
    expect(Number(off?.n)).toBe(0);
  });

  it('records the seeding in a verifiable audit trail', async () => {
    const events = await t.database.rows<{ action: string; actor_name: string; after: unknown }>(
      sql`SELECT action, actor_name, after FROM audit_events`,
    );
    // The seeding's own event, then the 专项检查 the demo campaign's checks made through the phone's path (issue 17).
    const campaignChecks = events.filter((e) => e.action !== 'seed_demo');
    expect(campaignChecks.length).toBeGreaterThan(20);
    expect(new Set(campaignChecks.map((e) => e.actor_name))).toEqual(new Set(['张网格', '赵执法']));
    expect(events.filter((e) => e.action === 'seed_demo')).toEqual([
      {
        action: 'seed_demo',
        actor_name: '系统',
        after: {
          township: '示例镇',
          villages: 8,
          units: 12,
          accounts: 8,
          enterprises: 211,
          hazards: 321,
          // Counted from the parser's reading of seed 003 and four months of dispatch.
          plans: 1,
          planTasks: expect.any(Number),
          planReports: expect.any(Number),
        },
      },
    ]);
    expect(await createAuditService({ db: t.database.db, clock: t.clock }).verify()).toMatchObject({ ok: true, checked: events.length });
  });

  it('gives every field account a to-do on its home page (inspector, village, unit, enterprise)', async () => {
    for (const username of ['jiancha', 'dongcun', 'yingji', 'qiye']) {
      const account = demoAccounts.find((a) => a.username === username);
      const s = await login(t.app, username, account?.password);
      const todos = (await s.get('/api/v1/todos?limit=5')).json();
      expect(todos.total, username).toBeGreaterThan(0);
      expect(
        todos.items.some((i: { link: string }) => /\?action=(accept|supervise|approveExtension)$/.test(i.link)) || username === 'qiye',
        username,
      ).toBe(true);
    }
  });

  it('seeds nothing the second time', async () => {
    const before = await counts();
    expect(await seedDemo(t.database, t.clock)).toEqual({ seeded: false });
    expect(await counts()).toEqual(before);
  });

  it('lets every demo account sign in with its password, without a forced password change', async () => {
    for (const account of demoAccounts) {
      const s = await login(t.app, account.username, account.password);
      const me = (await s.get('/api/v1/auth/me')).json().user;
      expect(me, account.username).toMatchObject({
        username: account.username,
        displayName: account.displayName,
        roles: [account.role],
        mustChangePassword: false,
      });
      if (account.unitName) expect(me.unitName).toBe(account.unitName);
      // Nothing is blocked behind a password change: the dashboard answers for every role.
      expect((await s.get('/api/v1/dashboard/summary')).statusCode, account.username).toBe(200);
    }
  });

  it('gives each demo account the scope its description promises', async () => {
    const office = await login(t.app, 'anweiban', demoAccounts[1]?.password);
    // Six accounts with regions in the township, and the enterprise account of one of its enterprises.
    expect((await office.get('/api/v1/dashboard/summary')).json()).toMatchObject({ villageCount: 8, unitCount: 12, userCount: 7 });
    const village = await login(t.app, 'dongcun', demoAccounts[4]?.password);
    const regions = (await village.get('/api/v1/regions')).json().items.map((r: { name: string }) => r.name);
    // 东村's two grids (双重预防 small venues) are below the village.
    expect(regions).toEqual(['示例县', '示例镇', '东村', '东村第一网格', '东村第二网格']);
    const leader = await login(t.app, 'lingdao', demoAccounts[6]?.password);
    expect((await leader.post('/api/v1/units', { name: '领导新建', kind: 'other', regionCode: demoTownship.code })).statusCode).toBe(403);
  });
});

describe('the demo enterprises', () => {
  it('gives every member unit enterprises it supervises, in domains the unit lists', async () => {
    const rows = await t.database.rows<{ name: string; n: number; fitting: number }>(sql`SELECT u.name,
      count(e.id)::int AS n, count(e.id) FILTER (WHERE e.domains && u.industries)::int AS fitting
      FROM units u LEFT JOIN enterprises e ON e.supervising_unit_id = u.id GROUP BY u.name ORDER BY u.name`);
    for (const r of rows) {
      expect(r.n, r.name).toBeGreaterThan(0);
      expect(r.fitting, r.name).toBe(r.n);
    }
  });

  it('has hazards that fit their enterprise, each major one citing the item it describes', async () => {
    const majors = await t.database.rows<{ title: string; description: string; codes: string[]; domains: string[] }>(
      sql`SELECT h.title, h.description, h.criteria_codes AS codes, e.domains FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id
        WHERE h.grade = 'major' AND h.status <> 'found'`,
    );
    expect(majors.length).toBeGreaterThan(5);
    const { shippedCriteriaSets } = await import('@anzhi/core');
    const items = new Map(shippedCriteriaSets.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
    for (const m of majors) {
      const item = items.get(m.codes[0] as string);
      expect(item, m.title).toBeDefined();
      expect(m.description).toContain(item?.summary);
    }
    // No kitchen finding in a factory without one, no 焊工 at a 便利店.
    const misfits = await t.database.rows<{
      n: number;
    }>(sql`SELECT count(*)::int AS n FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id
      WHERE (h.title = '燃气软管老化' AND e.industry_code IN ('26', '34', '32', '17'))
        OR (h.title = '特种作业人员无证上岗' AND e.small_venue_type = 'shop')`);
    expect(Number(misfits[0]?.n)).toBe(0);
  });

  it('lets the 市场监管所 account open the hazards its own staff found, and see its enterprises', async () => {
    const s = await login(t.app, 'shichang', demoAccounts.find((a) => a.username === 'shichang')?.password);
    expect((await s.get('/api/v1/enterprises?pageSize=1')).json().total).toBeGreaterThan(0);
    const [own] = await t.database.rows<{ id: number }>(
      sql`SELECT h.id FROM hazards h JOIN users u ON u.id = h.found_by WHERE u.username = 'shichang' ORDER BY h.id LIMIT 1`,
    );
    expect(own, 'the market unit found at least one demo hazard').toBeDefined();
    expect((await s.get(`/api/v1/hazards/${own?.id}`)).statusCode).toBe(200);
  });

  it('has about 200 across the domains, with the mess a real ledger has', async () => {
    const admin = await login(t.app, 'admin', demoAccounts[0]?.password);
    const all = (await admin.get('/api/v1/enterprises?pageSize=1')).json().total;
    expect(all).toBeGreaterThanOrEqual(180);
    const stats = (await admin.get('/api/v1/enterprises/stats')).json();
    expect(stats.missingInsurance).toBeGreaterThan(0);
    expect(stats.standardisationExpiring).toBeGreaterThan(0);
    const tenants = (await admin.get(`/api/v1/enterprises?q=${encodeURIComponent('工业园管理')}`)).json().items[0];
    expect(tenants.tenantCount).toBe(4);
    for (const domain of ['hazardousChemicals', 'construction', 'cityGas', 'smallVenue', 'fireworks']) {
      expect((await admin.get(`/api/v1/enterprises?domain=${domain}&pageSize=1`)).json().total, domain).toBeGreaterThan(0);
    }
  });

  it('binds the enterprise demo account to one enterprise, the only one it sees', async () => {
    const account = demoAccounts.find((a) => a.role === 'enterprise');
    const s = await login(t.app, account?.username as string, account?.password);
    const list = (await s.get('/api/v1/enterprises')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].name).toBe('示例镇华鑫机械制造有限公司');
  });
});

describe('the demo reports (举报, issue 15)', () => {
  it('has reports in every state, named and anonymous, internal and public, with rewards from core', async () => {
    const rows = await t.database.rows<{ status: string; channel: string; source: string; named: boolean; n: number }>(
      sql`SELECT status, channel, source, named, count(*)::int AS n FROM reports GROUP BY 1, 2, 3, 4`,
    );
    const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((a, r) => a + r.n, 0);
    expect(sum(() => true)).toBe(15);
    for (const status of ['received', 'verifying', 'founded', 'unfounded', 'rejected', 'merged'])
      expect(
        sum((r) => r.status === status),
        status,
      ).toBeGreaterThan(0);
    expect(sum((r) => r.status === 'founded')).toBe(5);
    expect(sum((r) => r.channel === 'internal')).toBe(3);
    expect(sum((r) => r.named)).toBe(5);
    for (const source of ['online', 'hotline', 'letter'])
      expect(
        sum((r) => r.source === source),
        source,
      ).toBeGreaterThan(0);
    const [links] = await t.database.rows<Record<string, number>>(sql`SELECT
      count(*) FILTER (WHERE duplicate_of_id IS NOT NULL)::int AS merged,
      count(*) FILTER (WHERE hazard_id IS NOT NULL)::int AS hazards,
      count(*) FILTER (WHERE enforcement_penalty_id IS NOT NULL)::int AS penalties,
      count(*) FILTER (WHERE status IN ('received', 'verifying') AND due_on < ${'2026-03-02'}::date)::int AS overdue,
      count(*) FILTER (WHERE extended_days > 0 AND extension_reason IS NOT NULL)::int AS extended,
      count(*) FILTER (WHERE named AND (reporter_phone_enc IS NULL OR reporter_phone_enc LIKE '1%'))::int AS plain
      FROM reports`);
    expect(links).toEqual({ merged: 2, hazards: 2, penalties: 1, overdue: 1, extended: 1, plain: 0 });
    const rewards = await t.database.rows<{ status: string }>(sql`SELECT status FROM report_rewards ORDER BY status`);
    expect(rewards.map((r) => r.status)).toEqual(['approved', 'paid']);
    const [messages] = await t.database.rows<{ n: number; answers: number }>(
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE from_reporter)::int AS answers FROM report_messages`,
    );
    expect(messages?.answers).toBe(1);
    expect(messages?.n).toBeGreaterThan(10);
  });
});

describe('the demo action plan', () => {
  it('is published with four months of dispatch: some on time, some late, some silent', async () => {
    const office = await login(t.app, 'anweiban', demoAccounts[1]?.password);
    const list = (await office.get('/api/v1/plans')).json();
    expect(list.total).toBe(1);
    const plan = list.items[0];
    expect(plan).toMatchObject({ status: 'published', title: expect.stringContaining('示例镇安全生产治本攻坚三年行动') });
    expect(plan.counts.tasks).toBeGreaterThanOrEqual(30);
    expect(plan.counts.overdue).toBeGreaterThan(0);
    expect(plan.counts.inProgress + plan.counts.lagging + plan.counts.done).toBeGreaterThan(0);
    const [row] = await t.database.rows<{ late: number; onTime: number }>(
      sql`SELECT count(*) FILTER (WHERE late)::int AS late, count(*) FILTER (WHERE NOT late)::int AS "onTime" FROM plan_reports`,
    );
    expect(row?.late).toBeGreaterThan(0);
    expect(row?.onTime).toBeGreaterThan(0);
    // Some units filled their cards in, some confirmed 本月无新进展, some stayed silent (issue 10).
    const [filings] = await t.database.rows<{ filed: number; noChange: number; silent: number }>(
      sql`SELECT count(*) FILTER (WHERE filing = 'filed')::int AS filed, count(*) FILTER (WHERE filing = 'noChange')::int AS "noChange",
        (SELECT count(*)::int FROM units u WHERE u.name = '示例镇供电所'
          AND NOT EXISTS (SELECT 1 FROM plan_reports r WHERE r.unit_id = u.id)) AS silent FROM plan_reports`,
    );
    expect(filings).toMatchObject({ filed: expect.any(Number), noChange: expect.any(Number), silent: 1 });
    expect(filings?.filed).toBeGreaterThan(0);
    expect(filings?.noChange).toBeGreaterThan(0);
    // Published as the publish rule requires: every task has a lead (the office's unit for the ones the plan left open).
    expect(plan.counts.tasks).toBe(
      Number(
        (
          await t.database.rows<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM plan_tasks WHERE kind = 'task' AND (cardinality(lead_unit_ids) > 0 OR lead_villages)`,
          )
        )[0]?.n,
      ),
    );
    // A major hazard's approved plan carries the six contents of 16号令 第十五条.
    const plans = await t.database.rows<{ plan: { contents?: Record<string, string> } }>(
      sql`SELECT plan FROM hazards WHERE grade = 'major' AND plan IS NOT NULL`,
    );
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) expect(Object.values(p.plan.contents ?? {}).filter((v) => v.trim())).toHaveLength(6);
    const rankings = (await office.get(`/api/v1/plans/${plan.id}/rankings?period=2026-02`)).json();
    const colours = new Set([...rankings.units, ...rankings.villages].map((r: { colour: string }) => r.colour));
    expect(colours.size).toBeGreaterThanOrEqual(3);
    // A silent unit is red; a silent village is not scored on reporting it cannot do (ADR 0014).
    expect(rankings.units.find((u: { name: string }) => u.name === '示例镇供电所').colour).toBe('red');
    expect(rankings.villages.find((v: { name: string }) => v.name === '北山村')).toMatchObject({ timelyReportingApplies: false });
    // The emergency office's dispatch for this month is prefilled from last month.
    const yingji = await login(t.app, 'yingji', demoAccounts[3]?.password);
    const dispatch = (await yingji.get('/api/v1/plan-dispatch')).json();
    expect(dispatch.items.some((i: { prefill: { fromPeriod: string | null } }) => i.prefill.fromPeriod === '2026-02')).toBe(true);
    expect((await office.get(`/api/v1/plans/${plan.id}/bulletin.docx?quarter=2026Q1`)).statusCode).toBe(200);
  });
});

describe('the demo small venues (双重预防)', () => {
  it("gives the village account its two grids' venues, one grid well patrolled and the other with gaps", async () => {
    const village = await login(t.app, 'dongcun', demoAccounts[4]?.password);
    const now = t.clock.now();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
    const res = await village.get(`/api/v1/venue-patrols/coverage?month=${last}&months=2`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as Array<{ regionName: string; venues: number; coveragePercent: number; openHazards: number }>;
    const grid = (name: string) => rows.filter((r) => r.regionName === name);
    expect(grid('东村第一网格').map((r) => r.coveragePercent)).toEqual([100, 100]);
    expect(grid('东村第二网格').every((r) => r.venues === 8 && r.coveragePercent < 100)).toBe(true);
    expect(rows.reduce((n, r) => n + r.openHazards, 0)).toBe(2);
    const list = (await village.get(`/api/v1/venue-patrols?month=${last}&regionCode=339901100201001`)).json();
    expect(list.total).toBe(8);
    expect(list.items.some((i: { landlordName: string | null }) => i.landlordName)).toBe(true);
  });
});

describe('docs/demo-accounts.json', () => {
  it('lists exactly the demo accounts, with their passwords, roles and descriptions', () => {
    const documented = JSON.parse(fs.readFileSync(path.join(repoRoot, 'docs/demo-accounts.json'), 'utf8'));
    expect(documented).toEqual(
      demoAccounts.map(({ username, password, role, description }) => ({ username, password, role, description })),
    );
  });
});

describe('the demo 两单两卡 and 四色分布图 (issue 16, posts and cards)', () => {
  it('gives qiye posts with cards and quizzes, quiz results, and a map with a coloured zone on each risk point', async () => {
    const account = demoAccounts.find((a) => a.username === 'qiye');
    const qiye = await login(t.app, 'qiye', account?.password);
    const posts = (await qiye.get('/api/v1/posts')).json().items;
    expect(posts.length).toBeGreaterThanOrEqual(3);
    expect(
      posts.every(
        (p: { cards: Record<string, string[]>; quiz: unknown[] }) => Object.values(p.cards).every((l) => l.length > 0) && p.quiz.length > 0,
      ),
    ).toBe(true);
    expect(posts.some((p: { attemptCount: number }) => p.attemptCount > 0)).toBe(true);
    const card = await t.app.inject({ method: 'GET', url: `/api/v1/public/post-cards/${posts[0].publicCode}` });
    expect(card.statusCode).toBe(200);
    const me = (await qiye.get('/api/v1/auth/me')).json().user;
    const map = (await qiye.get(`/api/v1/risk-maps/${me.enterpriseId}`)).json();
    expect(map.zones.length).toBeGreaterThanOrEqual(3);
    expect(map.zones.every((z: { level: string | null }) => z.level !== null)).toBe(true);
    expect((await qiye.get(map.imageUrl)).statusCode).toBe(200);
  });
});

describe('the demo 形式主义 signals (issue 16, part E)', () => {
  it('fires every signal kind once on the planted data, and never at the clean enterprises', async () => {
    const rows = await t.database.rows<{ kind: string; n: number; names: string[] }>(
      sql`SELECT s.kind, count(*)::int AS n, array_agg(e.name) AS names
        FROM dual_signals s JOIN enterprises e ON e.id = s.enterprise_id GROUP BY s.kind ORDER BY s.kind`,
    );
    expect(rows.map((r) => [r.kind, Number(r.n)])).toEqual([
      ['acceptedBeforeFix', 1],
      ['bulkRecorded', 1],
      ['fixedBeforeFound', 1],
      ['noFindings', 1],
      ['photoReused', 1],
    ]);
  });
});

describe('the demo 专项台账 (issue 17, object ledgers)', () => {
  it('holds 有限空间 in 工贸 enterprises (qiye’s among them) and 经营性自建房 in the villages, most in 张网格’s 东村', async () => {
    const office = await login(t.app, 'anweiban', demoAccounts[1]?.password);
    const types = (await office.get('/api/v1/ledger-object-types')).json().items as Array<{
      code: string;
      objectCount: number;
      id: number;
    }>;
    const confined = types.find((x) => x.code === 'confinedSpace');
    const house = types.find((x) => x.code === 'selfBuiltHouse');
    expect(confined?.objectCount).toBeGreaterThanOrEqual(12);
    expect(confined?.objectCount).toBeLessThanOrEqual(16);
    expect(house?.objectCount).toBe(20);
    const qiye = await login(t.app, 'qiye', demoAccounts.find((a) => a.username === 'qiye')?.password);
    const own = (await qiye.get('/api/v1/ledger-objects')).json();
    expect(own.total).toBe(3);
    const dongcun = await login(t.app, 'dongcun', demoAccounts.find((a) => a.username === 'dongcun')?.password);
    const houses = (await dongcun.get(`/api/v1/ledger-objects?typeId=${house?.id}`)).json();
    expect(houses.total).toBe(6);
    expect(houses.items[0].data).toMatchObject({ owner: expect.any(String), floors: expect.any(Number), use: expect.any(String) });
    const label = await dongcun.get(`/api/v1/ledger-labels/${houses.items[0].labelCode}`);
    expect(label.statusCode).toBe(200);
  });
});

describe('the demo campaign (issue 17, field checks)', () => {
  it('runs 经营性自建房安全隐患专项整治 over two rounds, linked to plan task 13, its findings hazards of 专项检查', async () => {
    const [c] = await t.database.rows<{ id: number; plan_task_id: number | null; task_title: string | null }>(
      sql`SELECT c.id, c.plan_task_id, t.title AS task_title FROM campaigns c LEFT JOIN (SELECT id, title || text AS title FROM plan_tasks) t ON t.id = c.plan_task_id
        WHERE c.title = '经营性自建房安全隐患专项整治'`,
    );
    expect(c?.task_title).toContain('自建房整治全覆盖');
    const rounds = await t.database.rows<{ ordinal: number; status: string; checks: number; houses: number }>(
      sql`SELECT r.ordinal, r.status, (SELECT count(*)::int FROM campaign_checks k WHERE k.round_id = r.id) AS checks,
        (SELECT count(*)::int FROM ledger_objects o JOIN ledger_object_types y ON y.id = o.type_id WHERE y.code = 'selfBuiltHouse') AS houses
        FROM campaign_rounds r WHERE r.campaign_id = ${c?.id} ORDER BY r.ordinal`,
    );
    expect(rounds.map((r) => r.status)).toEqual(['closed', 'open']);
    const houses = rounds[0]?.houses ?? 0;
    expect(rounds[0]?.checks).toBe(houses - 3);
    expect(rounds[1]?.checks).toBe(Math.ceil(houses / 2));
    const [h] = await t.database.rows<{ linked: number; campaign: number; closed: number; placed: number }>(
      sql`SELECT (SELECT count(*)::int FROM campaign_hazards) AS linked,
        count(*) FILTER (WHERE channel = 'campaign')::int AS campaign,
        count(*) FILTER (WHERE channel = 'campaign' AND status = 'closed')::int AS closed,
        count(*) FILTER (WHERE channel = 'campaign' AND enterprise_id IS NULL)::int AS placed FROM hazards`,
    );
    expect(h?.linked).toBe(h?.campaign);
    expect(h?.closed).toBeGreaterThan(0);
    expect(h?.closed).toBeLessThan(h?.campaign ?? 0);
    expect(h?.placed).toBe(h?.campaign);

    // The grid worker still has 东村 houses to check in the open round.
    const dongcun = await login(t.app, 'dongcun', demoAccounts.find((a) => a.username === 'dongcun')?.password);
    const list = (await dongcun.get('/api/v1/campaign-tasks')).json();
    const open = list.rounds.find((r: { ordinal: number }) => r.ordinal === 2);
    expect(open.targets.every((x: { regionName: string }) => x.regionName === '东村')).toBe(true);
    expect(open.targets.filter((x: { checkId: number | null }) => x.checkId === null).length).toBeGreaterThan(0);
  });
});
