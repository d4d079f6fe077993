import {
  type CheckAmendmentBody,
  type CheckDetail,
  type CheckRecordForHash,
  type CheckSignBody,
  checkRecordHash,
  signIssues,
} from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import type { FileService } from '../files/file.service.ts';
import type { HazardServices } from '../hazards/hazard.module.ts';
import { type CheckItemRow, type CheckRow, checkRepo } from './check.repo.ts';
import { auditedCheck, type CheckService, checkFileOwner } from './check.service.ts';
import type { CheckSignature } from './enforcement.table.ts';

/** The record as it is hashed: what was found, said and photographed, by whom, where and when. */
async function recordOf(ex: Executor, check: CheckRow, items: CheckItemRow[], signedAt: Date | null): Promise<CheckRecordForHash> {
  const [named, inspectors] = await Promise.all([checkRepo.named(ex, check), checkRepo.inspectors(ex, check.inspectorIds)]);
  const byId = new Map(inspectors.map((i) => [i.id, i]));
  return {
    code: check.code,
    enterprise: { id: check.enterpriseId, name: named.enterpriseName },
    inspectors: check.inspectorIds.map((id) => ({ id, name: byId.get(id)?.name ?? '', certificateNo: byId.get(id)?.certificateNo ?? '' })),
    place: check.place,
    startedAt: check.startedAt?.toISOString() ?? null,
    signedAt: signedAt?.toISOString() ?? null,
    explained: check.explained,
    representativeName: check.representativeName,
    refusedToSign: check.refusedToSign,
    items: items.map((i) => ({
      seq: i.seq,
      criterionCode: i.criterionCode,
      text: i.text,
      result: i.result,
      note: i.note,
      photoIds: i.photoIds,
      deadline: i.deadline,
      fixedOnSpot: i.fixedOnSpot,
      fixPhotoIds: i.fixPhotoIds,
    })),
  };
}

/** A one-line hazard title from the item (≤ 60 characters, the hazard's limit). */
const titleOf = (text: string) => (text.length > 58 ? `${text.slice(0, 57)}…` : text);

export function createCheckSignService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  files: FileService;
  hazards: HazardServices;
  criteria: CriteriaService;
  checks: CheckService;
}) {
  const { db, clock, audit, files, checks } = deps;

  /** The signature images as files: an uploaded file id, or a drawn PNG stored through the files module now. */
  async function signatureFiles(actor: Actor, body: CheckSignBody): Promise<number[]> {
    const out: number[] = [];
    for (const s of body.signatures) {
      if (s.fileId) out.push(s.fileId);
      else if (s.image) {
        const bytes = Buffer.from(s.image.slice(s.image.indexOf(',') + 1), 'base64');
        out.push((await files.upload(actor, { bytes, fileName: `签名-${s.name}.png` })).id);
      }
    }
    return out;
  }

  /**
   * 现场签字 (安全生产法 第六十八条): validated first, then the images stored, then in one transaction the record hashed,
   * the signatures bound to the hash, the check signed and every failed item made a hazard (the same record in both
   * modules: the item keeps the hazard's id; a unique index and the status make a retry create none).
   */
  async function sign(actor: Actor, id: number, body: CheckSignBody): Promise<CheckDetail> {
    const pre = await checks.load(db, actor, id);
    if (!(await checks.mayRecord(db, actor, pre)))
      throw errors.forbidden('只有本次检查的执法人员、乡镇安办或本单位人员可以记录和签字', 'enforcement_check.not_inspector');
    checks.requireStatus(pre, 'inProgress', '签字（请先开始检查）');
    checks.requireVersion(pre, body.version);
    const validate = (check: CheckRow, items: CheckItemRow[]) => {
      const issues = signIssues({
        items,
        inspectorIds: check.inspectorIds,
        signatures: body.signatures,
        refusedToSign: body.refusedToSign,
      });
      items.forEach((i) => {
        if (i.result === 'fail' && !i.fixedOnSpot && !i.major && !i.deadline)
          issues.push({ path: 'items', message: `第 ${i.seq} 项不符合，请填写现场交办的整改期限或现场验收` });
      });
      if (issues.length) throw errors.badRequest('enforcement_check.cannot_sign', issues.map((i) => i.message).join('；'), issues);
    };
    validate(
      pre,
      (await checkRepo.items(db, id)).map((r) => r.item),
    );
    const fileIds = await signatureFiles(actor, body);
    // Read before the transaction: the library reads through the pool (PGlite has one connection).
    const library = await deps.criteria.library();
    await auditedTransaction(db, async (tx) => {
      const check = await checks.loadForRecord(tx, actor, id);
      checks.requireStatus(check, 'inProgress', '签字');
      checks.requireVersion(check, body.version);
      const items = (await checkRepo.items(tx, id)).map((r) => r.item);
      validate(check, items);
      await files.attachFiles(tx, actor, fileIds, checkFileOwner, id);
      const now = clock.now();
      const signed = { ...check, refusedToSign: body.refusedToSign?.trim() || null };
      const hash = checkRecordHash(await recordOf(tx, signed, items, now));
      const signatures: CheckSignature[] = body.signatures.map((s, k) => ({
        role: s.role,
        name: s.name,
        inspectorId: s.role === 'inspector' ? (s.inspectorId ?? null) : null,
        fileId: fileIds[k] as number,
        recordHash: hash,
        at: now.toISOString(),
      }));
      const row = await checkRepo.update(tx, id, {
        status: 'signed',
        refusedToSign: signed.refusedToSign,
        signatures,
        recordHash: hash,
        signedAt: now,
        version: check.version + 1,
        updatedAt: now,
      });
      const named = await checkRepo.named(tx, check);
      for (const item of items) {
        if (item.result !== 'fail' || item.hazardId) continue;
        const hazardId = await deps.hazards.hazards.createInTx(
          tx,
          actor,
          {
            enterpriseId: check.enterpriseId,
            channel: 'enforcement',
            grade: item.major ? 'major' : 'general',
            category: 'thing',
            title: titleOf(item.text),
            description: `执法检查 ${check.code}（${named.unitName}）第 ${item.seq} 项不符合：${item.text}${item.note ? `。${item.note}` : ''}`,
            location: check.place,
            photos: [],
            deadline: item.fixedOnSpot ? null : item.deadline,
            fixedOnSpot: item.fixedOnSpot,
            afterPhotos: [],
            criteriaCodes: item.criterionCode ? [item.criterionCode] : [],
          },
          { library },
        );
        await checkRepo.updateItem(tx, item.id, { hazardId });
      }
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementCheck',
        entityId: id,
        action: 'sign',
        before: auditedCheck(check),
        after: { ...auditedCheck(row), signatures: signatures.map((s) => ({ role: s.role, name: s.name, fileId: s.fileId })) },
      });
    });
    return checks.detail(db, actor, id);
  }

  /**
   * 更正: a signed record changes only by an amendment with a reason — notes, place, 现场讲, the representative's
   * name; results that became hazards are changed in the hazard module. The new hash is kept in the amendment; the
   * signatures stay bound to the hash they signed.
   */
  async function amend(actor: Actor, id: number, body: CheckAmendmentBody): Promise<CheckDetail> {
    await auditedTransaction(db, async (tx) => {
      const check = await checks.loadForRecord(tx, actor, id);
      if (check.status !== 'signed') throw errors.conflict('enforcement_check.not_signed', '检查记录尚未签字，请直接修改记录');
      const items = (await checkRepo.items(tx, id)).map((r) => r.item);
      const byId = new Map(items.map((i) => [i.id, i]));
      const { notes = [], ...fields } = body.changes;
      const bad = notes.flatMap((n, k) =>
        byId.has(n.itemId) ? [] : [{ path: `changes.notes.${k}.itemId`, message: `检查项（编号 ${n.itemId}）不属于本次检查` }],
      );
      if (bad.length) throw errors.badRequest('enforcement_check.invalid_item', bad.map((b) => b.message).join('；'), bad);
      const before: Record<string, unknown> = {};
      for (const key of Object.keys(fields) as (keyof typeof fields)[]) before[key] = check[key];
      for (const n of notes) {
        before[`note:${n.itemId}`] = byId.get(n.itemId)?.note ?? null;
        await checkRepo.updateItem(tx, n.itemId, { note: n.note });
        const item = byId.get(n.itemId);
        if (item) item.note = n.note;
      }
      const now = clock.now();
      const row = await checkRepo.update(tx, id, { ...fields, version: check.version + 1, updatedAt: now });
      const recordHash = checkRecordHash(await recordOf(tx, row, items, row.signedAt));
      const amendment = await checkRepo.insertAmendment(tx, {
        checkId: id,
        reason: body.reason,
        changes: { ...body.changes, before, recordHash, signedRecordHash: check.recordHash },
        actorId: actor.userId,
        at: now,
      });
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementCheck',
        entityId: id,
        action: 'amend',
        before: { ...before, recordHash: check.recordHash },
        after: { ...body.changes, reason: body.reason, amendmentId: amendment.id, recordHash },
      });
    });
    return checks.detail(db, actor, id);
  }

  return { sign, amend };
}
