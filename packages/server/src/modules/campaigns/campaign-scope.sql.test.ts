import { type CampaignScope, countsInRound } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureObjectType, makeCampaign, makeCampaignCheck, makeLedgerObject } from '../../../test/campaign-kit.ts';
import { codes, makeEnterprise, seedOrg } from '../../../test/factories.ts';
import { freshDatabase } from '../../../test/test-db.ts';
import type { Database } from '../../db/client.ts';
import { chinaToday } from '../../lib/clock.ts';
import { campaignChecks } from './campaign.table.ts';
import { campaignTargetsSql, countsInRoundSql, targetKey } from './campaign-scope.sql.ts';

/**
 * Once means once: core's countsInRound and the SQL the progress counts with (campaignTargetsSql + countsInRoundSql)
 * give the same membership over the same rows, at the rounds' boundaries in Beijing time — registered on the window's
 * end day (late in the evening) or just after it, removed on it or the day after, checked then removed, added
 * mid-round, added after a round closed — on PGlite and on PostgreSQL.
 */
const china = (iso: string) => new Date(`${iso}+08:00`);
const rounds = [
  { ordinal: 1, window: { from: '2026-02-01', to: '2026-02-28' } },
  { ordinal: 2, window: { from: '2026-03-01', to: '2026-03-31' } },
];

interface Fixture {
  name: string;
  createdAt: Date;
  removedAt?: Date;
  /** Rounds (ordinals) it was checked in. */
  checkedIn?: number[];
}
const fixtures: Fixture[] = [
  { name: '第二轮末日晚登记', createdAt: china('2026-03-31T23:30:00') },
  { name: '第二轮结束次日凌晨登记', createdAt: china('2026-04-01T00:10:00') },
  { name: '第一轮末日登记', createdAt: china('2026-02-28T08:00:00') },
  { name: '第二轮末日注销', createdAt: china('2026-01-05T09:00:00'), removedAt: china('2026-03-31T10:00:00') },
  { name: '第二轮结束次日注销', createdAt: china('2026-01-05T09:00:00'), removedAt: china('2026-04-01T00:05:00') },
  { name: '检查后注销', createdAt: china('2026-01-05T09:00:00'), removedAt: china('2026-03-20T10:00:00'), checkedIn: [2] },
  { name: '第二轮中途新增', createdAt: china('2026-03-15T10:00:00') },
  { name: '第一轮结束后新增', createdAt: china('2026-03-01T00:00:01') },
  { name: '第一轮开始前注销', createdAt: china('2025-12-01T09:00:00'), removedAt: china('2026-01-20T09:00:00') },
  { name: '第一轮末日晚注销', createdAt: china('2025-12-01T09:00:00'), removedAt: china('2026-02-28T23:59:00'), checkedIn: [1] },
  { name: '两轮都检查', createdAt: china('2025-12-01T09:00:00'), checkedIn: [1, 2] },
];

let database: Database;
let ledgerScope: CampaignScope;
const registryScope: CampaignScope = {
  kind: 'registry',
  domains: ['industryTrade'],
  flags: [],
  industrySections: [],
  villageCodes: [],
  smallVenues: false,
};
const campaignOf: Record<string, { id: number; rounds: Array<{ id: number; ordinal: number }> }> = {};
const core: Record<string, Map<number, Set<string>>> = { ledger: new Map(), registry: new Map() };

async function sqlMembers(scope: CampaignScope, campaignId: number, roundId: number, window: { from: string; to: string }) {
  const key = sql.raw(targetKey(scope));
  const checked: SQL = sql`EXISTS (SELECT 1 FROM ${campaignChecks} ck WHERE ck.round_id = ${roundId} AND ck.${key} = t.${key})`;
  const q = sql`SELECT t.name FROM (${campaignTargetsSql({ regionCode: codes.town, scope })}) t WHERE ${countsInRoundSql('t', window, checked)}`;
  const res = (await database.db.execute(q)) as unknown as { rows: Array<{ name: string }> };
  return new Set(res.rows.map((r) => r.name));
}

beforeAll(async () => {
  database = await freshDatabase();
  const org = await seedOrg(database);
  const type = await ensureObjectType(database.db, 'selfBuiltHouse');
  ledgerScope = { kind: 'ledger', typeId: type.id, villageCodes: [] };
  const roundRows = rounds.map((r) => ({ startsOn: r.window.from, dueOn: r.window.to, status: 'closed' as const }));
  for (const [kind, scope] of [
    ['ledger', ledgerScope],
    ['registry', registryScope],
  ] as const) {
    const made = await makeCampaign(database.db, { regionCode: codes.town, scope, rounds: roundRows });
    campaignOf[kind] = { id: made.campaign.id, rounds: made.rounds };
  }
  for (const f of fixtures) {
    const object = await makeLedgerObject(database.db, {
      typeId: type.id,
      regionCode: codes.village1,
      name: f.name,
      createdAt: f.createdAt,
      removedAt: f.removedAt ?? null,
    });
    const enterprise = await makeEnterprise(database, {
      name: f.name,
      regionCode: codes.village2,
      domains: ['industryTrade'],
      createdAt: f.createdAt,
      // An enterprise leaves the registry when it closes (关闭): the change's date is its removal.
      ...(f.removedAt ? { status: 'closed', updatedAt: f.removedAt } : { updatedAt: f.createdAt }),
    });
    for (const [kind, target] of [
      ['ledger', { objectId: object.id }],
      ['registry', { enterpriseId: enterprise.id }],
    ] as const) {
      const c = campaignOf[kind];
      if (!c) throw new Error('no campaign');
      for (const ordinal of f.checkedIn ?? []) {
        const round = c.rounds.find((r) => r.ordinal === ordinal);
        if (!round) throw new Error('no round');
        await makeCampaignCheck(database.db, {
          campaignId: c.id,
          roundId: round.id,
          target,
          regionCode: kind === 'ledger' ? codes.village1 : codes.village2,
          checkedBy: org.users.village.id,
        });
      }
    }
  }
  for (const kind of ['ledger', 'registry'] as const) {
    for (const r of rounds) {
      const members = new Set(
        fixtures
          .filter((f) =>
            countsInRound(
              {
                registeredOn: chinaToday(f.createdAt),
                removedOn: f.removedAt ? chinaToday(f.removedAt) : null,
                checkedInRound: (f.checkedIn ?? []).includes(r.ordinal),
              },
              r.window,
            ),
          )
          .map((f) => f.name),
      );
      core[kind]?.set(r.ordinal, members);
    }
  }
});
afterAll(() => database?.close());

describe('campaign membership: core countsInRound and countsInRoundSql over campaignTargetsSql agree', () => {
  for (const kind of ['ledger', 'registry'] as const) {
    for (const r of rounds) {
      it(`${kind} scope, round ${r.ordinal} (${r.window.from} – ${r.window.to})`, async () => {
        const c = campaignOf[kind];
        const round = c?.rounds.find((x) => x.ordinal === r.ordinal);
        if (!c || !round) throw new Error('no campaign');
        const scope = kind === 'ledger' ? ledgerScope : registryScope;
        const fromSql = await sqlMembers(scope, c.id, round.id, r.window);
        expect([...fromSql].sort()).toEqual([...(core[kind]?.get(r.ordinal) ?? [])].sort());
      });
    }
  }

  it('the boundaries fall where the rules say (Beijing dates)', () => {
    const second = core.ledger?.get(2) ?? new Set();
    const first = core.ledger?.get(1) ?? new Set();
    expect(second.has('第二轮末日晚登记')).toBe(true);
    expect(second.has('第二轮结束次日凌晨登记')).toBe(false);
    expect(second.has('第二轮末日注销')).toBe(false);
    expect(second.has('第二轮结束次日注销')).toBe(true);
    expect(second.has('检查后注销')).toBe(true);
    expect(second.has('第二轮中途新增')).toBe(true);
    expect(first.has('第二轮中途新增')).toBe(false);
    expect(first.has('第一轮结束后新增')).toBe(false);
    expect(second.has('第一轮结束后新增')).toBe(true);
    expect(first.has('第一轮末日登记')).toBe(true);
    expect(first.has('第一轮开始前注销')).toBe(false);
    expect(first.has('第一轮末日晚注销')).toBe(true);
    expect(second.has('第一轮末日晚注销')).toBe(false);
  });
});
