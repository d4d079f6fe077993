import { randomUUID } from 'node:crypto';
import {
  acceptedBeforeFix,
  bulkBursts,
  chinaDayOf,
  type DualSignalKind,
  dualSettings,
  dualSignalKinds,
  fixedBeforeFound,
  noFindings,
  reusedPhotoGroups,
} from '@anzhi/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckRecord } from '../../../test/dual-kit.ts';
import { codes, makeEnterprise, makeHazard, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { chinaToday } from '../../lib/clock.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { files } from '../files/file.table.ts';
import { hazardEvents } from '../hazards/hazard.table.ts';
import { checkPhotos, dualSignals } from './dual.table.ts';
import { runOversightSignals } from './oversight-signals.ts';

/**
 * Issue 16 acceptance: each 形式主义 signal fires on planted data and not on clean data; the sweep's SQL and core's
 * rules (dual/oversight.rules.ts) pick the same rows; a second run adds nothing; a dismissed signal is not recreated.
 */
const now = new Date('2026-04-10T02:00:00Z');
const today = chinaToday(now);
const t = dualSettings.defaults.signals;

describe('形式主义 signals: planted and clean data, core ≡ SQL', () => {
  let app: TestApp;
  const planted: Partial<Record<DualSignalKind, string[]>> = {};
  const ents: Record<string, EnterpriseRow> = {};
  let first: Record<DualSignalKind, number>;

  beforeAll(async () => {
    app = await startTestApp(now);
    const org = await seedOrg(app.database);
    const db = app.database.db;
    const checker = org.users.village.id;
    const other = org.users.inspector.id;
    for (const [key, highRisk] of [
      ['lazy', true],
      ['honest', true],
      ['gap', true],
      ['ordinary', false],
      ['reuser', false],
    ] as const)
      ents[key] = await makeEnterprise(app.database, { regionCode: codes.village1, name: `${key}厂`, flags: highRisk ? ['highRisk'] : [] });
    const e = ents as Record<'lazy' | 'honest' | 'gap' | 'ordinary' | 'reuser', EnterpriseRow>;

    // noFindings: three whole months (Jan–Mar) of all-normal records at 'lazy'; 'honest' has one 异常; 'gap' skips
    // February; 'ordinary' is not high-risk.
    const monthly = ['2026-01-12T01:00:00Z', '2026-02-12T01:00:00Z', '2026-03-31T15:30:00Z'];
    const records: Record<string, number[]> = {};
    for (const key of ['lazy', 'honest', 'gap', 'ordinary'] as const) {
      records[key] = [];
      for (const [i, s] of monthly.entries()) {
        if (key === 'gap' && i === 1) continue;
        const results = key === 'honest' && i === 1 ? (['normal', 'abnormal'] as const) : (['normal', 'normal'] as const);
        const r = await makeCheckRecord(db, e[key], { checkedBy: other, checkedAt: new Date(s), results: [...results] });
        records[key].push(r.id);
      }
    }
    planted.noFindings = [`${e.lazy.id}:2026-01~2026-03`];

    // photoReused: the same picture (4 bits apart) at 'lazy' and 'reuser'; a byte-identical file at two records;
    // clean: 5 bits apart, two photos in one record, a different picture.
    const file = async (sha: string) => {
      const [f] = await db
        .insert(files)
        .values({ key: `test/${randomUUID()}.jpg`, mime: 'image/jpeg', size: 100, sha256: sha, createdAt: now })
        .returning();
      return f?.id as number;
    };
    const photo = async (recordId: number, enterprise: EnterpriseRow, phash: string | null, sha: string = randomUUID(), seq = 1) => {
      const [p] = await db
        .insert(checkPhotos)
        .values({ recordId, seq, enterpriseId: enterprise.id, fileId: await file(sha), phash, takenAt: new Date('2026-03-20T02:00:00Z') })
        .returning();
      return p?.id as number;
    };
    const rec = async (enterprise: EnterpriseRow) =>
      (await makeCheckRecord(db, enterprise, { checkedBy: other, checkedAt: new Date('2026-03-20T02:00:00Z') })).id;
    const anchor = await photo(records.lazy?.[2] as number, e.lazy, 'f0f0f0f0f0f0f0f0');
    await photo(await rec(e.reuser), e.reuser, 'f0f0f0f0f0f0f0ff');
    const same = await photo(await rec(e.reuser), e.reuser, null, 'identical-bytes');
    await photo(await rec(e.ordinary), e.ordinary, null, 'identical-bytes');
    await photo(await rec(e.ordinary), e.ordinary, '0f0f0f0f0f0f0f0f');
    await photo(await rec(e.ordinary), e.ordinary, '0f0f0f0f0f0f0fe0'); // 5 bits from the one before
    const one = await rec(e.ordinary);
    await photo(one, e.ordinary, '1234567890abcdef', randomUUID(), 1);
    await photo(one, e.ordinary, '1234567890abcdef', randomUUID(), 2);
    await photo(await rec(e.ordinary), e.ordinary, 'not-a-hash');
    planted.photoReused = [`photo:${anchor}`, `photo:${same}`];

    // Hazard dates: accepted (3-04) before the fix (3-05); fixed (3-08) before found (3-10); an honest loop.
    const event = (hazardId: number, action: string, at: string) =>
      db.insert(hazardEvents).values({ hazardId, action, toStatus: 'closed', actorName: '测试', at: new Date(at) });
    const accepted = await makeHazard(app.database, { enterprise: e.lazy, foundBy: other, status: 'closed', foundOn: '2026-03-01' });
    await event(accepted.id, 'rectify', '2026-03-05T02:00:00Z');
    await event(accepted.id, 'accept', '2026-03-04T02:00:00Z');
    const early = await makeHazard(app.database, { enterprise: e.reuser, foundBy: other, status: 'rectified', foundOn: '2026-03-10' });
    await event(early.id, 'rectify', '2026-03-07T17:00:00Z'); // 3-08 in China
    const honest = await makeHazard(app.database, { enterprise: e.honest, foundBy: other, status: 'closed', foundOn: '2026-03-01' });
    await event(honest.id, 'rectify', '2026-03-05T02:00:00Z');
    await event(honest.id, 'accept', '2026-03-05T03:00:00Z');
    const sameDay = await makeHazard(app.database, { enterprise: e.honest, foundBy: other, status: 'rectified', foundOn: '2026-03-08' });
    await event(sameDay.id, 'rectify', '2026-03-07T16:00:00Z'); // 3-08 in China: the day it was found
    planted.acceptedBeforeFix = [`hazard:${accepted.id}`];
    planted.fixedBeforeFound = [`hazard:${early.id}`];

    // bulkRecorded: 12 records by the village account within 5 minutes of device time; the inspector's 12 records over
    // two hours synced at once (received together) are honest.
    const base = Date.parse('2026-04-02T06:00:00Z');
    let head = 0;
    for (let i = 0; i < 12; i++) {
      const r = await makeCheckRecord(db, e.reuser, { checkedBy: checker, checkedAt: new Date(base + i * 25_000) });
      if (i === 0) head = r.id;
    }
    for (let i = 0; i < 12; i++)
      await makeCheckRecord(db, e.honest, {
        checkedBy: other,
        checkedAt: new Date(base + i * 11 * 60_000),
        receivedAt: new Date(base + 3 * 3_600_000),
      });
    planted.bulkRecorded = [`${checker}:${head}`];

    first = await runOversightSignals(db, now);
  });
  afterAll(() => app?.close());

  const keysOf = async (kind: DualSignalKind) =>
    (await app.database.db.select({ k: dualSignals.subjectKey }).from(dualSignals).where(eq(dualSignals.kind, kind)))
      .map((r) => r.k)
      .sort();

  it('each signal fires on the planted data and not on the clean data', async () => {
    for (const kind of dualSignalKinds) {
      expect(await keysOf(kind), kind).toEqual([...(planted[kind] ?? [])].sort());
      expect(first[kind], kind).toBe(planted[kind]?.length);
    }
  });

  it('core’s rules pick the same rows from the same data', async () => {
    const rows = await app.database.rows<{
      id: number;
      enterprise_id: number;
      checked_by: number;
      checked_at: string;
      abnormal_count: number;
      high_risk: boolean;
    }>(sql`SELECT r.id, r.enterprise_id, r.checked_by, r.checked_at, r.abnormal_count, e.high_risk
      FROM check_records r JOIN enterprises e ON e.id = r.enterprise_id`);
    const recs = rows.map((r) => ({ ...r, checkedAt: new Date(r.checked_at), abnormalCount: Number(r.abnormal_count) }));
    const byEnterprise = Object.values(ents).filter((en) =>
      noFindings(
        en,
        recs.filter((r) => r.enterprise_id === en.id),
        today,
        t,
      ),
    );
    expect(byEnterprise.map((en) => `${en.id}:2026-01~2026-03`)).toEqual(await keysOf('noFindings'));

    const photos = await app.database.rows<{ id: number; record_id: number; phash: string | null; sha256: string }>(
      sql`SELECT p.id, p.record_id, CASE WHEN p.phash ~ '^[0-9a-f]{16}$' THEN p.phash END AS phash, f.sha256
        FROM check_photos p JOIN files f ON f.id = p.file_id`,
    );
    const groups = reusedPhotoGroups(
      photos.map((p) => ({ id: p.id, recordId: p.record_id, phash: p.phash, sha256: p.sha256 })),
      t,
    );
    expect([...groups.keys()].map((a) => `photo:${a}`).sort()).toEqual(await keysOf('photoReused'));
    const [evidence] = await app.database.db
      .select()
      .from(dualSignals)
      .where(eq(dualSignals.subjectKey, `photo:${[...groups.keys()][0]}`));
    expect((evidence?.evidence as unknown as { photoIds?: number[] } | undefined)?.photoIds).toEqual(
      groups.get([...groups.keys()][0] as number),
    );

    const hz = await app.database.rows<{ id: number; found_on: string; at: string; action: string }>(
      sql`SELECT h.id, h.found_on::text AS found_on, ev.at, ev.action FROM hazards h JOIN hazard_events ev ON ev.hazard_id = h.id`,
    );
    const dates = new Map<
      number,
      { foundOn: string; firstFixedOn: string | null; lastFixedOn: string | null; acceptedOn: string | null }
    >();
    for (const r of hz) {
      const d = dates.get(r.id) ?? { foundOn: r.found_on, firstFixedOn: null, lastFixedOn: null, acceptedOn: null };
      const day = chinaDayOf(new Date(r.at));
      if (r.action === 'rectify') {
        d.firstFixedOn = d.firstFixedOn && d.firstFixedOn < day ? d.firstFixedOn : day;
        d.lastFixedOn = d.lastFixedOn && d.lastFixedOn > day ? d.lastFixedOn : day;
      }
      if (r.action === 'accept') d.acceptedOn = d.acceptedOn && d.acceptedOn > day ? d.acceptedOn : day;
      dates.set(r.id, d);
    }
    const pick = (f: (d: typeof dates extends Map<number, infer D> ? D : never) => boolean) =>
      [...dates].filter(([, d]) => f(d)).map(([id]) => `hazard:${id}`);
    expect(pick(acceptedBeforeFix)).toEqual(await keysOf('acceptedBeforeFix'));
    expect(pick(fixedBeforeFound)).toEqual(await keysOf('fixedBeforeFound'));

    const bursts = bulkBursts(
      recs.map((r) => ({ id: r.id, checkedBy: r.checked_by, checkedAt: r.checkedAt })),
      t,
    );
    expect(bursts.map((b) => `${b.userId}:${b.headId}`)).toEqual(await keysOf('bulkRecorded'));
  });

  it('a second run adds nothing; a dismissed signal stays dismissed', async () => {
    const db = app.database.db;
    await db
      .update(dualSignals)
      .set({ status: 'dismissed', dismissReason: '已现场核实属正常' })
      .where(eq(dualSignals.kind, 'bulkRecorded'));
    const again = await runOversightSignals(db, now);
    expect(Object.values(again).reduce((a, b) => a + b, 0)).toBe(0);
    const bulk = await db.select().from(dualSignals).where(eq(dualSignals.kind, 'bulkRecorded'));
    expect(bulk.map((s) => s.status)).toEqual(['dismissed']);
  });
});
