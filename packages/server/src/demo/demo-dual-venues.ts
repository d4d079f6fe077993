import { addDays, enterpriseNameKey, patrolMonthOf, type SmallVenueType, venueChecklist } from '@anzhi/core';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import { checkRecordItems, checkRecords } from '../modules/dual/dual.table.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';
import { nameInitials, newPublicCode } from '../modules/enterprises/enterprise.values.ts';
import { withDerived } from '../modules/enterprises/enterprise-derived.ts';
import { hazardCode } from '../modules/hazards/hazard.service.ts';
import { hazardEvents, hazards } from '../modules/hazards/hazard.table.ts';
import { regionRepo } from '../modules/regions/region.repo.ts';
import { units } from '../modules/units/unit.table.ts';

/** Two grids of 东村 (the village demo account's village): its 12 digits plus a grid number. */
export const demoGrids = [
  { code: '339901100201001', name: '东村第一网格' },
  { code: '339901100201002', name: '东村第二网格' },
] as const;

type V = [name: string, type: SmallVenueType, address: string, principal: string, rentsFromRegistry?: boolean];
const gridVenues: V[][] = [
  [
    ['东村好邻居便利店', 'shop', '东村路 12 号', '陈美华', true],
    ['东村老张面馆', 'restaurant', '东村路 18 号', '张建国'],
    ['东村悦来小旅馆', 'hotel', '东村路 25 号', '李秀英', true],
    ['东村星空网吧', 'internetCafe', '东村路 31 号', '王磊'],
    ['东村丽人美发店', 'beauty', '东村路 36 号', '赵丽'],
    ['东村红星五金加工点', 'workshop', '东村工业弄 3 号', '孙强', true],
    ['东村惠民诊所', 'clinic', '东村路 40 号', '周医生'],
    ['东村欢乐歌厅', 'entertainment', '东村路 52 号', '吴涛'],
  ],
  [
    ['东村二组小卖部', 'shop', '东村二组 5 号', '郑桂兰'],
    ['东村阿香快餐店', 'restaurant', '东村二组 9 号', '冯香', true],
    ['东村宏达服装加工作坊', 'workshop', '东村二组 14 号', '陈宏达', true],
    ['东村小太阳幼儿园', 'school', '东村二组 20 号', '褚老师'],
    ['东村足浴养生馆', 'beauty', '东村二组 23 号', '卫东'],
    ['东村平价超市', 'shop', '东村二组 27 号', '蒋平'],
    ['东村农家乐小餐馆', 'restaurant', '东村二组 33 号', '沈农'],
    ['东村旺角台球网咖', 'internetCafe', '东村二组 38 号', '韩旺'],
  ],
];

/** Findings planted in grid 1's last month and grid 2's month before: [grid, venue index, month offset, item seq, note]. */
const findings: Array<[number, number, number, number, string]> = [
  [0, 1, -1, 3, '燃气泄漏报警器测试不报警，需更换'],
  [1, 2, -2, 5, '车间二楼隔出房间住人，生产与住宿未分隔'],
];

/**
 * 九小场所 demo (issue 16, part D): two grids under 东村 with eight venues each of mixed types, some renting from
 * registry enterprises; three months of patrols by the village account — grid 1 well covered, grid 2 with gaps —
 * and two findings that became hazards (channel 督导检查) still being fixed. Deterministic from `now`.
 */
export async function seedDemoDualVenues(ex: Executor, opts: { now: Date; villageUserId: number; villageName: string }) {
  const { now } = opts;
  for (const g of demoGrids) await regionRepo.insert(ex, { ...g, level: 'grid', parentCode: g.code.slice(0, 12), createdAt: now });
  const [fire] = await ex
    .select({ id: units.id })
    .from(units)
    .where(sql`'smallVenue' = ANY(${units.industries})`)
    .orderBy(units.id)
    .limit(1);
  // The landlords: registry rows of 东村 that are not small venues themselves.
  const landlords = await ex
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.regionCode, '339901100201'), isNull(enterprises.smallVenueType)))
    .orderBy(enterprises.id)
    .limit(5);
  let rented = 0;
  const venueIds: number[][] = [];
  for (const [g, list] of gridVenues.entries()) {
    const grid = demoGrids[g] as (typeof demoGrids)[number];
    const rows = list.map(([name, type, address, principal, rents], i) =>
      withDerived({
        name,
        nameKey: enterpriseNameKey(name),
        nameInitials: nameInitials(name),
        address,
        regionCode: grid.code,
        status: 'operating' as const,
        principal,
        principalPhone: `1390571${String(g * 100 + i).padStart(4, '0')}`,
        domains: ['smallVenue', 'fire'],
        flags: [],
        smallVenueType: type,
        landlordId: rents && landlords.length ? (landlords[rented++ % landlords.length]?.id ?? null) : null,
        supervisingUnitId: fire?.id ?? null,
        publicCode: newPublicCode(),
        createdAt: now,
        updatedAt: now,
      }),
    );
    const inserted = await ex.insert(enterprises).values(rows).returning({ id: enterprises.id });
    venueIds.push(inserted.map((r) => r.id));
  }

  const today = chinaToday(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const monthStart = (offset: number) => {
    const d = new Date(Date.UTC(y, m - 1 + offset, 1));
    return d.toISOString().slice(0, 10);
  };
  let records = 0;
  let hazardCount = 0;
  for (const offset of [-2, -1, 0]) {
    for (const [g, ids] of venueIds.entries()) {
      for (const [i, enterpriseId] of ids.entries()) {
        // Grid 1 patrols every venue each month; grid 2 misses about half of them, differently each month.
        if (g === 1 && (i + offset + 3) % 2 === 0) continue;
        const day = addDays(monthStart(offset), 2 + i * 2 + g);
        if (day >= today) continue;
        const checkedAt = new Date(`${day}T${String(1 + g).padStart(2, '0')}:30:00Z`);
        const venue = gridVenues[g]?.[i] as V;
        const items = venueChecklist(venue[1]);
        const finding = findings.find(([fg, fi, fo]) => fg === g && fi === i && fo === offset);
        const [record] = await ex
          .insert(checkRecords)
          .values({
            clientId: `00000000-0000-4000-8000-${String(1_000_000 + records).padStart(12, '0')}`,
            kind: 'patrol',
            enterpriseId,
            regionCode: demoGrids[g]?.code as string,
            patrolMonth: patrolMonthOf(checkedAt),
            checkedBy: opts.villageUserId,
            checkedAt,
            receivedAt: new Date(checkedAt.getTime() + 5 * 60_000),
            itemCount: items.length,
            abnormalCount: finding ? 1 : 0,
          })
          .returning({ id: checkRecords.id });
        records++;
        if (!record) continue;
        let hazardId: number | null = null;
        if (finding) {
          hazardId = await plantHazard(ex, {
            enterpriseId,
            regionCode: demoGrids[g]?.code as string,
            supervisingUnitId: fire?.id ?? null,
            title: items.find((it) => it.seq === finding[3])?.text.slice(0, 20) ?? '巡查发现问题',
            note: finding[4],
            foundOn: day,
            at: checkedAt,
            userId: opts.villageUserId,
            userName: opts.villageName,
          });
          hazardCount++;
        }
        await ex.insert(checkRecordItems).values(
          items.map((it) => ({
            recordId: record.id,
            seq: it.seq,
            text: it.text,
            result: finding && it.seq === finding[3] ? ('abnormal' as const) : ('normal' as const),
            note: finding && it.seq === finding[3] ? finding[4] : null,
            hazardId: finding && it.seq === finding[3] ? hazardId : null,
          })),
        );
      }
    }
  }
  return { venues: venueIds.flat().length, patrols: records, hazards: hazardCount };
}

async function plantHazard(
  ex: Executor,
  h: {
    enterpriseId: number;
    regionCode: string;
    supervisingUnitId: number | null;
    title: string;
    note: string;
    foundOn: string;
    at: Date;
    userId: number;
    userName: string;
  },
): Promise<number> {
  const [{ id }] = (await ex.execute(sql`SELECT nextval(pg_get_serial_sequence('hazards', 'id'))::int AS id`)).rows as { id: number }[];
  await ex.insert(hazards).values({
    id,
    code: hazardCode(id, h.foundOn),
    enterpriseId: h.enterpriseId,
    regionCode: h.regionCode,
    domains: ['smallVenue', 'fire'],
    supervisingUnitId: h.supervisingUnitId,
    channel: 'inspection',
    grade: 'general',
    category: 'thing',
    status: 'rectifying',
    title: h.title,
    description: `网格巡查发现：${h.note}`,
    foundOn: h.foundOn,
    foundBy: h.userId,
    deadline: addDays(h.foundOn, 30),
    createdAt: h.at,
    updatedAt: h.at,
  });
  await ex.insert(hazardEvents).values({
    hazardId: id,
    action: 'create',
    fromStatus: null,
    toStatus: 'rectifying',
    actorId: h.userId,
    actorName: h.userName,
    at: h.at,
    note: `网格巡查发现：${h.note}`,
    data: { channel: 'inspection' },
  });
  return id;
}
