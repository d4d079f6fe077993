import {
  fiveInPlace,
  fiveInPlaceLabels,
  type HazardAction,
  type HazardDetail,
  hazardActionBodies,
  hazardActionRefusal,
  nextHazardStatus,
} from '@anzhi/core';
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { systemScope } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { errors } from '../../lib/errors.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { resolveSettings } from '../settings/settings.resolver.ts';
import type { CitationCheck } from './hazard.ports.ts';
import { auditedHazard, hazardActorOf, hazardFacts } from './hazard.presenter.ts';
import { type HazardListRow, type HazardRow, hazardRepo } from './hazard.repo.ts';
import type { HazardDeps } from './hazard.service.ts';
import type { HazardNotices } from './hazard-notices.ts';

type Values = Partial<HazardRow>;
interface Step {
  values: Values;
  note: string | null;
  data: Record<string, unknown>;
  fileIds: number[];
}

function invalid(path: string, message: string): never {
  throw errors.badRequest('hazard.invalid_field', message, [{ path, message }]);
}

export function createHazardActions(
  deps: HazardDeps & {
    load(ex: Executor, actor: Actor, id: number): Promise<HazardListRow>;
    detail(ex: Executor, actor: Actor, id: number): Promise<HazardDetail>;
    notices: HazardNotices;
    today(): string;
  },
) {
  const { db, clock, audit } = deps;

  /** What each step changes; the body has been validated against its schema. */
  async function step(
    tx: Executor,
    actor: Actor,
    h: HazardRow,
    action: HazardAction,
    body: Record<string, unknown>,
    citations: CitationCheck | null,
  ): Promise<Step> {
    const today = deps.today();
    const b = body as never as Record<string, never>;
    switch (action) {
      case 'confirm': {
        const { criteriaCodes, opinion } = b as unknown as z.infer<typeof hazardActionBodies.confirm>;
        const check = citations as CitationCheck;
        // 安全生产法 第四十一条: the principal and the actual controller are told; the notice names them.
        const e = h.enterpriseId ? await enterpriseRepo.findById(tx, h.enterpriseId, systemScope) : undefined;
        const told = [e?.principal && `主要负责人 ${e.principal}`, e?.actualController && `实际控制人 ${e.actualController}`].filter(
          Boolean,
        );
        return {
          values: { criteriaCodes, checkerId: actor.userId },
          note: opinion ?? null,
          data: { criteriaCodes, warnings: check.warnings, notified: told },
          fileIds: [],
        };
      }
      case 'submitPlan': {
        const p = b as unknown as z.infer<typeof hazardActionBodies.submitPlan>;
        if (p.deadline < today) invalid('deadline', '治理时限不能早于今天');
        const plan = { contents: p.plan, interimMeasures: p.interimMeasures, stoppage: p.stoppage, deadline: p.deadline, files: p.files };
        return { values: { plan, deadline: p.deadline }, note: null, data: plan, fileIds: p.files };
      }
      case 'approvePlan': {
        const p = b as unknown as z.infer<typeof hazardActionBodies.approvePlan>;
        const missing = fiveInPlace.filter((k) => !p.checks[k]).map((k) => fiveInPlaceLabels[k]);
        if (missing.length) invalid('checks', `五落实未全部落实：${missing.join('、')}，请退回方案`);
        if (p.deadline && p.deadline < today) invalid('deadline', '整改期限不能早于今天');
        const plan = { ...((h.plan as object) ?? {}), approvedBy: actor.displayName, checks: p.checks };
        return {
          values: { plan, ...(p.deadline ? { deadline: p.deadline } : {}) },
          note: p.opinion ?? null,
          data: { checks: p.checks },
          fileIds: [],
        };
      }
      case 'returnPlan':
      case 'reject':
      case 'denyExtension': {
        const { opinion, photos } = b as unknown as { opinion: string; photos?: number[] };
        const values: Values = action === 'denyExtension' ? { pendingExtension: null } : {};
        return { values, note: opinion, data: {}, fileIds: photos ?? [] };
      }
      case 'supervise': {
        const { level, opinion } = b as unknown as z.infer<typeof hazardActionBodies.supervise>;
        // The levels in use and their names are the township's (supervision settings).
        const { supervision } = await resolveSettings(tx, h.regionCode);
        if (!supervision.levels.includes(level)) {
          invalid(
            'level',
            `督办层级：本乡镇未启用“${supervision.labels[level]}”，可选 ${supervision.levels.map((l) => supervision.labels[l]).join('、')}`,
          );
        }
        return { values: { supervisionLevel: level }, note: opinion ?? supervision.labels[level], data: { level }, fileIds: [] };
      }
      case 'rectify': {
        const { note, photos } = b as unknown as z.infer<typeof hazardActionBodies.rectify>;
        return { values: {}, note, data: {}, fileIds: photos };
      }
      case 'accept': {
        const { opinion, photos } = b as unknown as z.infer<typeof hazardActionBodies.accept>;
        return {
          values: { closedOn: today, accepterId: actor.userId, checkerId: h.checkerId ?? h.foundBy, pendingExtension: null },
          note: opinion,
          data: {},
          fileIds: photos,
        };
      }
      case 'requestExtension': {
        const { deadline, reason } = b as unknown as z.infer<typeof hazardActionBodies.requestExtension>;
        if (h.deadline && deadline <= h.deadline) invalid('deadline', `新的期限应晚于原期限 ${h.deadline}`);
        if (deadline < today) invalid('deadline', '新的期限不能早于今天');
        const pending = { deadline, reason, requestedBy: actor.displayName, requestedById: actor.userId, at: clock.now().toISOString() };
        return { values: { pendingExtension: pending }, note: reason, data: { from: h.deadline, to: deadline }, fileIds: [] };
      }
      case 'approveExtension': {
        const { opinion } = b as unknown as z.infer<typeof hazardActionBodies.approveExtension>;
        const pending = h.pendingExtension as { deadline: string };
        // The ladder is keyed by the missed deadline: a new deadline starts it afresh.
        return {
          values: { deadline: pending.deadline, pendingExtension: null, escalationStep: null },
          note: opinion ?? null,
          data: { from: h.deadline, to: pending.deadline },
          fileIds: [],
        };
      }
      case 'dismiss': {
        const { reason } = b as unknown as z.infer<typeof hazardActionBodies.dismiss>;
        return { values: { closedOn: today, pendingExtension: null }, note: reason, data: {}, fileIds: [] };
      }
      case 'upgrade': {
        const { reason, criteriaCodes } = b as unknown as z.infer<typeof hazardActionBodies.upgrade>;
        return { values: { grade: 'major', criteriaCodes, deadline: null }, note: reason, data: { criteriaCodes }, fileIds: [] };
      }
    }
  }

  async function act(actor: Actor, id: number, action: HazardAction, rawBody: unknown): Promise<HazardDetail> {
    const version = z.object({ version: z.number().int().positive() }).safeParse(rawBody);
    if (!version.success) invalid('version', '请求缺少版本号 version（防止覆盖他人的修改）');
    const parsed = hazardActionBodies[action].safeParse(rawBody);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      invalid(issue?.path.join('.') ?? '', `${issue?.path.join('.') ?? ''}：${issue?.message ?? '格式不正确'}`);
    }
    // The criteria library is read outside the transaction (the embedded database has one connection).
    let citations: CitationCheck | null = null;
    if (action === 'confirm') {
      const seen = await deps.load(db, actor, id);
      const codes = (parsed.data as { criteriaCodes: string[] }).criteriaCodes;
      citations = await deps.checkCitations({ grade: 'major', citations: codes, foundOn: seen.foundOn });
      if (!citations.ok) invalid('criteriaCodes', citations.errors.join('；'));
    }
    await db.transaction(async (tx) => {
      await deps.load(tx, actor, id);
      const h = (await hazardRepo.lock(tx, id)) as HazardRow;
      if (h.version !== version.data.version) {
        throw errors.conflict('hazard.stale', '该隐患已被他人处理，请刷新后再操作', { currentVersion: h.version });
      }
      const refusal = hazardActionRefusal(hazardFacts(h), hazardActorOf(actor), action);
      if (refusal) {
        if (refusal.reason === 'role') throw errors.forbidden(refusal.message, 'hazard.forbidden_action');
        throw errors.conflict('hazard.invalid_transition', refusal.message);
      }
      const s = await step(tx, actor, h, action, parsed.data as Record<string, unknown>, citations);
      const to = nextHazardStatus(hazardFacts(h), action);
      if (s.fileIds.length) await deps.attachFiles(tx, actor, s.fileIds, 'hazard', id);
      const now = clock.now();
      const row = await hazardRepo.update(tx, id, h.version, { ...s.values, status: to, updatedAt: now });
      if (!row) throw errors.conflict('hazard.stale', '该隐患已被他人处理，请刷新后再操作');
      await hazardRepo.addEvent(tx, {
        hazardId: id,
        action,
        fromStatus: h.status,
        toStatus: to,
        actorId: actor.userId,
        actorName: actor.displayName,
        at: now,
        note: s.note,
        data: s.data,
        fileIds: s.fileIds,
      });
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'hazard',
        entityId: id,
        action,
        before: auditedHazard(h),
        after: auditedHazard(row),
      });
      await deps.notices.afterAction(tx, row, action, actor);
    });
    return deps.detail(db, actor, id);
  }

  return { act };
}
