import {
  defaultMajorDeadline,
  fiveInPlace,
  fiveInPlaceLabels,
  type HazardAction,
  type HazardStepOutcome,
  hazardActionBodies,
  isCleared,
  missingMajorReportItems,
} from '@anzhi/core';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { systemScope } from '../../db/data-scope.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { resolveSettings } from '../settings/settings.resolver.ts';
import type { CitationCheck } from './hazard.ports.ts';
import type { HazardRow } from './hazard.repo.ts';

/** What a step changes on the hazard, what the timeline keeps, and what decides the next status. */
export interface Step {
  values: Partial<HazardRow>;
  note: string | null;
  data: Record<string, unknown>;
  fileIds: number[];
  outcome?: HazardStepOutcome;
}

/** What a step may read: the hazard as locked, who acts, today, the township's settings. */
export interface StepContext {
  tx: Executor;
  actor: Actor;
  h: HazardRow;
  today: string;
  clock: Clock;
}

/** What runs before the transaction (reads the criteria library: the embedded database has one connection). */
export interface PrepareContext {
  foundOn(): Promise<string>;
  checkCitations(input: { grade: 'major'; citations: string[]; foundOn: string }): Promise<CitationCheck> | CitationCheck;
}

export function invalid(path: string, message: string): never {
  throw errors.badRequest('hazard.invalid_field', message, [{ path, message }]);
}

interface StepDef<B, P> {
  prepare?(ctx: PrepareContext, body: B): Promise<P>;
  run(ctx: StepContext, body: B, prepared: P | undefined): Promise<Step> | Step;
}

/** A parsed request: the body checked by its action's schema, bound to the action's step. */
export interface ParsedStep {
  prepare(ctx: PrepareContext): Promise<void>;
  run(ctx: StepContext): Promise<Step> | Step;
}

function define<S extends z.ZodType, P = undefined>(schema: S, def: StepDef<z.output<S>, P>) {
  return (raw: unknown): ParsedStep => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.join('.') ?? '';
      invalid(path, `${path}：${issue?.message ?? '格式不正确'}`);
    }
    const body = parsed.data;
    let prepared: P | undefined;
    return {
      async prepare(ctx) {
        if (def.prepare) prepared = await def.prepare(ctx, body);
      },
      run: (ctx) => def.run(ctx, body, prepared),
    };
  };
}

const notBefore = (date: string | undefined, today: string, path: string, what: string) => {
  if (date && date < today) invalid(path, `${what}不能早于今天`);
};

/** Each action's step, typed by its own body schema. */
export const hazardSteps: { [A in HazardAction]: (raw: unknown) => ParsedStep } = {
  confirm: define(hazardActionBodies.confirm, {
    async prepare(ctx, b) {
      const check = await ctx.checkCitations({ grade: 'major', citations: b.criteriaCodes, foundOn: await ctx.foundOn() });
      if (!check.ok) invalid('criteriaCodes', check.errors.join('；'));
      return check;
    },
    async run({ tx, actor, h, today }, b, check) {
      notBefore(b.deadline, today, 'deadline', '期限');
      // 16号令 第十四条第二款: the report is complete before 认定 (given now, or when the hazard was registered).
      const report = { cause: b.cause || h.cause, harm: b.harm || h.harm, difficulty: b.difficulty || h.difficulty };
      const missing = missingMajorReportItems(report);
      if (missing.length) {
        throw errors.badRequest(
          'hazard.invalid_field',
          missing.map((m) => m.message).join('；'),
          missing.map((m) => ({ path: m.item, message: m.message })),
        );
      }
      // 认定 puts the hazard on the clock for its plan: the confirmer's date, or the township's default days.
      const deadline = b.deadline ?? defaultMajorDeadline(today, (await resolveSettings(tx, h.regionCode)).hazardTime);
      // 16号令 第十五条: the principal organises the plan of a major hazard, so 认定 tells them (and the actual controller).
      const e = h.enterpriseId ? await enterpriseRepo.findById(tx, h.enterpriseId, systemScope) : undefined;
      const told = [e?.principal && `主要负责人 ${e.principal}`, e?.actualController && `实际控制人 ${e.actualController}`].filter(Boolean);
      return {
        values: {
          ...report,
          criteriaCodes: b.criteriaCodes,
          checkerId: actor.userId,
          deadline,
          escalationStep: deadline === h.deadline ? h.escalationStep : null,
        },
        note: b.opinion ?? null,
        data: { criteriaCodes: b.criteriaCodes, warnings: check?.warnings ?? [], notified: told, from: h.deadline, to: deadline },
        fileIds: [],
      };
    },
  }),
  submitPlan: define(hazardActionBodies.submitPlan, {
    run({ today }, b) {
      notBefore(b.deadline, today, 'deadline', '治理时限');
      const plan = { contents: b.plan, interimMeasures: b.interimMeasures, stoppage: b.stoppage, deadline: b.deadline, files: b.files };
      return { values: { plan, deadline: b.deadline }, note: null, data: plan, fileIds: b.files };
    },
  }),
  approvePlan: define(hazardActionBodies.approvePlan, {
    run({ actor, h, today }, b) {
      const missing = fiveInPlace.filter((k) => !b.checks[k]).map((k) => fiveInPlaceLabels[k]);
      if (missing.length) invalid('checks', `五落实未全部落实：${missing.join('、')}，请退回方案`);
      notBefore(b.deadline, today, 'deadline', '整改期限');
      const plan = { ...(h.plan ?? {}), approvedBy: actor.displayName, checks: b.checks };
      return {
        values: { plan, ...(b.deadline ? { deadline: b.deadline } : {}) },
        note: b.opinion ?? null,
        data: { checks: b.checks },
        fileIds: [],
      };
    },
  }),
  returnPlan: define(hazardActionBodies.returnPlan, { run: (_c, b) => ({ values: {}, note: b.opinion, data: {}, fileIds: [] }) }),
  supervise: define(hazardActionBodies.supervise, {
    async run({ tx, h }, b) {
      // The levels in use and their names are the township's (supervision settings).
      const { supervision } = await resolveSettings(tx, h.regionCode);
      if (!supervision.levels.includes(b.level)) {
        invalid(
          'level',
          `督办层级：本乡镇未启用“${supervision.labels[b.level]}”，可选 ${supervision.levels.map((l) => supervision.labels[l]).join('、')}`,
        );
      }
      return {
        values: { supervisionLevel: b.level },
        note: b.opinion ?? supervision.labels[b.level],
        data: { level: b.level },
        fileIds: [],
      };
    },
  }),
  unsupervise: define(hazardActionBodies.unsupervise, {
    run: ({ h }, b) => ({
      values: { supervisionLevel: null },
      note: b.reason,
      data: { level: h.supervisionLevel, closed: isCleared(h.status) },
      fileIds: [],
    }),
  }),
  rectify: define(hazardActionBodies.rectify, { run: (_c, b) => ({ values: {}, note: b.note, data: {}, fileIds: b.photos }) }),
  accept: define(hazardActionBodies.accept, {
    run: ({ actor, h, today }, b) => ({
      values: { closedOn: today, accepterId: actor.userId, checkerId: h.checkerId ?? h.foundBy, pendingExtension: null },
      note: b.opinion,
      data: {},
      fileIds: b.photos,
    }),
  }),
  reject: define(hazardActionBodies.reject, { run: (_c, b) => ({ values: {}, note: b.opinion, data: {}, fileIds: b.photos }) }),
  requestExtension: define(hazardActionBodies.requestExtension, {
    run({ actor, h, today, clock }, b) {
      if (h.deadline && b.deadline <= h.deadline) invalid('deadline', `新的期限应晚于原期限 ${h.deadline}`);
      notBefore(b.deadline, today, 'deadline', '新的期限');
      const pending = {
        deadline: b.deadline,
        reason: b.reason,
        requestedBy: actor.displayName,
        requestedById: actor.userId,
        at: clock.now().toISOString(),
      };
      return { values: { pendingExtension: pending }, note: b.reason, data: { from: h.deadline, to: b.deadline }, fileIds: [] };
    },
  }),
  approveExtension: define(hazardActionBodies.approveExtension, {
    run({ h }, b) {
      const to = h.pendingExtension?.deadline;
      if (!to) invalid('version', '没有待审批的延期申请');
      // The ladder is keyed by the missed deadline: a new deadline starts it afresh.
      return {
        values: { deadline: to, pendingExtension: null, escalationStep: null },
        note: b.opinion ?? null,
        data: { from: h.deadline, to },
        fileIds: [],
      };
    },
  }),
  denyExtension: define(hazardActionBodies.denyExtension, {
    run: (_c, b) => ({ values: { pendingExtension: null }, note: b.opinion, data: {}, fileIds: [] }),
  }),
  decline: define(hazardActionBodies.decline, {
    run: ({ today }, b) => ({ values: { closedOn: today, pendingExtension: null }, note: b.reason, data: {}, fileIds: [] }),
  }),
  dismiss: define(hazardActionBodies.dismiss, {
    run: ({ today }, b) => ({ values: { closedOn: today, pendingExtension: null }, note: b.reason, data: {}, fileIds: [] }),
  }),
  upgrade: define(hazardActionBodies.upgrade, {
    async run({ tx, h, today }, b) {
      notBefore(b.deadline, today, 'deadline', '期限');
      // A major hazard is never off the clock: 认定 and the plan are due by this date.
      const deadline = b.deadline ?? defaultMajorDeadline(today, (await resolveSettings(tx, h.regionCode)).hazardTime);
      return {
        values: { grade: 'major', criteriaCodes: b.criteriaCodes, deadline, escalationStep: null },
        note: b.reason,
        data: { criteriaCodes: b.criteriaCodes, from: h.deadline, to: deadline },
        fileIds: [],
      };
    },
  }),
  evaluate: define(hazardActionBodies.evaluate, {
    run({ actor, clock }, b) {
      const evaluation = {
        evaluator: b.evaluator,
        institution: b.evaluator === 'institution' ? (b.institution ?? null) : null,
        reportFiles: b.reportFiles,
        verdict: b.verdict,
        conclusion: b.conclusion,
        by: actor.displayName,
        at: clock.now().toISOString(),
      };
      return { values: { evaluation }, note: b.conclusion, data: evaluation, fileIds: b.reportFiles, outcome: { verdict: b.verdict } };
    },
  }),
  applyResume: define(hazardActionBodies.applyResume, {
    run({ actor, clock }, b) {
      const application = {
        applicant: b.applicant,
        content: b.content,
        files: b.files,
        by: actor.displayName,
        at: clock.now().toISOString(),
      };
      return { values: { resumeApplication: application }, note: b.content, data: application, fileIds: b.files };
    },
  }),
  review: define(hazardActionBodies.review, {
    run({ actor, h, today, clock }, b) {
      if (b.reviewedOn > today) invalid('reviewedOn', '审查日期不能晚于今天');
      const review = {
        verdict: b.verdict,
        reviewedOn: b.reviewedOn,
        opinion: b.opinion,
        reviewer: actor.displayName,
        at: clock.now().toISOString(),
      };
      const closing = b.verdict === 'passed';
      return {
        values: {
          review,
          ...(closing ? { closedOn: today, accepterId: actor.userId, checkerId: h.checkerId ?? actor.userId, pendingExtension: null } : {}),
        },
        note: b.opinion,
        data: review,
        fileIds: b.photos,
        outcome: { verdict: b.verdict },
      };
    },
  }),
};
