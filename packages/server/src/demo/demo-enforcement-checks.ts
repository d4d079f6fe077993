import {
  buildChecklist,
  checkRecordHash,
  defaultMajorDeadline,
  initialHazardStatus,
  resolveSettingsValues,
  shippedCriteriaSets,
} from '@anzhi/core';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import { enforcementCheckItems, enforcementChecks, enforcementInspectors } from '../modules/enforcement/enforcement.table.ts';
import { insertPlannedChecks } from '../modules/enforcement/enforcement-check.repo.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';
import { hazardRepo } from '../modules/hazards/hazard.repo.ts';
import { hazardCode } from '../modules/hazards/hazard.service.ts';

/**
 * Demo data of the on-site check (issue 14, part C).
 *
 * `ensureDemoInspectors` — get-or-create, by certificate number, the two 应急办 inspectors 演示-应急-001 (linked to the
 * `jiancha` account) and 演示-应急-002; another part may create them first, both can run.
 * `seedDemoCheckForEnterprise` — one planned check today on the enterprise bound to `qiye`, by those two (the browser
 * test opens it). `completeDemoChecks` — for the lead: signs planned checks with all items answered and the first
 * `failPerCheck` items failed, each failed item a hazard (channel enforcement, citing its criterion, major).
 */
export const demoInspectorCertificates = ['演示-应急-001', '演示-应急-002'] as const;

export async function ensureDemoInspectors(
  tx: Executor,
  opts: { emergencyUnitId: number; jianchaUserId: number; now: Date },
): Promise<[number, number]> {
  const existing = await tx
    .select()
    .from(enforcementInspectors)
    .where(inArray(enforcementInspectors.certificateNo, [...demoInspectorCertificates]));
  const ids: number[] = [];
  for (const [k, certificateNo] of demoInspectorCertificates.entries()) {
    const found = existing.find((i) => i.certificateNo === certificateNo);
    const userId = k === 0 ? opts.jianchaUserId : null;
    if (found) {
      if (k === 0 && found.userId === null)
        await tx.update(enforcementInspectors).set({ userId }).where(eq(enforcementInspectors.id, found.id));
      ids.push(found.id);
      continue;
    }
    const [row] = await tx
      .insert(enforcementInspectors)
      .values({
        unitId: opts.emergencyUnitId,
        userId,
        name: k === 0 ? '陈检查' : '刘执法',
        certificateNo,
        certificateValidUntil: '2029-12-31',
        field: '工贸',
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning();
    ids.push(row?.id as number);
  }
  return ids as [number, number];
}

/** One planned check today on the given enterprise by the two demo inspectors; returns its id. */
export async function seedDemoCheckForEnterprise(
  tx: Executor,
  opts: { emergencyUnitId: number; enterpriseId: number; inspectorIds: number[]; officeUserId: number; now: Date },
): Promise<number> {
  const [check] = await insertPlannedChecks(
    tx,
    [
      {
        unitId: opts.emergencyUnitId,
        enterpriseId: opts.enterpriseId,
        kind: 'key',
        scheduledOn: chinaToday(opts.now),
        inspectorIds: opts.inspectorIds,
        createdBy: opts.officeUserId,
      },
    ],
    opts.now,
  );
  return check?.id as number;
}

/**
 * Completes planned checks as signed records (for the demo's drawn checks): the checklist from the shipped criteria,
 * the first `failPerCheck` criteria items failed, the rest passed, each failed item a major hazard written here
 * (the demo writes rows directly, as demo-hazards does). Signature images are not made: `signatures` stays empty and
 * `refusedToSign` says so. Returns the hazards created.
 */
export async function completeDemoChecks(
  tx: Executor,
  opts: { checkIds: number[]; actorUserId: number; actorUnitId: number | null; now: Date; failPerCheck?: number },
): Promise<number> {
  const today = chinaToday(opts.now);
  const hazardTime = resolveSettingsValues({}).hazardTime;
  let made = 0;
  for (const id of opts.checkIds) {
    const [check] = await tx.select().from(enforcementChecks).where(eq(enforcementChecks.id, id));
    if (check?.status !== 'planned') continue;
    // The check was made on its day (a drawn check is for a day before today): found and signed then.
    const day = [check.scheduledOn, today].sort()[0] as string;
    const at = new Date(`${day}T02:30:00Z`);
    const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, check.enterpriseId));
    if (!e) continue;
    const lines = buildChecklist({ domains: e.domains, flags: e.flags }, shippedCriteriaSets, today, []);
    const fail = new Set(
      lines
        .filter((l) => l.major)
        .slice(0, opts.failPerCheck ?? 2)
        .map((l) => l.seq),
    );
    const items = await tx
      .insert(enforcementCheckItems)
      .values(
        lines.map((l) => ({
          checkId: id,
          seq: l.seq,
          source: l.source,
          criterionCode: l.criterionCode,
          text: l.text,
          major: l.major,
          result: fail.has(l.seq) ? ('fail' as const) : ('pass' as const),
        })),
      )
      .returning();
    for (const item of items.filter((i) => i.result === 'fail')) {
      const hazardId = await hazardRepo.nextId(tx);
      await hazardRepo.insert(tx, {
        id: hazardId,
        code: hazardCode(hazardId, today),
        enterpriseId: e.id,
        regionCode: e.regionCode,
        industryCode: e.industryCode,
        domains: e.domains,
        supervisingUnitId: e.supervisingUnitId,
        channel: 'enforcement',
        grade: 'major',
        category: 'thing',
        status: initialHazardStatus('major', false),
        title: item.text.length > 58 ? `${item.text.slice(0, 57)}…` : item.text,
        description: `执法检查 ${check.code} 第 ${item.seq} 项不符合：${item.text}`,
        criteriaCodes: item.criterionCode ? [item.criterionCode] : [],
        foundOn: day,
        foundBy: opts.actorUserId,
        finderUnitId: opts.actorUnitId,
        deadline: defaultMajorDeadline(day, hazardTime),
        createdAt: opts.now,
        updatedAt: opts.now,
      });
      await tx.update(enforcementCheckItems).set({ hazardId }).where(eq(enforcementCheckItems.id, item.id));
      made++;
    }
    const refusedToSign = '演示数据：签字图片未生成';
    const recordHash = checkRecordHash({
      code: check.code,
      enterprise: { id: e.id, name: e.name },
      inspectors: [],
      place: null,
      startedAt: at.toISOString(),
      signedAt: at.toISOString(),
      explained: null,
      representativeName: null,
      refusedToSign,
      items: items.map((i) => ({
        seq: i.seq,
        criterionCode: i.criterionCode,
        text: i.text,
        result: i.result,
        note: null,
        photoIds: [],
        deadline: null,
        fixedOnSpot: false,
        fixPhotoIds: [],
      })),
    });
    await tx
      .update(enforcementChecks)
      .set({
        status: 'signed',
        startedAt: at,
        signedAt: at,
        refusedToSign,
        recordHash,
        version: check.version + 1,
        updatedAt: opts.now,
      })
      .where(eq(enforcementChecks.id, id));
  }
  return made;
}
