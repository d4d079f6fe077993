import {
  availableHazardActions,
  type CriteriaSet,
  can,
  checkGradingCitations,
  citeCriteria,
  defaultMajorDeadline,
  escalationStepLabels,
  type HazardCreate,
  type HazardDetail,
  type HazardFilter,
  type HazardGroupBy,
  type HazardListQuery,
  hazardActionLabels,
  hazardCategoryLabels,
  hazardChannelLabels,
  hazardGradeLabels,
  hazardStatusLabels,
  type IndustryScheme,
  industryDivisions,
  industrySectionNames,
  initialHazardStatus,
  ledgerSearchTotalCap,
  scopeCoversRegion,
  supervisionDomainLabels,
} from '@anzhi/core';
import { eq, inArray } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { regions } from '../regions/region.table.ts';
import { loadSettingsBook, resolveSettings } from '../settings/settings.resolver.ts';
import { units } from '../units/unit.table.ts';
import type { HazardPorts } from './hazard.ports.ts';
import { auditedHazard, fileLinks, hazardActorOf, hazardFacts, toHazardSummary } from './hazard.presenter.ts';
import { decodeCursor, encodeCursor, hazardRepo, hazardWhere } from './hazard.repo.ts';
import { createHazardActions } from './hazard-actions.ts';
import { hazardNotices } from './hazard-notices.ts';
import { createHazardRemind } from './hazard-remind.ts';
import { cubeAnswers, groupKey, groupName, hazardStatsRepo, statsRoot } from './hazard-stats.repo.ts';

export type HazardDeps = {
  db: Db;
  /** Statistics and 动态清零 read here: the replica when in use (ADR 0017). */
  readDb: Db;
  clock: Clock;
  audit: AuditService;
} & HazardPorts;

/** A label for every group key: core's dictionary for fixed keys, the looked-up name, else the key (or 未分类 for none). */
export function groupLabels(groupBy: HazardGroupBy, keys: string[], named: Map<string, string>): Map<string, string> {
  const fixed: Partial<Record<HazardGroupBy, Record<string, string>>> = {
    status: hazardStatusLabels,
    grade: hazardGradeLabels,
    channel: hazardChannelLabels,
    domain: supervisionDomainLabels,
  };
  const dict = fixed[groupBy];
  const map = new Map<string, string>();
  for (const k of keys) map.set(k, dict ? (dict[k] ?? (k || '未分类')) : (named.get(k) ?? (k || '未分类')));
  return map;
}

export function hazardCode(id: number, foundOn: string): string {
  return `YH-${foundOn.slice(0, 4)}-${String(id).padStart(6, '0')}`;
}

/**
 * A hazard of a place with no enterprise, for modules only (the 专项检查 of a village's 经营性自建房): the village's
 * region code and the place's name (kept as the hazard's location). POST /hazards always names an enterprise.
 */
export type HazardPlaceCreate = Omit<HazardCreate, 'enterpriseId'> & {
  enterpriseId: null;
  place: { regionCode: string; location: string };
};

export function createHazardService(deps: HazardDeps) {
  const { db, readDb, clock, audit } = deps;
  const today = () => chinaToday(clock.now());
  const notices = hazardNotices(deps);
  // Declared before detail() reads it; load() is hoisted.
  const reminders = createHazardRemind({ ...deps, load });

  async function load(ex: Executor, actor: Actor, id: number) {
    const row = await hazardRepo.findById(ex, id, actor.scope);
    if (!row) throw errors.notFound('隐患', 'hazard.not_found');
    return row;
  }

  async function detail(ex: Executor, actor: Actor, id: number): Promise<HazardDetail> {
    const h = await load(ex, actor, id);
    const [events, escalations, foundByName, checkerName, accepterName, library] = await Promise.all([
      hazardRepo.events(ex, id),
      hazardRepo.escalations(ex, id),
      hazardRepo.userName(ex, h.foundBy),
      hazardRepo.userName(ex, h.checkerId),
      hazardRepo.userName(ex, h.accepterId),
      deps.criteriaLibrary(),
    ]);
    const pending = h.pendingExtension;
    const settings = await resolveSettings(ex, h.regionCode);
    const reports = await deps.linkedReports(ex, actor, id);
    return {
      ...toHazardSummary(h, today(), settings.hazardTime),
      description: h.description,
      location: h.location,
      cause: h.cause,
      harm: h.harm,
      difficulty: h.difficulty,
      criteriaCodes: h.criteriaCodes,
      citations: citeCriteria(h.criteriaCodes, library),
      foundByName: foundByName ?? '',
      plan: h.plan ?? null,
      pendingExtension: pending ? { deadline: pending.deadline, reason: pending.reason, requestedBy: pending.requestedBy } : null,
      evaluation: h.evaluation ?? null,
      resumeApplication: h.resumeApplication ?? null,
      review: h.review ?? null,
      checkerName,
      accepterName,
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        actionLabel: hazardActionLabels[e.action as keyof typeof hazardActionLabels] ?? e.action,
        fromStatus: e.fromStatus as HazardDetail['status'] | null,
        toStatus: e.toStatus as HazardDetail['status'],
        actorName: e.actorName,
        at: e.at.toISOString(),
        note: e.note,
        data: (e.data as Record<string, unknown>) ?? {},
        photos: e.fileIds.map(fileLinks),
      })),
      escalations: escalations.map((x) => ({
        step: x.step as HazardDetail['escalations'][number]['step'],
        dueOn: x.dueOn,
        createdAt: x.createdAt.toISOString(),
        documentUrl: `/api/v1/hazards/${id}/escalations/${x.step}/document`,
      })),
      // The buttons: what the state machine allows this actor now, and only if the role may act on hazards at all.
      actions: can(actor.roles, 'hazard.act') ? availableHazardActions(hazardFacts(h), hazardActorOf(actor)) : [],
      canRemind: can(actor.roles, 'hazard.act') && (await reminders.canRemind(ex, actor, h)),
      // 挂牌督办 offers only the levels the township uses, by its names (supervision settings).
      supervisionOptions: settings.supervision.levels.map((value) => ({ value, label: settings.supervision.labels[value] })),
      ...(reports ? { reports } : {}),
    };
  }

  async function create(actor: Actor, body: HazardCreate): Promise<HazardDetail> {
    // Read before the transaction: the library reads through the pool (PGlite has one connection).
    const library = body.criteriaCodes.length ? await deps.criteriaLibrary() : [];
    const id = await auditedTransaction(db, (tx) => createInTx(tx, actor, body, { library }));
    return detail(db, actor, id);
  }

  /**
   * Who the hazard is about: the enterprise (its region, industry, domains and supervising unit are copied), or — for
   * a module's record of a place without one (a village's 经营性自建房) — the village and the place's name: no industry,
   * no domains, no supervising unit, so the office and the finder carry it.
   */
  async function subjectOf(tx: Executor, actor: Actor, body: HazardCreate | HazardPlaceCreate) {
    if (body.enterpriseId === null) {
      const { regionCode, location } = body.place;
      const [village] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode));
      if (!village || !scopeCoversRegion(actor.scope, regionCode)) {
        throw errors.badRequest('hazard.invalid_field', `隐患所在地（区划 ${regionCode}）不存在或不在您的范围内`, [
          { path: 'regionCode', message: '不存在' },
        ]);
      }
      return {
        id: null,
        name: location,
        regionCode,
        industryCode: null,
        domains: [] as string[],
        supervisingUnitId: null,
        location: (body.location ?? location).slice(0, 100),
      };
    }
    const e = await enterpriseRepo.findById(tx, body.enterpriseId, actor.scope);
    if (!e) {
      throw errors.badRequest('hazard.invalid_field', `企业（编号 ${body.enterpriseId}）不存在或不在您的范围内`, [
        { path: 'enterpriseId', message: '不存在' },
      ]);
    }
    return { ...e, location: body.location ?? null };
  }

  /**
   * Registers a hazard inside the caller's transaction (validation, insert, events, audit, notices) and returns its id:
   * the one way to create a hazard, used by `create` and by modules whose own record becomes a hazard (执法检查); a
   * module may name a place instead of an enterprise (`HazardPlaceCreate`, 专项检查 of a village's 经营性自建房).
   * `library` is the criteria library read before the transaction was opened (citations are checked against it).
   */
  async function createInTx(
    tx: Executor,
    actor: Actor,
    body: HazardCreate | HazardPlaceCreate,
    opts: { library: readonly CriteriaSet[] },
  ): Promise<number> {
    const foundOn = body.foundOn ?? today();
    if (foundOn > today())
      throw errors.badRequest('hazard.invalid_field', '发现日期不能晚于今天', [{ path: 'foundOn', message: '晚于今天' }]);
    if (body.deadline && body.deadline < foundOn) {
      throw errors.badRequest('hazard.invalid_field', '整改期限不能早于发现日期', [{ path: 'deadline', message: '早于发现日期' }]);
    }
    const isEnterprise = actor.roles.includes('enterprise') && actor.scope.kind === 'enterprise';
    if (isEnterprise && body.channel !== 'selfCheck') {
      throw errors.badRequest('hazard.invalid_field', '企业只能登记自查自报的隐患', [{ path: 'channel', message: '应为企业自查自报' }]);
    }
    if (body.criteriaCodes.length) {
      const check = checkGradingCitations({ grade: body.grade, citations: body.criteriaCodes, foundOn, sets: opts.library });
      if (!check.ok)
        throw errors.badRequest('hazard.invalid_citation', check.errors.join('；'), [
          { path: 'criteriaCodes', message: check.errors.join('；') },
        ]);
    }
    const e = await subjectOf(tx, actor, body);
    const status = initialHazardStatus(body.grade, body.fixedOnSpot);
    // A major hazard is on the clock from the day it is found: 认定 and the plan are due by then.
    const deadline = body.fixedOnSpot
      ? null
      : (body.deadline ??
        (body.grade === 'major' ? defaultMajorDeadline(foundOn, (await resolveSettings(tx, e.regionCode)).hazardTime) : null));
    const hazardId = await hazardRepo.nextId(tx);
    const now = clock.now();
    const row = await hazardRepo.insert(tx, {
      id: hazardId,
      code: hazardCode(hazardId, foundOn),
      enterpriseId: e.id,
      regionCode: e.regionCode,
      industryCode: e.industryCode,
      domains: e.domains,
      supervisingUnitId: e.supervisingUnitId,
      channel: body.channel,
      grade: body.grade,
      category: body.category,
      status,
      title: body.title,
      description: body.description,
      location: e.location,
      cause: body.cause ?? null,
      harm: body.harm ?? null,
      difficulty: body.difficulty ?? null,
      criteriaCodes: body.criteriaCodes,
      foundOn,
      foundBy: actor.userId,
      finderUnitId: actor.unitId,
      deadline,
      closedOn: body.fixedOnSpot ? foundOn : null,
      checkerId: body.fixedOnSpot ? actor.userId : null,
      accepterId: body.fixedOnSpot ? actor.userId : null,
      createdAt: now,
      updatedAt: now,
    });
    const photos = [...body.photos, ...body.afterPhotos];
    if (photos.length) await deps.attachFiles(tx, actor, photos, 'hazard', row.id);
    await hazardRepo.addEvent(tx, {
      hazardId: row.id,
      action: 'create',
      fromStatus: null,
      toStatus: body.fixedOnSpot ? 'rectifying' : status,
      actorId: actor.userId,
      actorName: actor.displayName,
      at: now,
      note: body.description,
      data: { channel: body.channel, grade: body.grade, deadline, criteriaCodes: body.criteriaCodes },
      fileIds: body.photos,
    });
    if (body.fixedOnSpot) {
      await hazardRepo.addEvent(tx, {
        hazardId: row.id,
        action: 'fixOnSpot',
        fromStatus: 'rectifying',
        toStatus: 'closed',
        actorId: actor.userId,
        actorName: actor.displayName,
        at: now,
        note: '立行立改，现场整改完毕',
        data: {},
        fileIds: body.afterPhotos,
      });
    }
    await audit.record(tx, auditActorOf(actor), { entityType: 'hazard', entityId: row.id, action: 'create', after: auditedHazard(row) });
    await notices.afterCreate(tx, row, e.name);
    return row.id;
  }

  async function list(actor: Actor, query: HazardListQuery) {
    const { page, pageSize, cursor: rawCursor, ...filter } = query;
    const cursor = rawCursor ? decodeCursor(rawCursor) : undefined;
    if (cursor === null) throw errors.badRequest('hazard.invalid_cursor', '翻页游标无效，请从第一页重新查询');
    const where = hazardWhere(actor.scope, filter, today(), hazardActorOf(actor));
    // One round trip after the session lookup: the page, the total and the settings (for deadlines) are independent.
    const [rows, total, settings] = await Promise.all([
      hazardRepo.summaryPage(db, where, { cursor, offset: (page - 1) * pageSize, limit: pageSize + 1 }),
      cubeAnswers(actor.scope, filter)
        ? hazardStatsRepo.cubeCount(db, where)
        : filter.q?.trim()
          ? hazardRepo.countUpTo(db, where, ledgerSearchTotalCap + 1)
          : hazardRepo.count(db, where),
      loadSettingsBook(db),
    ]);
    const items = rows.slice(0, pageSize);
    const last = items[items.length - 1];
    return {
      items: items.map((h) => toHazardSummary(h, today(), settings.forRegion(h.regionCode).hazardTime)),
      total: Math.min(total, ledgerSearchTotalCap),
      totalCapped: total > ledgerSearchTotalCap,
      nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null,
    };
  }

  /** Labels of the groups of dynamicZero: dictionaries, or region and unit names read after the counts. */
  async function labels(groupBy: HazardGroupBy, keys: string[]): Promise<Map<string, string>> {
    const named = new Map<string, string>();
    if (groupBy === 'region' && keys.length) {
      for (const r of await readDb.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, keys))) {
        named.set(r.code, r.name);
      }
    }
    if (groupBy === 'unit') {
      const ids = keys.filter(Boolean).map(Number);
      if (ids.length)
        for (const u of await readDb.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids)))
          named.set(String(u.id), u.name);
    }
    return groupLabels(groupBy, keys, named);
  }

  /** "By industry" means by 行业领域 unless the caller asks for 国民经济门类. */
  const industryKey = (groupBy: HazardGroupBy, scheme: IndustryScheme): HazardGroupBy =>
    groupBy === 'industry' && scheme === 'domain' ? 'domain' : groupBy;

  async function stats(actor: Actor, query: HazardFilter & { groupBy: HazardGroupBy; industryScheme: IndustryScheme }) {
    const { groupBy: asked, industryScheme, ...filter } = query;
    const groupBy = industryKey(asked, industryScheme);
    const where = hazardWhere(actor.scope, filter, today(), hazardActorOf(actor));
    const fromCube = cubeAnswers(actor.scope, filter, groupBy);
    const key = groupKey(groupBy, statsRoot(actor.scope, filter.regionCode));
    // Region and unit names come in the same statement (groupName): one round trip after the session lookup.
    let groups = await hazardStatsRepo.groups(readDb, where, key, fromCube, groupName(groupBy));
    if (groupBy === 'industry') {
      // Counted by division (大类) in SQL, reported by section (门类): ≤ 97 rows to fold.
      const folded = new Map<string, number>();
      for (const g of groups) {
        const section = industryDivisions[g.key]?.section ?? '';
        folded.set(section, (folded.get(section) ?? 0) + g.count);
      }
      groups = [...folded].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
      const names = new Map(Object.entries(industrySectionNames));
      return { total: groups.reduce((a, g) => a + g.count, 0), groups: groups.map((g) => ({ ...g, label: names.get(g.key) ?? '未分类' })) };
    }
    const names = groupLabels(
      groupBy,
      groups.map((g) => g.key),
      new Map(groups.flatMap((g) => (g.name == null ? [] : [[g.key, g.name] as const]))),
    );
    return {
      total: groups.reduce((a, g) => a + g.count, 0),
      groups: groups.map((g) => ({ key: g.key, count: g.count, label: names.get(g.key) as string })),
    };
  }

  async function dynamicZero(
    actor: Actor,
    query: HazardFilter & { groupBy: HazardGroupBy; industryScheme: IndustryScheme; cutoff: string },
  ) {
    const { groupBy: asked, industryScheme, cutoff, ...filter } = query;
    const groupBy = industryKey(asked, industryScheme);
    const where = hazardWhere(actor.scope, filter, today(), hazardActorOf(actor));
    const rows = await hazardStatsRepo.dynamicZero(
      readDb,
      where,
      groupKey(groupBy, statsRoot(actor.scope, filter.regionCode)),
      cutoff,
      today(),
    );
    const names =
      groupBy === 'industry'
        ? new Map<string, string>()
        : await labels(
            groupBy,
            rows.map((r) => r.key),
          );
    return {
      cutoff,
      today: today(),
      rows: rows.map((r) => ({
        ...r,
        label: groupBy === 'industry' ? (industryDivisions[r.key]?.name ?? '未分类') : (names.get(r.key) as string),
        stockClearedRate: r.stock ? r.stockClosed / r.stock : null,
        incrementClosedRate: r.increment ? r.incrementClosed / r.increment : null,
        overdueRate: r.open ? r.overdue / r.open : null,
      })),
    };
  }

  const actions = createHazardActions({ ...deps, load, detail, notices, today });

  return {
    create,
    createInTx,
    list,
    get: (actor: Actor, id: number) => detail(db, actor, id),
    stats,
    dynamicZero,
    act: actions.act,
    remind: reminders.remind,
    labels: { hazardChannelLabels, hazardCategoryLabels, escalationStepLabels },
    /** The hazard as scoped for the actor, for documents and exports. */
    load: (actor: Actor, id: number) => load(db, actor, id),
    today,
  };
}

export type HazardService = ReturnType<typeof createHazardService>;
