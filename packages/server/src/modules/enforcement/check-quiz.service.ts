import { type CriteriaSet, drawQuizQuestions, type QuizBody, quizBank, scoreQuiz } from '@anzhi/core';
import type { Db } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { checkRepo } from './check.repo.ts';
import type { CheckService } from './check.service.ts';

/** 逢查必考 (questions from the criteria bank, scored, counted per enterprise) and the units' own checklist items. */
export function createCheckQuizService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  criteria: CriteriaService;
  checks: CheckService;
}) {
  const { db, clock, audit, checks } = deps;

  async function bankOf(enterpriseTags: { domains: string[]; flags: string[] }, sets?: readonly CriteriaSet[]) {
    return quizBank(enterpriseTags, sets ?? (await deps.criteria.library()), checks.today());
  }

  /** N questions for this check: the same ones every time it is asked (seeded by the check's number). */
  async function questions(actor: Actor, id: number, count: number) {
    const check = await checks.load(db, actor, id);
    const named = await checkRepo.named(db, check);
    const bank = await bankOf(named);
    return { items: drawQuizQuestions(bank, check.code, count).map(({ id: qid, question, options }) => ({ id: qid, question, options })) };
  }

  async function record(actor: Actor, id: number, body: QuizBody) {
    // Read before the transaction: the library reads through the pool (PGlite has one connection).
    const library = await deps.criteria.library();
    return auditedTransaction(db, async (tx) => {
      const check = await checks.loadForRecord(tx, actor, id);
      if (check.status !== 'inProgress')
        throw errors.conflict(
          'enforcement_check.invalid_status',
          check.status === 'signed' ? '检查记录已签字，不能再添加考试记录' : '请先开始检查',
        );
      const scored = scoreQuiz(await bankOf(await checkRepo.named(tx, check), library), body.answers);
      if (!scored.ok)
        throw errors.badRequest('enforcement_quiz.invalid_answer', scored.issues.map((i) => i.message).join('；'), scored.issues);
      const row = await checkRepo.insertQuiz(tx, {
        checkId: id,
        enterpriseId: check.enterpriseId,
        workerName: body.workerName,
        workerPost: body.workerPost ?? null,
        answers: scored.answers,
        score: scored.score,
        maxScore: scored.maxScore,
        at: clock.now(),
      });
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementQuiz',
        entityId: row.id,
        action: 'create',
        after: { checkId: id, workerName: row.workerName, score: row.score, maxScore: row.maxScore },
      });
      return {
        id: row.id,
        workerName: row.workerName,
        workerPost: row.workerPost,
        score: row.score,
        maxScore: row.maxScore,
        at: row.at.toISOString(),
      };
    });
  }

  async function stats(actor: Actor, enterpriseId: number) {
    if (!(await enterpriseRepo.findById(db, enterpriseId, actor.scope))) throw errors.notFound('企业', 'enterprise.not_found');
    const s = await checkRepo.quizStats(db, enterpriseId, actor.scope);
    return { enterpriseId, quizzes: s.quizzes, averageRate: s.rate, passed: s.passed };
  }

  async function checklist(actor: Actor, unitId: number) {
    const unit = await checkRepo.visibleUnit(db, unitId, actor.scope);
    if (!unit) throw errors.notFound('执法单位', 'unit.not_found');
    const row = await checkRepo.checklist(db, unitId);
    return { unitId, unitName: unit.name, items: row?.items ?? [], version: row?.version ?? 0 };
  }

  /** The unit's own items: its staff, the office or admin; a stale version is refused. */
  async function saveChecklist(actor: Actor, unitId: number, body: { version: number; items: string[] }) {
    await auditedTransaction(db, async (tx) => {
      const unit = await checkRepo.visibleUnit(tx, unitId, actor.scope);
      if (!unit) throw errors.notFound('执法单位', 'unit.not_found');
      const row = await checkRepo.checklist(tx, unitId);
      if ((row?.version ?? 0) !== body.version)
        throw errors.conflict('enforcement_checklist.stale', '检查项已被他人修改，请刷新后再保存', [
          { path: 'version', message: '版本已过期' },
        ]);
      await checkRepo.saveChecklist(tx, unitId, body.items, body.version + 1, actor.userId, clock.now());
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementChecklist',
        entityId: unitId,
        action: 'update',
        before: { items: row?.items ?? [] },
        after: { items: body.items },
      });
    });
    return checklist(actor, unitId);
  }

  return { questions, record, stats, checklist, saveChecklist };
}
