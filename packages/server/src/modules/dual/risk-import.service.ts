import { checkTaskInput, type RiskImportResult, type RiskSheetError, type RiskSheetRow } from '@anzhi/core';
import type { Db, Tx } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { offThread } from '../../lib/off-thread.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { newPublicCode } from '../enterprises/enterprise.values.ts';
import { checkTasks, controlMeasures, riskEvents, riskPoints, riskUnits } from './dual.table.ts';
import { type RiskEnterprise, riskChainRepo } from './risk-chain.repo.ts';
import { assessFor } from './risk-chain.service.ts';
import { refreshAssessedRisk } from './risk-feed.ts';
import type { readRiskImport } from './risk-import.reader.ts';
import { loadRiskTree } from './risk-tree.ts';

// ExcelJS builds the whole workbook in memory: off the event loop, in the parse pool.
const readImport = offThread<typeof readRiskImport>(new URL('./risk-import.reader.ts', import.meta.url), 'readRiskImport');

const refuse = (list: RiskSheetError[]) => {
  const shown = list.slice(0, 20).map((e) => `第 ${e.row} 行“${e.column}”：${e.message}`);
  const more = list.length > 20 ? `；另有 ${list.length - 20} 处错误` : '';
  return errors.badRequest('dual.risk_import_invalid', `导入未执行，请修正后重新导入：${shown.join('；')}${more}`, list);
};

/**
 * The chain from Excel (risk-sheet.rules.ts): all rows or none. Points, units, events and measures already there
 * (same names under the same parent) are reused, so importing the same sheet twice adds nothing; events are assessed
 * by core with the township's bands; a measure's task is checked by core's checkTaskInput.
 */
export function createRiskImportService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  async function write(tx: Tx, actor: Actor, e: RiskEnterprise, rows: RiskSheetRow[]): Promise<RiskImportResult> {
    const tree = await loadRiskTree(tx, actor.scope, e);
    const postIds = new Map((await riskChainRepo.postsOf(tx, e.id)).map((p) => [p.name, p.id]));
    const counts = { points: 0, units: 0, events: 0, measures: 0, tasks: 0 };
    const points = new Map(tree.points.map((p) => [p.name, p.id]));
    const units = new Map(tree.points.flatMap((p) => p.units.map((u) => [`${p.id}/${u.name}`, u.id] as const)));
    const events = new Map(
      tree.points.flatMap((p) => p.units.flatMap((u) => u.events.map((ev) => [`${u.id}/${ev.name}`, ev.id] as const))),
    );
    const measures = new Set(
      tree.points.flatMap((p) => p.units.flatMap((u) => u.events.flatMap((ev) => ev.measures.map((m) => `${ev.id}/${m.content}`)))),
    );
    const problems: RiskSheetError[] = [];
    const now = clock.now();
    for (const r of rows) {
      let pointId = points.get(r.point.name);
      if (pointId === undefined) {
        const [p] = await tx
          .insert(riskPoints)
          .values({ enterpriseId: e.id, ...r.point, publicCode: newPublicCode(), createdBy: actor.userId })
          .returning({ id: riskPoints.id });
        pointId = p?.id as number;
        points.set(r.point.name, pointId);
        counts.points++;
      }
      let unitId = units.get(`${pointId}/${r.unit}`);
      if (unitId === undefined) {
        const [u] = await tx.insert(riskUnits).values({ enterpriseId: e.id, pointId, name: r.unit }).returning({ id: riskUnits.id });
        unitId = u?.id as number;
        units.set(`${pointId}/${r.unit}`, unitId);
        counts.units++;
      }
      let eventId = events.get(`${unitId}/${r.event.name}`);
      if (eventId === undefined) {
        const a = r.event.assessment;
        const assessed = await assessFor(tx, e.regionCode, a);
        const factors = a.method === 'lec' ? { l: a.l, e: a.e, c: a.c } : { l: a.l, s: a.s };
        const [ev] = await tx
          .insert(riskEvents)
          .values({
            enterpriseId: e.id,
            unitId,
            name: r.event.name,
            consequence: r.event.consequence,
            method: a.method,
            ...factors,
            ...assessed,
            assessedBy: actor.userId,
            assessedAt: now,
          })
          .returning({ id: riskEvents.id });
        eventId = ev?.id as number;
        events.set(`${unitId}/${r.event.name}`, eventId);
        counts.events++;
      }
      if (!r.measure || measures.has(`${eventId}/${r.measure.content}`)) continue;
      const [m] = await tx
        .insert(controlMeasures)
        .values({ enterpriseId: e.id, eventId, ...r.measure })
        .returning({ id: controlMeasures.id });
      measures.add(`${eventId}/${r.measure.content}`);
      counts.measures++;
      if (!r.task || !m) continue;
      const postId = r.task.postName ? postIds.get(r.task.postName) : undefined;
      if (r.task.postName && postId === undefined && !r.task.ownerName) {
        problems.push({ row: r.row, column: '责任岗位', message: `岗位“${r.task.postName}”不存在，请先在岗位管理中添加，或填写责任人` });
        continue;
      }
      const task = checkTaskInput.safeParse({
        title: r.measure.content.slice(0, 100),
        cycle: r.task.cycle,
        measureId: m.id,
        postId: postId ?? null,
        ownerName: r.task.ownerName ?? (postId === undefined ? r.task.postName : null),
        items: [r.measure.content],
        startsOn: chinaToday(now),
      });
      if (!task.success) {
        problems.push({ row: r.row, column: '排查周期', message: task.error.issues[0]?.message ?? '排查任务不完整' });
        continue;
      }
      await tx.insert(checkTasks).values({
        enterpriseId: e.id,
        measureId: m.id,
        title: task.data.title,
        cycle: task.data.cycle,
        postId: task.data.postId ?? null,
        ownerName: task.data.ownerName ?? null,
        items: task.data.items,
        active: true,
        startsOn: task.data.startsOn ?? chinaToday(now),
        createdBy: actor.userId,
      });
      counts.tasks++;
    }
    if (problems.length > 0) throw refuse(problems);
    return counts;
  }

  return {
    async importSheet(actor: Actor, enterprise: RiskEnterprise, buffer: Buffer, fileName: string): Promise<RiskImportResult> {
      const parsed = await readImport(buffer);
      if (parsed.errors.length > 0) throw refuse(parsed.errors);
      if (parsed.rows.length === 0) throw errors.badRequest('dual.risk_import_empty', '表中没有可导入的数据行');
      return auditedTransaction(db, async (tx) => {
        const counts = await write(tx, actor, enterprise, parsed.rows);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enterprise',
          entityId: enterprise.id,
          action: 'riskImport',
          after: { fileName, rows: parsed.rows.length, ...counts },
        });
        await refreshAssessedRisk(tx, audit, actor, enterprise.id, clock.now());
        return counts;
      });
    },
  };
}

export type RiskImportService = ReturnType<typeof createRiskImportService>;
