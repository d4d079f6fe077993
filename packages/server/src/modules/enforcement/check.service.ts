import {
  buildChecklist,
  type CheckCreateBody,
  type CheckDetail,
  type CheckListQuery,
  type CheckRecordBody,
  type CheckSummary,
  checkItemIssues,
  citeCriteria,
  drawMinInspectorsPerCheck,
  fileThumbUrl,
  fileUrl,
  type UploadedFile,
} from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import type { FileService } from '../files/file.service.ts';
import { type CheckRow, checkRepo } from './check.repo.ts';
import { validateTeam } from './check-team.ts';
import { insertPlannedChecks } from './enforcement-check.repo.ts';

export interface CheckDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  files: FileService;
  criteria: CriteriaService;
}

/** The owner type of a check's photos and signature images (files module). */
export const checkFileOwner = 'enforcementCheck';

const notFound = () => errors.notFound('执法检查', 'enforcement_check.not_found');

/** The fields of a check the audit trail keeps. */
export const auditedCheck = (c: CheckRow) => ({
  code: c.code,
  status: c.status,
  enterpriseId: c.enterpriseId,
  unitId: c.unitId,
  inspectorIds: c.inspectorIds,
  recordHash: c.recordHash,
  version: c.version,
});

export function createCheckService(deps: CheckDeps) {
  const { db, clock, audit, files } = deps;
  const today = () => chinaToday(clock.now());

  async function load(ex: Executor, actor: Actor, id: number, opts: { forUpdate?: boolean } = {}) {
    const row = await checkRepo.findById(ex, id, actor.scope, opts);
    if (!row) throw notFound();
    return row;
  }

  /** Start, record and sign: one of the check's inspectors (by their account), the office or admin, the unit's staff. */
  async function mayRecord(ex: Executor, actor: Actor, check: CheckRow): Promise<boolean> {
    if (actor.roles.includes('admin') || actor.roles.includes('office')) return true;
    if (actor.roles.includes('unit') && actor.unitId === check.unitId) return true;
    if (!actor.roles.includes('inspector') && !actor.roles.includes('unit')) return false;
    const mine = await checkRepo.inspectorIdsOfUser(ex, actor.userId);
    return check.inspectorIds.some((id) => mine.includes(id));
  }

  /** Loads the check for a change: in scope (404), the caller one who may record (403), with the row locked. */
  async function loadForRecord(ex: Executor, actor: Actor, id: number) {
    const check = await load(ex, actor, id, { forUpdate: true });
    if (!(await mayRecord(ex, actor, check)))
      throw errors.forbidden('只有本次检查的执法人员、乡镇安办或本单位人员可以记录和签字', 'enforcement_check.not_inspector');
    return check;
  }

  function requireStatus(check: CheckRow, status: CheckRow['status'], what: string) {
    if (check.status === 'signed')
      throw errors.conflict('enforcement_check.signed', '检查记录已签字，不能修改；如需更正请提交更正说明（更正须写明原因）');
    if (check.status !== status) throw errors.conflict('enforcement_check.invalid_status', `检查当前状态不能${what}`);
  }

  function requireVersion(check: CheckRow, version: number) {
    if (check.version !== version)
      throw errors.conflict('enforcement_check.stale', '检查记录已被他人修改，请刷新后再保存', [
        { path: 'version', message: '版本已过期' },
      ]);
  }

  async function summaries(ex: Executor, rows: Awaited<ReturnType<typeof checkRepo.page>>): Promise<CheckSummary[]> {
    const inspectors = new Map(
      (await checkRepo.inspectors(ex, [...new Set(rows.flatMap((r) => r.check.inspectorIds))])).map((i) => [i.id, i.name]),
    );
    return rows.map(({ check: c, unitName, enterpriseName }) => ({
      id: c.id,
      code: c.code,
      unitId: c.unitId,
      unitName,
      enterpriseId: c.enterpriseId,
      enterpriseName,
      regionCode: c.regionCode,
      kind: c.kind,
      status: c.status,
      scheduledOn: c.scheduledOn,
      inspectorNames: c.inspectorIds.map((id) => inspectors.get(id) ?? `#${id}`),
      signedAt: c.signedAt?.toISOString() ?? null,
    }));
  }

  async function list(actor: Actor, query: CheckListQuery) {
    const { page, pageSize, ...filter } = query;
    const where = checkRepo.where(actor.scope, filter, actor.userId);
    const [rows, total] = await Promise.all([checkRepo.page(db, where, (page - 1) * pageSize, pageSize), checkRepo.count(db, where)]);
    return { items: await summaries(db, rows), total };
  }

  async function detail(ex: Executor, actor: Actor, id: number): Promise<CheckDetail> {
    const c = await load(ex, actor, id);
    const [named, inspectors, items, attached, quizzes, amendments, library, canRecord] = await Promise.all([
      checkRepo.named(ex, c),
      checkRepo.inspectors(ex, c.inspectorIds),
      checkRepo.items(ex, c.id),
      files.listByOwner(ex, checkFileOwner, c.id),
      checkRepo.quizzes(ex, c.id),
      checkRepo.amendments(ex, c.id),
      deps.criteria.library(),
      mayRecord(ex, actor, c),
    ]);
    const fileById = new Map(attached.map((f) => [f.id, f]));
    const fileOf = (fid: number): UploadedFile =>
      fileById.get(fid) ?? { id: fid, mime: 'image/jpeg', size: 0, originalName: null, url: fileUrl(fid), thumbUrl: fileThumbUrl(fid) };
    const byInspector = new Map(inspectors.map((i) => [i.id, i]));
    return {
      id: c.id,
      code: c.code,
      unitId: c.unitId,
      unitName: named.unitName,
      enterpriseId: c.enterpriseId,
      enterpriseName: named.enterpriseName,
      regionCode: c.regionCode,
      kind: c.kind,
      status: c.status,
      scheduledOn: c.scheduledOn,
      inspectorNames: c.inspectorIds.map((i) => byInspector.get(i)?.name ?? `#${i}`),
      signedAt: c.signedAt?.toISOString() ?? null,
      enterprise: { id: c.enterpriseId, name: named.enterpriseName, address: named.address },
      inspectors: c.inspectorIds.flatMap((i) => {
        const r = byInspector.get(i);
        return r
          ? [{ id: r.id, name: r.name, certificateNo: r.certificateNo, certificateValidUntil: r.certificateValidUntil, userId: r.userId }]
          : [];
      }),
      place: c.place,
      startedAt: c.startedAt?.toISOString() ?? null,
      explained: c.explained,
      representativeName: c.representativeName,
      refusedToSign: c.refusedToSign,
      items: items.map(({ item: i, hazardCode }) => ({
        id: i.id,
        seq: i.seq,
        source: i.source,
        criterionCode: i.criterionCode,
        citation: i.criterionCode ? (citeCriteria([i.criterionCode], library)[0] ?? null) : null,
        text: i.text,
        major: i.major,
        result: i.result,
        note: i.note,
        photos: i.photoIds.map(fileOf),
        deadline: i.deadline,
        fixedOnSpot: i.fixedOnSpot,
        fixPhotos: i.fixPhotoIds.map(fileOf),
        hazardId: i.hazardId,
        hazardCode,
      })),
      signatures: c.signatures.map((s) => ({ ...s, image: fileOf(s.fileId) })),
      recordHash: c.recordHash,
      quizzes: quizzes.map((q) => ({
        id: q.id,
        workerName: q.workerName,
        workerPost: q.workerPost,
        score: q.score,
        maxScore: q.maxScore,
        at: q.at.toISOString(),
      })),
      amendments: amendments.map(({ a, actorName }) => ({
        id: a.id,
        reason: a.reason,
        changes: a.changes,
        actorName,
        at: a.at.toISOString(),
      })),
      version: c.version,
      canRecord,
    };
  }

  /** 专项/临时检查: an enterprise in scope, two or more of the unit's inspectors with certificates valid on the day. */
  async function create(actor: Actor, body: CheckCreateBody): Promise<CheckDetail> {
    const unitId = body.unitId ?? actor.unitId;
    if (!unitId) throw errors.badRequest('enforcement_check.invalid_field', '请选择执法单位', [{ path: 'unitId', message: '必填' }]);
    const id = await auditedTransaction(db, async (tx) => {
      const unit = await checkRepo.visibleUnit(tx, unitId, actor.scope);
      if (!unit)
        throw errors.badRequest('enforcement_check.invalid_field', '执法单位不存在或不在您的范围内', [
          { path: 'unitId', message: '不存在' },
        ]);
      const e = await enterpriseRepo.findById(tx, body.enterpriseId, actor.scope);
      if (!e)
        throw errors.badRequest('enforcement_check.invalid_field', `企业（编号 ${body.enterpriseId}）不存在或不在您的范围内`, [
          { path: 'enterpriseId', message: '不存在' },
        ]);
      const ids = await validateTeam(tx, unitId, body.inspectorIds, body.scheduledOn);
      const [row] = await insertPlannedChecks(
        tx,
        [{ unitId, enterpriseId: e.id, kind: 'adhoc', scheduledOn: body.scheduledOn, inspectorIds: ids, createdBy: actor.userId }],
        clock.now(),
      );
      if (!row) throw new Error('check not created');
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementCheck',
        entityId: row.id,
        action: 'create',
        after: auditedCheck(row),
      });
      return row.id;
    });
    return detail(db, actor, id);
  }

  /** 开始检查: the checklist is built from the criteria of the enterprise's industry as they are today, plus the unit's own. */
  async function start(actor: Actor, id: number): Promise<CheckDetail> {
    // Read before the transaction: the library reads through the pool (PGlite has one connection).
    const library = await deps.criteria.library();
    await auditedTransaction(db, async (tx) => {
      const check = await loadForRecord(tx, actor, id);
      requireStatus(check, 'planned', '开始');
      // 执法检查不少于两人 (国办发〔2015〕58号): a check from the plan without a team is assigned one first.
      if (check.inspectorIds.length < drawMinInspectorsPerCheck)
        throw errors.conflict('enforcement_check.no_team', '尚未指派两名以上执法人员，请先指派执法人员再开始检查');
      const named = await checkRepo.named(tx, check);
      const own = (await checkRepo.checklist(tx, check.unitId))?.items ?? [];
      const lines = buildChecklist({ domains: named.domains, flags: named.flags }, library, today(), own);
      await checkRepo.insertItems(
        tx,
        lines.map((l) => ({
          checkId: check.id,
          seq: l.seq,
          source: l.source,
          criterionCode: l.criterionCode,
          text: l.text,
          major: l.major,
        })),
      );
      const now = clock.now();
      const row = await checkRepo.update(tx, check.id, {
        status: 'inProgress',
        startedAt: now,
        version: check.version + 1,
        updatedAt: now,
      });
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementCheck',
        entityId: id,
        action: 'start',
        before: auditedCheck(check),
        after: { ...auditedCheck(row), items: lines.length },
      });
    });
    return detail(db, actor, id);
  }

  /** 现场查、现场讲、现场交办、现场验收: saves the record so far; every item's photos are attached to the check. */
  async function record(actor: Actor, id: number, body: CheckRecordBody): Promise<CheckDetail> {
    await auditedTransaction(db, async (tx) => {
      const check = await loadForRecord(tx, actor, id);
      requireStatus(check, 'inProgress', '记录（请先开始检查）');
      requireVersion(check, body.version);
      const items = new Map((await checkRepo.items(tx, id)).map((r) => [r.item.id, r.item]));
      const issues = body.items.flatMap((input, k) => {
        const item = items.get(input.id);
        if (!item) return [{ path: `items.${k}.id`, message: `检查项（编号 ${input.id}）不属于本次检查` }];
        return checkItemIssues({ ...input, major: item.major }, today(), `items.${k}`);
      });
      if (issues.length) throw errors.badRequest('enforcement_check.invalid_item', issues.map((i) => i.message).join('；'), issues);
      const photos = body.items.flatMap((i) => [...i.photoIds, ...i.fixPhotoIds]);
      if (photos.length) await files.attachFiles(tx, actor, photos, checkFileOwner, id);
      for (const input of body.items) {
        await checkRepo.updateItem(tx, input.id, {
          result: input.result,
          note: input.note ?? null,
          photoIds: input.photoIds,
          deadline: input.result === 'fail' && !input.fixedOnSpot ? (input.deadline ?? null) : null,
          fixedOnSpot: input.fixedOnSpot,
          fixPhotoIds: input.fixPhotoIds,
        });
      }
      const now = clock.now();
      const set: Partial<CheckRow> = { version: check.version + 1, updatedAt: now };
      if (body.place !== undefined) set.place = body.place;
      if (body.explained !== undefined) set.explained = body.explained;
      if (body.representativeName !== undefined) set.representativeName = body.representativeName;
      const row = await checkRepo.update(tx, id, set);
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'enforcementCheck',
        entityId: id,
        action: 'record',
        before: auditedCheck(check),
        after: { ...auditedCheck(row), items: body.items.map((i) => ({ id: i.id, result: i.result, fixedOnSpot: i.fixedOnSpot })) },
      });
    });
    return detail(db, actor, id);
  }

  return {
    load,
    loadForRecord,
    mayRecord,
    requireStatus,
    requireVersion,
    detail,
    get: (actor: Actor, id: number) => detail(db, actor, id),
    list,
    create,
    start,
    record,
    today,
  };
}

export type CheckService = ReturnType<typeof createCheckService>;
