import { type DataScope, type HazardActor, type HazardFilter, industrySections } from '@anzhi/core';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { regionSubtree, scopeOn } from '../../db/data-scope.ts';
import { textArray } from '../../lib/sql-array.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';
import { hazardEscalations, hazardEvents, hazards } from './hazard.table.ts';
import { awaitingActorSql, hazardSql } from './hazard-predicates.sql.ts';
import { hazardTextSearch } from './hazard-search.sql.ts';

export type HazardRow = typeof hazards.$inferSelect;
export type HazardListRow = HazardRow & {
  enterpriseName: string | null;
  regionName: string | null;
  supervisingUnitName: string | null;
};

/** Who is asking, for the filters about the caller (我登记的, 待我处理). */
export type HazardCaller = Pick<HazardActor, 'userId' | 'office' | 'unitId' | 'enterpriseId'>;

/**
 * The ledger filter: the same SQL drives the list, the export and the statistics, so their numbers agree. Without a
 * caller, the filters about the caller match nothing.
 */
export function hazardWhere(scope: DataScope, f: HazardFilter, today: string, me?: HazardCaller): SQL | undefined {
  const c: (SQL | undefined)[] = [scopeOn.hazards(scope)];
  if (f.q) c.push(hazardTextSearch(f.q));
  if (f.status?.length) c.push(sql`${hazards.status} = ANY(${textArray(f.status)})`);
  // Written as IN lists (not NOT IN) so the status-led index serves them.
  if (f.open === true) c.push(hazardSql.isOpen());
  if (f.open === false) c.push(hazardSql.isEnded());
  if (f.grade) c.push(eq(hazards.grade, f.grade));
  if (f.channel) c.push(eq(hazards.channel, f.channel));
  if (f.regionCode) c.push(regionSubtree(hazards.regionCode, f.regionCode));
  if (f.domain) c.push(sql`${hazards.domains} @> ${textArray([f.domain])}`);
  // The statistics count a hazard under its first domain (groupKey 'domain'): this lists exactly such a group.
  if (f.mainDomain) c.push(sql`${hazards.domains}[1] = ${f.mainDomain}`);
  if (f.industrySection) {
    const divisions = industrySections.find(([s]) => s === f.industrySection)?.[2].map(([code]) => code) ?? [];
    c.push(sql`${hazards.industryCode} = ANY(${textArray(divisions)})`);
  }
  if (f.supervisingUnitId) c.push(eq(hazards.supervisingUnitId, f.supervisingUnitId));
  if (f.enterpriseId) c.push(eq(hazards.enterpriseId, f.enterpriseId));
  if (f.overdue === true) c.push(hazardSql.isOverdue(today));
  if (f.overdue === false) c.push(sql`NOT ${hazardSql.isOverdue(today)}`);
  if (f.supervised === true) c.push(sql`${hazards.supervisionLevel} IS NOT NULL`);
  if (f.supervised === false) c.push(sql`${hazards.supervisionLevel} IS NULL`);
  if (f.supervisionLevel) c.push(eq(hazards.supervisionLevel, f.supervisionLevel));
  if (f.foundFrom) c.push(sql`${hazards.foundOn} >= ${f.foundFrom}`);
  if (f.foundTo) c.push(sql`${hazards.foundOn} <= ${f.foundTo}`);
  if (f.closedFrom) c.push(sql`${hazards.closedOn} >= ${f.closedFrom}`);
  if (f.closedTo) c.push(sql`${hazards.closedOn} <= ${f.closedTo}`);
  if (f.stockAt) c.push(hazardSql.countsAsStockAt(f.stockAt));
  if (f.mine !== undefined) {
    const mine = me ? eq(hazards.foundBy, me.userId) : sql`false`;
    c.push(f.mine ? mine : sql`NOT ${mine}`);
  }
  if (f.awaitingMe !== undefined) {
    const awaiting = me ? awaitingActorSql(me) : sql`false`;
    c.push(f.awaitingMe ? awaiting : sql`NOT ${awaiting}`);
  }
  return and(...c);
}

/** Keyset cursor over (found_on DESC, id DESC). */
export function encodeCursor(row: { foundOn: string; id: number }): string {
  return Buffer.from(`${row.foundOn}|${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { foundOn: string; id: number } | null {
  const [foundOn, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!foundOn || !/^\d{4}-\d{2}-\d{2}$/.test(foundOn) || !id || !/^\d+$/.test(id)) return null;
  return { foundOn, id: Number(id) };
}

const listColumns = {
  h: hazards,
  enterpriseName: enterprises.name,
  regionName: regions.name,
  supervisingUnitName: units.name,
};

function withNames(ex: Executor) {
  return ex
    .select(listColumns)
    .from(hazards)
    .leftJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .leftJoin(regions, eq(regions.code, hazards.regionCode))
    .leftJoin(units, eq(units.id, hazards.supervisingUnitId));
}

/** What a ledger row shows (toHazardSummary): a third of the columns, none of the long texts or JSON records. */
const summaryColumns = {
  id: hazards.id,
  code: hazards.code,
  title: hazards.title,
  grade: hazards.grade,
  status: hazards.status,
  channel: hazards.channel,
  category: hazards.category,
  enterpriseId: hazards.enterpriseId,
  regionCode: hazards.regionCode,
  supervisingUnitId: hazards.supervisingUnitId,
  foundOn: hazards.foundOn,
  deadline: hazards.deadline,
  closedOn: hazards.closedOn,
  supervisionLevel: hazards.supervisionLevel,
  escalationStep: hazards.escalationStep,
  version: hazards.version,
  enterpriseName: enterprises.name,
  regionName: regions.name,
  supervisingUnitName: units.name,
  location: hazards.location,
};

export type HazardSummaryRow = Pick<HazardListRow, keyof typeof summaryColumns>;

type PageOptions = { cursor?: { foundOn: string; id: number }; offset: number; limit: number };

/** Newest first, after the keyset cursor when there is one (then no offset). */
const afterCursor = (opts: PageOptions) =>
  opts.cursor ? sql`(${hazards.foundOn}, ${hazards.id}) < (${opts.cursor.foundOn}::date, ${opts.cursor.id}::int)` : undefined;

const flatten = (
  rows: Array<{ h: HazardRow; enterpriseName: string | null; regionName: string | null; supervisingUnitName: string | null }>,
) => rows.map(({ h, ...names }): HazardListRow => ({ ...h, ...names }));

export const hazardRepo = {
  async page(ex: Executor, where: SQL | undefined, opts: PageOptions) {
    const rows = await withNames(ex)
      .where(and(where, afterCursor(opts)))
      .orderBy(desc(hazards.foundOn), desc(hazards.id))
      .limit(opts.limit)
      .offset(opts.cursor ? 0 : opts.offset);
    return flatten(rows);
  },

  /** The ledger page: the same rows and order as page(), only the columns a summary shows. */
  async summaryPage(ex: Executor, where: SQL | undefined, opts: PageOptions): Promise<HazardSummaryRow[]> {
    return ex
      .select(summaryColumns)
      .from(hazards)
      .leftJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
      .leftJoin(regions, eq(regions.code, hazards.regionCode))
      .leftJoin(units, eq(units.id, hazards.supervisingUnitId))
      .where(and(where, afterCursor(opts)))
      .orderBy(desc(hazards.foundOn), desc(hazards.id))
      .limit(opts.limit)
      .offset(opts.cursor ? 0 : opts.offset);
  },

  /** The number of rows, but no more than `limit`: the scan stops there (a text search's total, `ledgerSearchTotalCap`). */
  async countUpTo(ex: Executor, where: SQL | undefined, limit: number): Promise<number> {
    const found = ex.select({ one: sql`1` }).from(hazards).where(where).limit(limit).as('found');
    const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(found);
    return Number(row?.n ?? 0);
  },

  async count(ex: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(hazards).where(where);
    return Number(row?.n ?? 0);
  },

  async findById(ex: Executor, id: number, scope: DataScope): Promise<HazardListRow | undefined> {
    const rows = await withNames(ex)
      .where(and(eq(hazards.id, id), scopeOn.hazards(scope)))
      .limit(1);
    return flatten(rows)[0];
  },

  /** Locks the row for a transition: two people accepting at once queue here, and the second sees the new version. */
  async lock(ex: Executor, id: number): Promise<HazardRow | undefined> {
    const [row] = await ex.select().from(hazards).where(eq(hazards.id, id)).for('update');
    return row;
  },

  async nextId(ex: Executor): Promise<number> {
    const rows = (await ex.execute(sql`SELECT nextval(pg_get_serial_sequence('hazards', 'id'))::int AS id`)) as unknown as {
      rows: { id: number }[];
    };
    return Number(rows.rows[0]?.id);
  },

  async insert(ex: Executor, values: typeof hazards.$inferInsert): Promise<HazardRow> {
    const [row] = await ex.insert(hazards).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  },

  async update(ex: Executor, id: number, version: number, values: Partial<typeof hazards.$inferInsert>): Promise<HazardRow | undefined> {
    const [row] = await ex
      .update(hazards)
      .set({ ...values, version: version + 1 })
      .where(and(eq(hazards.id, id), eq(hazards.version, version)))
      .returning();
    return row;
  },

  async addEvent(ex: Executor, values: typeof hazardEvents.$inferInsert) {
    const [row] = await ex.insert(hazardEvents).values(values).returning();
    return row;
  },

  async events(ex: Executor, hazardId: number) {
    return ex.select().from(hazardEvents).where(eq(hazardEvents.hazardId, hazardId)).orderBy(hazardEvents.id);
  },

  /** When the hazard last had a timeline event of this kind (e.g. the last 催办). */
  async lastEventAt(ex: Executor, hazardId: number, action: string): Promise<Date | null> {
    const [row] = await ex
      .select({ at: hazardEvents.at })
      .from(hazardEvents)
      .where(and(eq(hazardEvents.hazardId, hazardId), eq(hazardEvents.action, action)))
      .orderBy(desc(hazardEvents.id))
      .limit(1);
    return row?.at ?? null;
  },

  async escalations(ex: Executor, hazardId: number) {
    return ex.select().from(hazardEscalations).where(eq(hazardEscalations.hazardId, hazardId)).orderBy(hazardEscalations.id);
  },

  async userName(ex: Executor, id: number | null): Promise<string | null> {
    if (id == null) return null;
    const [row] = await ex.select({ name: users.displayName }).from(users).where(eq(users.id, id));
    return row?.name ?? null;
  },
};
