import {
  assessmentInputError,
  assessRisk,
  type ControlMeasureCreateBody,
  type ControlMeasureUpdateBody,
  type RiskAssessmentView,
  type RiskEventCreateBody,
  type RiskEventUpdateBody,
  type RiskPointCreateBody,
  type RiskPointList,
  type RiskPointReviewBody,
  type RiskPointUpdateBody,
  type RiskTree,
  type RiskUnitCreateBody,
} from '@anzhi/core';
import { eq, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { newPublicCode } from '../enterprises/enterprise.values.ts';
import { loadSettingsBook } from '../settings/settings.resolver.ts';
import { controlMeasures, riskEvents, riskPoints, riskUnits } from './dual.table.ts';
import { type RiskEnterprise, riskChainRepo } from './risk-chain.repo.ts';
import { refreshAssessedRisk } from './risk-feed.ts';
import { loadRiskTree, riskPointList } from './risk-tree.ts';

const invalid = (path: string, message: string) => errors.badRequest('dual.risk_invalid', message, [{ path, message }]);

/** The assessment by core with the enterprise's township `dual` bands; a value off a scale is a 400 naming the factor. */
export async function assessFor(ex: Executor, regionCode: string, input: RiskEventCreateBody['assessment']): Promise<RiskAssessmentView> {
  const wrong = assessmentInputError(input);
  if (wrong) throw invalid(`assessment.${wrong.path}`, wrong.message);
  const config = (await loadSettingsBook(ex)).forRegion(regionCode).dual;
  return assessRisk(input, config);
}

const factors = (a: RiskEventCreateBody['assessment']) =>
  a.method === 'lec' ? { method: a.method, l: a.l, e: a.e, c: a.c, s: null } : { method: a.method, l: a.l, e: null, c: null, s: a.s };

/**
 * 风险分级管控: the chain of an enterprise (points → units → events → measures), each write audited in its
 * transaction; every assessment change feeds the registry's assessed level (risk-feed.ts).
 */
export function createRiskChainService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  /** The enterprise asked for: an enterprise account's own (whatever it asks), else the one named, in scope. */
  async function enterpriseOf(ex: Executor, actor: Actor, asked: number | undefined): Promise<RiskEnterprise> {
    const id = actor.enterpriseId ?? asked;
    if (id == null) throw invalid('enterpriseId', '请选择企业');
    const e = await riskChainRepo.enterprise(ex, actor.scope, id);
    if (!e) throw errors.notFound('企业', 'enterprise.not_found');
    return e;
  }
  /** Exactly the enterprise of the path, in scope. */
  async function named(actor: Actor, enterpriseId: number): Promise<RiskEnterprise> {
    const e = await riskChainRepo.enterprise(db, actor.scope, enterpriseId);
    if (!e) throw errors.notFound('企业', 'enterprise.not_found');
    return e;
  }
  async function pointOf(ex: Executor, actor: Actor, id: number, forUpdate = false) {
    const p = await riskChainRepo.point(ex, actor.scope, id, forUpdate);
    if (!p) throw errors.notFound('风险点', 'dual.risk_point_not_found');
    return p;
  }
  async function unitOf(ex: Executor, actor: Actor, id: number) {
    const u = await riskChainRepo.unit(ex, actor.scope, id);
    if (!u) throw errors.notFound('风险分析单元', 'dual.risk_unit_not_found');
    return u;
  }
  async function eventOf(ex: Executor, actor: Actor, id: number, forUpdate = false) {
    const e = await riskChainRepo.event(ex, actor.scope, id, forUpdate);
    if (!e) throw errors.notFound('风险事件', 'dual.risk_event_not_found');
    return e;
  }
  async function measureOf(ex: Executor, actor: Actor, id: number) {
    const m = await riskChainRepo.measure(ex, actor.scope, id);
    if (!m) throw errors.notFound('管控措施', 'dual.control_measure_not_found');
    return m;
  }
  async function checkPost(ex: Executor, enterpriseId: number, postId: number | null | undefined) {
    if (postId != null && !(await riskChainRepo.postOf(ex, enterpriseId, postId))) throw invalid('postId', '责任岗位不存在或不属于该企业');
  }
  const record = (tx: Tx, actor: Actor, entityType: string, entityId: number, action: string, before: unknown, after: unknown) =>
    audit.record(tx, auditActorOf(actor), { entityType, entityId, action, before, after });
  const regionOf = async (ex: Executor, actor: Actor, enterpriseId: number) => (await enterpriseOf(ex, actor, enterpriseId)).regionCode;
  /** The tree after a write, read in the same transaction. */
  const treeAfter = async (tx: Tx, actor: Actor, enterpriseId: number) =>
    loadRiskTree(tx, actor.scope, await enterpriseOf(tx, actor, enterpriseId));

  return {
    enterpriseOf,
    async list(actor: Actor, enterpriseId: number | undefined): Promise<RiskPointList> {
      return riskPointList(db, actor.scope, await enterpriseOf(db, actor, enterpriseId));
    },
    /** The id in the path is the one read (an enterprise account asking another's gets a 404 from the scope). */
    async tree(actor: Actor, enterpriseId: number): Promise<RiskTree> {
      return loadRiskTree(db, actor.scope, await named(actor, enterpriseId));
    },
    /** The tree and the credit code (the national layout carries it), for the exports. */
    async exportSource(actor: Actor, enterpriseId: number) {
      const e = await named(actor, enterpriseId);
      return { tree: await loadRiskTree(db, actor.scope, e), creditCode: e.creditCode };
    },
    named,
    async preview(actor: Actor, body: { enterpriseId?: number; assessment: RiskEventCreateBody['assessment'] }) {
      const e = await enterpriseOf(db, actor, body.enterpriseId);
      return assessFor(db, e.regionCode, body.assessment);
    },

    async createPoint(actor: Actor, body: RiskPointCreateBody): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const e = await enterpriseOf(tx, actor, body.enterpriseId);
        await checkPost(tx, e.id, body.postId);
        const [row] = await tx
          .insert(riskPoints)
          .values({
            enterpriseId: e.id,
            kind: body.kind,
            name: body.name,
            location: body.location ?? null,
            postId: body.postId ?? null,
            publicCode: newPublicCode(),
            createdBy: actor.userId,
          })
          .returning();
        if (!row) throw new Error('risk point not inserted');
        await record(tx, actor, 'riskPoint', row.id, 'create', null, body);
        return treeAfter(tx, actor, e.id);
      });
    },
    async updatePoint(actor: Actor, id: number, body: RiskPointUpdateBody): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const p = await pointOf(tx, actor, id, true);
        if (p.version !== body.version) throw errors.conflict('dual.version_conflict', '该风险点已被他人修改，请刷新后重试');
        await checkPost(tx, p.enterpriseId, body.postId);
        const { version: _v, ...set } = body;
        await tx
          .update(riskPoints)
          .set({ ...set, updatedAt: clock.now(), version: sql`${riskPoints.version} + 1` })
          .where(eq(riskPoints.id, id));
        await record(tx, actor, 'riskPoint', id, 'update', { kind: p.kind, name: p.name, location: p.location, postId: p.postId }, set);
        return treeAfter(tx, actor, p.enterpriseId);
      });
    },
    /** 复评: the point's assessment was looked at again (reviewedOn, default today in China time). */
    async reviewPoint(actor: Actor, id: number, body: RiskPointReviewBody): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const p = await pointOf(tx, actor, id, true);
        const today = chinaToday(clock.now());
        const on = body.reviewedOn ?? today;
        if (on > today) throw invalid('reviewedOn', '复评日期不能晚于今天');
        await tx
          .update(riskPoints)
          .set({ reviewedOn: on, updatedAt: clock.now(), version: sql`${riskPoints.version} + 1` })
          .where(eq(riskPoints.id, id));
        await record(tx, actor, 'riskPoint', id, 'review', { reviewedOn: p.reviewedOn }, { reviewedOn: on, note: body.note ?? null });
        return treeAfter(tx, actor, p.enterpriseId);
      });
    },
    async deletePoint(actor: Actor, id: number): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const p = await pointOf(tx, actor, id, true);
        await tx.delete(riskPoints).where(eq(riskPoints.id, id));
        await record(tx, actor, 'riskPoint', id, 'delete', p, null);
        await refreshAssessedRisk(tx, audit, actor, p.enterpriseId, clock.now());
        return treeAfter(tx, actor, p.enterpriseId);
      });
    },

    async createUnit(actor: Actor, body: RiskUnitCreateBody): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const p = await pointOf(tx, actor, body.pointId);
        const [row] = await tx.insert(riskUnits).values({ enterpriseId: p.enterpriseId, pointId: p.id, name: body.name }).returning();
        if (!row) throw new Error('risk unit not inserted');
        await record(tx, actor, 'riskUnit', row.id, 'create', null, body);
        return treeAfter(tx, actor, p.enterpriseId);
      });
    },
    async updateUnit(actor: Actor, id: number, body: { name: string }): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const u = await unitOf(tx, actor, id);
        await tx.update(riskUnits).set({ name: body.name }).where(eq(riskUnits.id, id));
        await record(tx, actor, 'riskUnit', id, 'update', { name: u.name }, body);
        return treeAfter(tx, actor, u.enterpriseId);
      });
    },
    async deleteUnit(actor: Actor, id: number): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const u = await unitOf(tx, actor, id);
        await tx.delete(riskUnits).where(eq(riskUnits.id, id));
        await record(tx, actor, 'riskUnit', id, 'delete', u, null);
        await refreshAssessedRisk(tx, audit, actor, u.enterpriseId, clock.now());
        return treeAfter(tx, actor, u.enterpriseId);
      });
    },

    async createEvent(actor: Actor, body: RiskEventCreateBody): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const u = await unitOf(tx, actor, body.unitId);
        const a = await assessFor(tx, await regionOf(tx, actor, u.enterpriseId), body.assessment);
        const now = clock.now();
        const [row] = await tx
          .insert(riskEvents)
          .values({
            enterpriseId: u.enterpriseId,
            unitId: u.id,
            name: body.name,
            consequence: body.consequence ?? null,
            ...factors(body.assessment),
            ...a,
            assessedBy: actor.userId,
            assessedAt: now,
          })
          .returning();
        if (!row) throw new Error('risk event not inserted');
        await record(tx, actor, 'riskEvent', row.id, 'create', null, { ...body, ...a });
        await refreshAssessedRisk(tx, audit, actor, u.enterpriseId, now);
        return treeAfter(tx, actor, u.enterpriseId);
      });
    },
    async updateEvent(actor: Actor, id: number, body: RiskEventUpdateBody): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const ev = await eventOf(tx, actor, id, true);
        if (ev.version !== body.version) throw errors.conflict('dual.version_conflict', '该风险事件已被他人修改，请刷新后重试');
        const now = clock.now();
        const assessed = body.assessment
          ? {
              ...factors(body.assessment),
              ...(await assessFor(tx, await regionOf(tx, actor, ev.enterpriseId), body.assessment)),
              assessedBy: actor.userId,
              assessedAt: now,
            }
          : {};
        const set = {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.consequence !== undefined ? { consequence: body.consequence } : {}),
          ...assessed,
        };
        await tx
          .update(riskEvents)
          .set({ ...set, updatedAt: now, version: sql`${riskEvents.version} + 1` })
          .where(eq(riskEvents.id, id));
        const before = { name: ev.name, method: ev.method, l: ev.l, e: ev.e, c: ev.c, s: ev.s, score: ev.score, level: ev.level };
        await record(tx, actor, 'riskEvent', id, body.assessment ? 'assess' : 'update', before, set);
        if (body.assessment) await refreshAssessedRisk(tx, audit, actor, ev.enterpriseId, now);
        return treeAfter(tx, actor, ev.enterpriseId);
      });
    },
    async deleteEvent(actor: Actor, id: number): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const ev = await eventOf(tx, actor, id, true);
        await tx.delete(riskEvents).where(eq(riskEvents.id, id));
        await record(tx, actor, 'riskEvent', id, 'delete', ev, null);
        await refreshAssessedRisk(tx, audit, actor, ev.enterpriseId, clock.now());
        return treeAfter(tx, actor, ev.enterpriseId);
      });
    },

    async createMeasure(actor: Actor, body: ControlMeasureCreateBody): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const ev = await eventOf(tx, actor, body.eventId);
        const [row] = await tx
          .insert(controlMeasures)
          .values({ enterpriseId: ev.enterpriseId, eventId: ev.id, kind: body.kind, content: body.content })
          .returning();
        if (!row) throw new Error('control measure not inserted');
        await record(tx, actor, 'controlMeasure', row.id, 'create', null, body);
        return treeAfter(tx, actor, ev.enterpriseId);
      });
    },
    async updateMeasure(actor: Actor, id: number, body: ControlMeasureUpdateBody): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const m = await measureOf(tx, actor, id);
        await tx
          .update(controlMeasures)
          .set({ ...body, updatedAt: clock.now() })
          .where(eq(controlMeasures.id, id));
        await record(tx, actor, 'controlMeasure', id, 'update', { kind: m.kind, content: m.content }, body);
        return treeAfter(tx, actor, m.enterpriseId);
      });
    },
    async deleteMeasure(actor: Actor, id: number): Promise<RiskTree> {
      return auditedTransaction(db, async (tx) => {
        const m = await measureOf(tx, actor, id);
        await tx.delete(controlMeasures).where(eq(controlMeasures.id, id));
        await record(tx, actor, 'controlMeasure', id, 'delete', m, null);
        return treeAfter(tx, actor, m.enterpriseId);
      });
    },
  };
}

export type RiskChainService = ReturnType<typeof createRiskChainService>;
