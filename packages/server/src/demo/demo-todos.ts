import { addDays } from '@anzhi/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';
import { hazardCode } from '../modules/hazards/hazard.service.ts';
import { hazardEvents, hazards } from '../modules/hazards/hazard.table.ts';

/**
 * The grid worker's own to-do: a hazard they found on patrol in their village, fixed by the enterprise and waiting for
 * their 验收 (谁检查、谁签名). The random year of hazards may give the village account none it can see.
 * Returns the number of hazards written.
 */
export async function seedDemoVillageTodo(
  ex: Executor,
  now: Date,
  opts: { villageUserId: number; villageName: string; villageCode: string },
): Promise<number> {
  const [e] = await ex
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.regionCode, opts.villageCode), sql`'smallVenue' = ANY(${enterprises.domains})`))
    .orderBy(enterprises.id)
    .limit(1);
  const [fallback] = e ? [e] : await ex.select().from(enterprises).where(eq(enterprises.regionCode, opts.villageCode)).limit(1);
  const target = e ?? fallback;
  if (!target) return 0;
  const today = chinaToday(now);
  const foundOn = addDays(today, -6);
  const [{ id }] = (await ex.execute(sql`SELECT nextval(pg_get_serial_sequence('hazards', 'id'))::int AS id`)).rows as { id: number }[];
  const found = new Date(`${foundOn}T02:00:00Z`);
  const fixed = new Date(`${addDays(foundOn, 4)}T03:00:00Z`);
  await ex.insert(hazards).values({
    id,
    code: hazardCode(id, foundOn),
    enterpriseId: target.id,
    regionCode: target.regionCode,
    industryCode: target.industryCode,
    domains: target.domains,
    supervisingUnitId: target.supervisingUnitId,
    channel: 'inspection',
    grade: 'general',
    category: 'thing',
    status: 'rectified',
    title: '灭火器过期未更换',
    description: '网格巡查发现：店内两具干粉灭火器已过有效期，压力表指针处于红区',
    location: '店堂入口',
    foundOn,
    foundBy: opts.villageUserId,
    deadline: addDays(foundOn, 7),
    createdAt: found,
    updatedAt: fixed,
  });
  const principal = target.principal ?? '企业负责人';
  await ex.insert(hazardEvents).values([
    {
      hazardId: id,
      action: 'create',
      fromStatus: null,
      toStatus: 'rectifying',
      actorId: opts.villageUserId,
      actorName: opts.villageName,
      at: found,
      note: '网格巡查发现：店内两具干粉灭火器已过有效期，压力表指针处于红区',
      data: { channel: 'inspection' },
    },
    {
      hazardId: id,
      action: 'rectify',
      fromStatus: 'rectifying',
      toStatus: 'rectified',
      actorId: null,
      actorName: principal,
      at: fixed,
      note: '已购置两具新灭火器并放置在入口处',
      data: {},
    },
  ]);
  return 1;
}
