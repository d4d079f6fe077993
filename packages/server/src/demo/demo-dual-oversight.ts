import { createHash, randomUUID } from 'node:crypto';
import { addDays, type CheckResult, lastWholeMonths } from '@anzhi/core';
import { asc, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import { newStorageKey, type Storage } from '../lib/storage.ts';
import { photoDHash } from '../modules/dual/check-phash.ts';
import { checkRecordFileOwner } from '../modules/dual/check-record.service.ts';
import { checkPhotos, checkRecordItems, checkRecords } from '../modules/dual/dual.table.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';
import { processPhoto } from '../modules/files/file.images.ts';
import { files } from '../modules/files/file.table.ts';
import { hazardCode } from '../modules/hazards/hazard.service.ts';
import { hazardEvents, hazards } from '../modules/hazards/hazard.table.ts';
import { type DemoScene, demoPhoto } from './demo-photos.ts';

/**
 * 双重预防 part E demo: data planted so every 形式主义 signal fires when the sweep runs after seeding, beside clean
 * enterprises that must not — a high-risk enterprise with three whole months of all-normal checks (and one whose checks
 * find things), the same photo (one perceptual hash) in two enterprises' records, a hazard accepted before its fix and
 * one fixed before it was found, twelve records by one account within five minutes of device time (and twelve honest
 * ones of a day synced at once). Deterministic from `now`.
 *
 * The photos are drawn (demo-photos.ts) and stored when seed-demo is given the storage, owned by their records.
 */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

export async function seedDemoDualOversight(
  tx: Tx,
  opts: { now: Date; checkerUserId: number; boundEnterpriseId: number; storage?: Storage },
) {
  const today = chinaToday(opts.now);
  const ents = await tx
    .select({ id: enterprises.id, regionCode: enterprises.regionCode, highRisk: enterprises.highRisk, name: enterprises.name })
    .from(enterprises)
    .orderBy(asc(enterprises.id));
  const high = ents.filter((e) => e.highRisk && e.id !== opts.boundEnterpriseId);
  const plain = ents.filter((e) => !e.highRisk && e.id !== opts.boundEnterpriseId);
  const lazy = high[0];
  const honest = high[1];
  const [reuserA, reuserB] = plain;
  const bound = ents.find((e) => e.id === opts.boundEnterpriseId);
  if (!lazy || !honest || !reuserA || !reuserB || !bound) return { records: 0 };
  const by = opts.checkerUserId;
  let records = 0;

  const record = async (e: typeof lazy, checkedAt: Date, results: CheckResult[], receivedAt = checkedAt) => {
    const [r] = await tx
      .insert(checkRecords)
      .values({
        clientId: randomUUID(),
        kind: 'task',
        enterpriseId: e.id,
        regionCode: e.regionCode,
        checkedBy: by,
        checkedAt,
        receivedAt,
        itemCount: results.length,
        abnormalCount: results.filter((x) => x === 'abnormal').length,
        note: null,
      })
      .returning({ id: checkRecords.id });
    const id = r?.id as number;
    await tx.insert(checkRecordItems).values(
      results.map((result, i) => ({
        recordId: id,
        seq: i + 1,
        text: ['消防通道畅通', '灭火器在有效期内', '设备防护装置完好'][i % 3] as string,
        result,
        note: result === 'abnormal' ? '发现问题，已登记隐患' : null,
      })),
    );
    records++;
    return id;
  };

  // noFindings: weekly checks in each of the last three whole months — all normal at `lazy`, one 异常 a month at `honest`.
  for (const month of lastWholeMonths(today, 3))
    for (const [k, day] of ['05', '12', '19', '26'].entries()) {
      await record(lazy, at(`${month}-${day}`, '09:00'), ['normal', 'normal', 'normal']);
      await record(honest, at(`${month}-${day}`, '09:30'), k === 1 ? ['normal', 'abnormal', 'normal'] : ['normal', 'normal', 'normal']);
    }

  // photoReused: one picture in two enterprises' records (same perceptual hash); two different pictures elsewhere.
  const photoDay = addDays(today, -12);
  const photo = async (recordId: number, e: typeof lazy, scene: DemoScene, name: string) => {
    // A drawn photo, re-encoded as an upload is; its hash is computed as the record endpoint computes it.
    const processed = await processPhoto(await demoPhoto(scene));
    if (!processed.ok) throw new Error('demo photo unreadable');
    const key = newStorageKey('.jpg');
    const thumbKey = newStorageKey('.jpg');
    if (opts.storage) {
      await opts.storage.put(key, processed.main);
      await opts.storage.put(thumbKey, processed.thumb);
    }
    const [f] = await tx
      .insert(files)
      .values({
        key,
        thumbKey,
        mime: 'image/jpeg',
        size: processed.main.length,
        sha256: createHash('sha256').update(processed.main).digest('hex'),
        originalName: `${name}.jpg`,
        ownerType: checkRecordFileOwner,
        ownerId: recordId,
        createdAt: at(photoDay, '10:00'),
      })
      .returning({ id: files.id });
    const phash = await photoDHash(processed.main);
    await tx
      .insert(checkPhotos)
      .values({ recordId, seq: 1, enterpriseId: e.id, fileId: f?.id as number, phash, takenAt: at(photoDay, '10:00') });
  };
  // The same picture of an extinguisher in two enterprises' records; different pictures elsewhere.
  await photo(await record(reuserA, at(photoDay, '10:00'), ['normal', 'normal']), reuserA, 'extinguisher', 'extinguisher-a');
  await photo(await record(reuserB, at(addDays(photoDay, 3), '15:20'), ['normal', 'normal']), reuserB, 'extinguisher', 'extinguisher-b');
  await photo(await record(honest, at(photoDay, '11:00'), ['normal', 'normal']), honest, 'exit', 'exit-honest');
  await photo(await record(lazy, at(photoDay, '11:30'), ['normal', 'normal']), lazy, 'wiring', 'wiring-lazy');

  // Hazard dates: accepted before its fix; fixed before it was found.
  const hazard = async (e: typeof lazy, foundOn: string, closed: boolean, title: string) => {
    const [next] = (
      (await tx.execute(sql`SELECT nextval(pg_get_serial_sequence('hazards', 'id'))::int AS id`)) as unknown as {
        rows: Array<{ id: number }>;
      }
    ).rows;
    const id = Number(next?.id);
    await tx.insert(hazards).values({
      id,
      code: hazardCode(id, foundOn),
      enterpriseId: e.id,
      regionCode: e.regionCode,
      channel: 'selfCheck',
      grade: 'general',
      category: 'thing',
      status: closed ? 'closed' : 'rectified',
      title,
      description: `${title}（演示：日期异常）`,
      foundOn,
      foundBy: by,
      deadline: addDays(foundOn, 15),
      closedOn: closed ? addDays(foundOn, 3) : null,
      createdAt: at(foundOn, '09:00'),
      updatedAt: at(foundOn, '09:00'),
    });
    return id;
  };
  const event = (hazardId: number, action: string, fromStatus: string | null, toStatus: string, when: Date) =>
    tx.insert(hazardEvents).values({ hazardId, action, fromStatus, toStatus, actorId: by, actorName: '演示企业安全员', at: when });
  const f1 = addDays(today, -20);
  const accepted = await hazard(reuserA, f1, true, '配电箱门缺失');
  await event(accepted, 'create', null, 'found', at(f1, '09:00'));
  await event(accepted, 'accept', 'rectified', 'closed', at(addDays(f1, 3), '10:00'));
  await event(accepted, 'rectify', 'found', 'rectified', at(addDays(f1, 5), '16:00'));
  const f2 = addDays(today, -8);
  const early = await hazard(reuserB, f2, false, '疏散指示灯不亮');
  await event(early, 'create', null, 'found', at(f2, '09:00'));
  await event(early, 'rectify', 'found', 'rectified', at(addDays(f2, -3), '15:00'));

  // bulkRecorded: twelve records within five minutes of device time; twelve honest ones of a day synced together.
  const bulkDay = addDays(today, -5);
  for (let i = 0; i < 12; i++) await record(bound, new Date(at(bulkDay, '21:00').getTime() + i * 25_000), ['normal', 'normal', 'normal']);
  for (let i = 0; i < 12; i++)
    await record(honest, new Date(at(bulkDay, '08:00').getTime() + i * 40 * 60_000), ['normal', 'normal'], at(bulkDay, '18:00'));

  return { records };
}
