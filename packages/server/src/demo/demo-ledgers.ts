import { createHash } from 'node:crypto';
import { enterpriseNameKey, labelCodeOf } from '@anzhi/core';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { ledgerObjects } from '../modules/campaigns/campaign.table.ts';
import { ensureShippedObjectTypes, ledgerTypeRepo } from '../modules/campaigns/ledger-type.repo.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';

/**
 * 专项台账 demo (issue 17): 有限空间 in the 工贸 enterprises (1–3 each, qiye's among them) and 经营性自建房 in the
 * villages (东村, 张网格's village, holds the most). Label codes are derived from the name, so a re-seed of a fresh
 * database prints the same stickers. Returns the ids for the demo campaign.
 */
const spaces: Array<[name: string, kind: string, location: string, factors: string]> = [
  ['污水收集池', '地下有限空间', '厂区东南角污水站', '硫化氢、缺氧'],
  ['地下电缆沟', '地下有限空间', '配电房至车间', '缺氧、触电'],
  ['酸洗槽', '地上有限空间', '表面处理车间', '酸雾、中毒'],
  ['除尘器灰斗', '密闭设备', '抛丸车间除尘系统', '粉尘、缺氧'],
  ['化粪池', '地下有限空间', '宿舍楼北侧', '硫化氢、甲烷'],
  ['储水罐', '密闭设备', '锅炉房', '缺氧'],
  ['集水井', '地下有限空间', '仓库地坪下', '缺氧、淹溺'],
];
const keepers = ['李安', '王强', '陈立', '赵敏', '孙志', '周平', '吴刚', '郑云'];

const houses: Array<[village: string, name: string, owner: string, floors: number, use: string, area: number, year: number]> = [
  ['339901100201', '东村 1 组陈家饭店', '陈金土', 3, '餐饮', 420, 2006],
  ['339901100201', '东村 2 组民宿“竹里”', '张月娥', 4, '住宿', 560, 2012],
  ['339901100201', '东村 3 组便民超市', '王建国', 2, '商超', 260, 2001],
  ['339901100201', '东村 3 组服装加工点', '王建华', 3, '生产加工', 380, 2009],
  ['339901100201', '东村 5 组快递驿站', '李小平', 2, '仓储', 210, 1998],
  ['339901100201', '东村 6 组托管班', '赵丽', 3, '教育培训', 300, 2015],
  ['339901100202', '西村小吃一条街 8 号', '钱国强', 3, '餐饮', 330, 2004],
  ['339901100202', '西村旅馆', '孙美华', 5, '住宿', 780, 2010],
  ['339901100202', '西村五金店', '周建军', 2, '商超', 180, 1995],
  ['339901100203', '南塘村农家乐', '吴水根', 3, '餐饮', 450, 2013],
  ['339901100203', '南塘村棉被加工坊', '郑阿三', 2, '生产加工', 290, 2003],
  ['339901100203', '南塘村家庭旅馆', '冯秀英', 4, '住宿', 520, 2011],
  ['339901100204', '北山村茶叶加工点', '陈茂林', 2, '生产加工', 340, 2007],
  ['339901100204', '北山村小卖部', '褚玉兰', 2, '商超', 120, 1992],
  ['339901100205', '桥头村饭庄', '卫国庆', 3, '餐饮', 400, 2008],
  ['339901100205', '桥头村出租仓库', '蒋大海', 1, '仓储', 600, 2000],
  ['339901100206', '新河村培训学校', '沈文', 4, '教育培训', 640, 2016],
  ['339901100206', '新河村民宿', '韩梅', 3, '住宿', 420, 2018],
  ['339901100001', '镇北社区临街商铺 12 号', '杨建平', 3, '商超', 360, 2005],
  ['339901100001', '镇北社区小吃店', '朱红', 2, '餐饮', 150, 1999],
];

const labelOf = (seed: string) => labelCodeOf(createHash('sha256').update(`anzhi-demo-label:${seed}`).digest());

export async function seedDemoLedgers(
  ex: Executor,
  opts: { now: Date; boundEnterpriseId: number; createdBy: number; villageCreatedBy: number },
): Promise<{ confinedSpaceTypeId: number; selfBuiltHouseTypeId: number; confinedSpaceIds: number[]; selfBuiltHouseIds: number[] }> {
  await ensureShippedObjectTypes(ex);
  const confined = await ledgerTypeRepo.findByCode(ex, 'confinedSpace');
  const house = await ledgerTypeRepo.findByCode(ex, 'selfBuiltHouse');
  if (!confined || !house) throw new Error('demo: shipped object types missing');
  // qiye's enterprise first, then the other 工贸 enterprises (not the small venues).
  const trade = await ex
    .select({ id: enterprises.id, regionCode: enterprises.regionCode, address: enterprises.address })
    .from(enterprises)
    .where(
      and(
        sql`${enterprises.domains} @> ARRAY['industryTrade']::text[]`,
        isNull(enterprises.smallVenueType),
        ne(enterprises.id, opts.boundEnterpriseId),
      ),
    )
    .orderBy(asc(enterprises.id))
    .limit(8);
  const [bound] = await ex
    .select({ id: enterprises.id, regionCode: enterprises.regionCode, address: enterprises.address })
    .from(enterprises)
    .where(eq(enterprises.id, opts.boundEnterpriseId));
  const owners = bound ? [bound, ...trade] : trade;
  const at = (days: number) => new Date(opts.now.getTime() - days * 86_400_000);
  const confinedRows: Array<typeof ledgerObjects.$inferInsert> = [];
  let n = 0;
  owners.forEach((e, i) => {
    const count = i === 0 ? 3 : (i % 3) + 1;
    for (let k = 0; k < count && confinedRows.length < 16; k++) {
      const [name, spaceKind, location, hazardFactors] = spaces[(i + k) % spaces.length] as (typeof spaces)[number];
      const keeper = keepers[n++ % keepers.length] as string;
      confinedRows.push({
        typeId: confined.id,
        labelCode: labelOf(`confined:${e.id}:${name}`),
        name,
        nameKey: enterpriseNameKey(name),
        regionCode: e.regionCode,
        enterpriseId: e.id,
        address: e.address,
        data: {
          spaceKind,
          location,
          hazardFactors,
          signPosted: (i + k) % 4 !== 2,
          keeper,
          keeperPhone: `1390000${String(1000 + n).padStart(4, '0')}`,
        },
        createdBy: opts.createdBy,
        // Registered over the past months: a campaign's rounds count what was on the ledger by then.
        createdAt: at(120 - n * 3),
        updatedAt: at(120 - n * 3),
      });
    }
  });
  const houseRows = houses.map(([village, name, owner, floors, use, floorArea, builtYear], i) => ({
    typeId: house.id,
    labelCode: labelOf(`house:${village}:${name}`),
    name,
    nameKey: enterpriseNameKey(name),
    regionCode: village,
    enterpriseId: null,
    address: name.replace(
      /(饭店|民宿.*|便民超市|服装加工点|快递驿站|托管班|旅馆|五金店|农家乐|棉被加工坊|家庭旅馆|茶叶加工点|小卖部|饭庄|出租仓库|培训学校|小吃店)$/,
      '',
    ),
    data: {
      owner,
      ownerPhone: `1380000${String(2000 + i).padStart(4, '0')}`,
      floors,
      builtYear,
      floorArea,
      use,
      structureAppraised: i % 3 !== 1,
    },
    createdBy: village === '339901100201' ? opts.villageCreatedBy : opts.createdBy,
    createdAt: at(150 - i * 4),
    updatedAt: at(150 - i * 4),
  }));
  const inserted = await ex
    .insert(ledgerObjects)
    .values([...confinedRows, ...houseRows])
    .returning({ id: ledgerObjects.id, typeId: ledgerObjects.typeId });
  return {
    confinedSpaceTypeId: confined.id,
    selfBuiltHouseTypeId: house.id,
    confinedSpaceIds: inserted.filter((r) => r.typeId === confined.id).map((r) => r.id),
    selfBuiltHouseIds: inserted.filter((r) => r.typeId === house.id).map((r) => r.id),
  };
}
