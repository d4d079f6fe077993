import {
  type CheckTaskCreateBody,
  type CheckTaskFromMeasureBody,
  type CheckTaskInput,
  type CheckTaskUpdateBody,
  type CheckTaskView,
  type CheckTemplate,
  checkTemplateCycles,
  checkTemplateItems,
  checkTemplateLabels,
  checkTemplateOwners,
  checkTemplates,
  principalCheckCycle,
} from '@anzhi/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { loadSettingsBook } from '../settings/settings.resolver.ts';
import { enterpriseOf } from './check-due.service.ts';
import { generateDueChecks } from './check-generate.ts';
import { type CheckTaskRow, checkTaskRepo as repo } from './check-task.repo.ts';
import type { DualDeps } from './dual.module.ts';
import { checkTasks } from './dual.table.ts';

const invalid = (path: string, message: string) => errors.badRequest('validation_failed', message, [{ path, message }]);
const audited = (t: CheckTaskRow) => ({
  enterpriseId: t.enterpriseId,
  title: t.title,
  cycle: t.cycle,
  measureId: t.measureId,
  template: t.template,
  postId: t.postId,
  ownerName: t.ownerName,
  items: t.items,
  active: t.active,
  startsOn: t.startsOn,
});

/**
 * 排查任务 (issue 16, part B): an enterprise's tasks, entered, made from a control measure, or adopted from the standard
 * templates (once: adopting again adds nothing). Each new task's due checks up to today are generated at once.
 */
export function createCheckTaskService(deps: DualDeps) {
  const { db, clock, audit } = deps;
  const today = () => chinaToday(clock.now());

  async function checkPost(ex: Executor, enterpriseId: number, postId: number | null | undefined) {
    if (postId == null) return;
    const post = await repo.postOf(ex, postId);
    if (!post || post.enterpriseId !== enterpriseId) throw invalid('postId', '责任岗位：不是该企业的岗位');
  }
  async function checkMeasure(ex: Executor, actor: Actor, enterpriseId: number, measureId: number | null | undefined) {
    if (measureId == null) return undefined;
    const m = await repo.measure(ex, actor.scope, measureId);
    if (!m || m.enterpriseId !== enterpriseId) throw invalid('measureId', '管控措施：不是该企业的管控措施');
    return m;
  }

  async function insertTasks(tx: Executor, actor: Actor, rows: Array<typeof checkTasks.$inferInsert>) {
    const created = await repo.insert(tx, rows);
    if (created.length) {
      await generateDueChecks(tx, clock.now(), {
        taskFilter: sql`t.id IN (${sql.join(
          created.map((c) => sql`${c.id}`),
          sql`, `,
        )})`,
      });
      await audit.recordMany(
        tx,
        auditActorOf(actor),
        created.map((c) => ({ entityType: 'checkTask', entityId: c.id, action: 'create', after: audited(c) })),
      );
    }
    return created;
  }

  async function view(actor: Actor, id: number): Promise<CheckTaskView> {
    const v = await repo.view(db, actor.scope, id);
    if (!v) throw errors.notFound('排查任务', 'checkTask.not_found');
    return v;
  }

  const fields = (b: CheckTaskInput) => ({
    title: b.title,
    cycle: b.cycle,
    measureId: b.measureId ?? null,
    template: b.template ?? null,
    postId: b.postId ?? null,
    ownerName: b.ownerName ?? null,
    items: b.items,
    active: b.active,
  });

  return {
    async list(actor: Actor, q: { enterpriseId?: number; cycle?: CheckTaskView['cycle']; active?: boolean; measureId?: number }) {
      const where = and(
        scopeOn.check_tasks(actor.scope),
        q.enterpriseId ? eq(checkTasks.enterpriseId, q.enterpriseId) : undefined,
        q.cycle ? eq(checkTasks.cycle, q.cycle) : undefined,
        q.active !== undefined ? eq(checkTasks.active, q.active) : undefined,
        q.measureId ? eq(checkTasks.measureId, q.measureId) : undefined,
      );
      return { items: await repo.list(db, where) };
    },

    async create(actor: Actor, body: CheckTaskCreateBody): Promise<CheckTaskView> {
      const e = await enterpriseOf(db, actor, body.enterpriseId);
      const [row] = await auditedTransaction(db, async (tx) => {
        await checkPost(tx, e.id, body.postId);
        await checkMeasure(tx, actor, e.id, body.measureId);
        return insertTasks(tx, actor, [
          { enterpriseId: e.id, ...fields(body), startsOn: body.startsOn ?? today(), createdBy: actor.userId },
        ]);
      });
      return view(actor, (row as CheckTaskRow).id);
    },

    async update(actor: Actor, id: number, body: CheckTaskUpdateBody): Promise<CheckTaskView> {
      await auditedTransaction(db, async (tx) => {
        const task = await repo.lock(tx, actor.scope, id);
        if (!task) throw errors.notFound('排查任务', 'checkTask.not_found');
        if (task.version !== body.version)
          throw errors.conflict('checkTask.stale', '排查任务已被他人修改，请刷新后再保存', [{ path: 'version', message: '版本已变化' }]);
        await checkPost(tx, task.enterpriseId, body.postId);
        await checkMeasure(tx, actor, task.enterpriseId, body.measureId);
        if (body.cycle !== task.cycle && (await repo.hasPeriods(tx, id)))
          throw invalid('cycle', '排查周期：已生成排查记录的任务不能修改周期，请停用本任务后新建');
        if (body.startsOn && body.startsOn !== task.startsOn && (await repo.hasPeriods(tx, id)))
          throw invalid('startsOn', '开始日期：已生成排查记录的任务不能修改开始日期');
        const row = await repo.update(tx, id, {
          ...fields(body),
          startsOn: body.startsOn ?? task.startsOn,
          version: task.version + 1,
          updatedAt: clock.now(),
        });
        if (row.active) await generateDueChecks(tx, clock.now(), { taskFilter: sql`t.id = ${id}` });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'checkTask',
          entityId: id,
          action: 'update',
          before: audited(task),
          after: audited(row),
        });
      });
      return view(actor, id);
    },

    async deactivate(actor: Actor, id: number): Promise<CheckTaskView> {
      await auditedTransaction(db, async (tx) => {
        const task = await repo.lock(tx, actor.scope, id);
        if (!task) throw errors.notFound('排查任务', 'checkTask.not_found');
        if (!task.active) return;
        const row = await repo.update(tx, id, { active: false, version: task.version + 1, updatedAt: clock.now() });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'checkTask',
          entityId: id,
          action: 'deactivate',
          before: audited(task),
          after: audited(row),
        });
      });
      return view(actor, id);
    },

    async fromMeasure(actor: Actor, body: CheckTaskFromMeasureBody): Promise<CheckTaskView> {
      const m = await repo.measure(db, actor.scope, body.measureId);
      if (!m) throw errors.notFound('管控措施', 'controlMeasure.not_found');
      const [row] = await auditedTransaction(db, async (tx) => {
        await checkPost(tx, m.enterpriseId, body.postId);
        return insertTasks(tx, actor, [
          {
            enterpriseId: m.enterpriseId,
            measureId: m.id,
            title: `${m.eventName}：管控措施检查`.slice(0, 100),
            cycle: body.cycle,
            postId: body.postId ?? null,
            ownerName: body.ownerName ?? null,
            items: [m.content],
            startsOn: body.startsOn ?? today(),
            createdBy: actor.userId,
          },
        ]);
      });
      return view(actor, (row as CheckTaskRow).id);
    },

    async adoptTemplates(actor: Actor, body: { enterpriseId?: number; startsOn?: string }) {
      const e = await enterpriseOf(db, actor, body.enterpriseId);
      const config = (await loadSettingsBook(db)).forRegion(e.regionCode).dual;
      const created = await auditedTransaction(db, async (tx) => {
        await repo.lockEnterprise(tx, e.id);
        const have = await repo.templatesOf(tx, e.id);
        const missing = checkTemplates.filter((t) => !have.has(t));
        return insertTasks(
          tx,
          actor,
          missing.map((t: CheckTemplate) => ({
            enterpriseId: e.id,
            template: t,
            title: checkTemplateLabels[t],
            cycle: t === 'principal' ? principalCheckCycle(e.highRisk, config) : checkTemplateCycles[t],
            ownerName: checkTemplateOwners[t],
            items: checkTemplateItems[t],
            startsOn: body.startsOn ?? today(),
            createdBy: actor.userId,
          })),
        );
      });
      const all = await repo.list(
        db,
        and(scopeOn.check_tasks(actor.scope), eq(checkTasks.enterpriseId, e.id), sql`${checkTasks.template} IS NOT NULL`),
      );
      return { created: created.length, items: all };
    },
  };
}

export type CheckTaskService = ReturnType<typeof createCheckTaskService>;
