import {
  type CheckRecordDetail,
  type CheckRecordInput,
  type CheckRecordListQuery,
  type CheckRecordSummary,
  type CheckRecordSynced,
  checkRecordInput,
  doneOnTime,
  isDue,
} from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { chinaMinuteOf, parseJsonField, uniqueViolationText } from '../../lib/device-record.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import type { StoredPhoto } from '../files/file.service.ts';
import { photoDHash } from './check-phash.ts';
import type { CheckRecordForm } from './check-record.form.ts';
import { type CheckRecordRow, type CheckRecordSummaryRow, checkRecordWhere, checkRecordRepo as repo } from './check-record.repo.ts';
import { chinaDateOf } from './check-time.ts';
import type { DualDeps } from './dual.module.ts';

export const checkRecordFileOwner = 'checkRecord';

/** A record's photos (of its 正常 items; an 异常's photos belong to its hazard) are seen by whoever may read the record. */
export async function checkRecordFileVisible(ex: Executor, actor: Actor, recordId: number): Promise<boolean> {
  if (!actor.permissions.includes('dual.read')) return false;
  return repo.inScope(ex, actor.scope, recordId);
}

const invalid = (path: string, message: string) => errors.badRequest('validation_failed', message, [{ path, message }]);
/** A device clock a little ahead of the server's is tolerated. */
const CLOCK_SKEW_MS = 10 * 60_000;

const tamperedId = () =>
  errors.conflict('checkRecord.client_id_taken', '记录标识已被使用（由其他账号或为其他企业提交），请在手机上重新生成该记录后再同步', [
    { path: 'clientId', message: '记录标识已被使用' },
  ]);

/** Which of the record's unique indexes a violation hit. */
function uniqueViolation(e: unknown): string | null {
  const text = uniqueViolationText(e);
  if (text === null) return null;
  if (text.includes('check_records_client_uq')) return 'client';
  if (text.includes('check_records_task_period_uq')) return 'period';
  return 'other';
}

function summaryOf(r: CheckRecordSummaryRow): CheckRecordSummary {
  return {
    id: r.id,
    clientId: r.clientId,
    kind: r.kind,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    taskPeriodId: r.taskPeriodId,
    taskTitle: r.taskTitle,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    late: r.periodEnd !== null && r.doneOn !== null && !doneOnTime({ periodEnd: r.periodEnd }, r.doneOn),
    checkedBy: r.checkedBy,
    checkedByName: r.checkedByName,
    checkedAt: r.checkedAt.toISOString(),
    receivedAt: r.receivedAt.toISOString(),
    itemCount: r.itemCount,
    abnormalCount: r.abnormalCount,
  };
}

/**
 * 排查记录 from the phones (issue 16, part B): one record per post, written once in one transaction — the record, its
 * items, its photos (with their perceptual hashes), one hazard per 异常 item (channel 企业自查; a patrol's finding is
 * the grid worker's 督导检查), and the due check marked done. The device's `clientId` makes a retried sync answer
 * `duplicate` with the first result; the unique index settles two concurrent posts of the same record.
 */
export function createCheckRecordService(deps: DualDeps) {
  const { db, clock, files, audit } = deps;

  /** A clientId already stored: the same account and enterprise → the first result; anyone else's → 409. */
  async function duplicateOf(actor: Actor, input: CheckRecordInput, row: CheckRecordRow): Promise<CheckRecordSynced> {
    if (row.checkedBy !== actor.userId || row.enterpriseId !== input.enterpriseId) throw tamperedId();
    return { clientId: row.clientId, recordId: row.id, status: 'duplicate', hazardIds: await repo.hazardIdsOf(db, row.id) };
  }

  async function preparePhotos(input: CheckRecordInput, photos: CheckRecordForm['photos']) {
    const seqs = new Set(input.items.map((i) => i.seq));
    const out: Array<{ seq: number; main: Buffer; thumb: Buffer; phash: string }> = [];
    for (const [i, p] of photos.entries()) {
      if (!seqs.has(p.seq)) throw invalid(`photo.${p.seq}`, `照片：第 ${p.seq} 项不在本记录的检查内容中`);
      try {
        const prepared = await files.preparePhoto(p.bytes);
        out.push({ seq: p.seq, ...prepared, phash: await photoDHash(prepared.main) });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const message = `照片：第 ${p.seq} 项的第 ${i + 1} 张无法使用——${e.message}`;
        throw errors.badRequest(e.code, message, [{ path: `photo.${p.seq}`, message }]);
      }
    }
    return out;
  }

  async function write(
    actor: Actor,
    input: CheckRecordInput,
    enterprise: { id: number; regionCode: string },
    photos: Array<{ seq: number; phash: string; stored: StoredPhoto }>,
  ): Promise<CheckRecordSynced | CheckRecordRow> {
    const receivedAt = clock.now();
    const checkedAt = new Date(input.checkedAt);
    const checkedOn = chinaDateOf(checkedAt);
    const library = input.items.some((i) => i.result === 'abnormal') ? await deps.criteria.library() : [];
    return auditedTransaction(db, async (tx) => {
      let period: Awaited<ReturnType<typeof repo.lockPeriod>> | undefined;
      if (input.kind === 'task') {
        period = await repo.lockPeriod(tx, input.taskPeriodId as number);
        if (!period || period.enterpriseId !== enterprise.id)
          throw invalid('taskPeriodId', '排查任务：不是该企业的排查任务，请刷新今日任务后重新记录');
        if (!isDue(period, checkedOn))
          throw errors.conflict('checkRecord.not_due', `排查任务“${period.title}”自 ${period.periodStart} 起才需排查，检查时间早于此日`, [
            { path: 'taskPeriodId', message: '尚未到期' },
          ]);
      }
      // After the lock: a second post of the same record waits for the first and finds it here.
      const existing = await repo.byClientId(tx, input.clientId);
      if (existing) return existing;
      if (period?.recordId) {
        const by = await repo.recordedBy(tx, period.recordId);
        throw errors.conflict(
          'checkRecord.already_recorded',
          `排查任务“${period.title}”（${period.periodStart}～${period.periodEnd}）已由 ${by?.name ?? '他人'} 于 ${by ? chinaMinuteOf(by.checkedAt) : ''} 记录，无需重复提交`,
          [{ path: 'taskPeriodId', message: '已有排查记录' }],
        );
      }
      const abnormal = input.items.filter((i) => i.result === 'abnormal');
      const row = await repo.insert(tx, {
        clientId: input.clientId,
        kind: input.kind,
        enterpriseId: enterprise.id,
        regionCode: enterprise.regionCode,
        taskPeriodId: period?.id ?? null,
        patrolMonth: input.kind === 'patrol' ? checkedOn.slice(0, 7) : null,
        checkedBy: actor.userId,
        checkedAt,
        receivedAt,
        itemCount: input.items.length,
        abnormalCount: abnormal.length,
        note: input.note ?? null,
      });
      const hazardOf = new Map<number, number>();
      const what = period ? `${period.title}（${period.periodStart}～${period.periodEnd}）` : '小场所巡查';
      for (const item of abnormal) {
        const hazardId = await deps.hazards.hazards.createInTx(
          tx,
          actor,
          {
            enterpriseId: enterprise.id,
            channel: input.kind === 'patrol' ? 'inspection' : 'selfCheck',
            grade: item.major ? 'major' : 'general',
            category: 'thing',
            title: (item.note ?? item.text).slice(0, 60),
            description: `${what}第 ${item.seq} 项异常：${item.text}。${item.note ?? ''}`.slice(0, 2000),
            location: null,
            photos: [],
            deadline: item.fixedOnSpot ? null : (item.deadline ?? null),
            fixedOnSpot: item.fixedOnSpot,
            afterPhotos: [],
            criteriaCodes: [],
            foundOn: checkedOn,
          },
          { library },
        );
        hazardOf.set(item.seq, hazardId);
      }
      await repo.insertItems(
        tx,
        input.items.map((i) => ({
          recordId: row.id,
          seq: i.seq,
          text: i.text,
          result: i.result,
          note: i.note ?? null,
          hazardId: hazardOf.get(i.seq) ?? null,
        })),
      );
      // An 异常's photos belong to its hazard (the same files, never a copy); the others to the record.
      const who = auditActorOf(actor);
      const photoRows: Array<{ seq: number; fileId: number; phash: string }> = [];
      const groups = new Map<string, typeof photos>();
      for (const p of photos) {
        const hazardId = hazardOf.get(p.seq);
        const key = hazardId ? `h${hazardId}` : 'r';
        groups.set(key, [...(groups.get(key) ?? []), p]);
      }
      for (const [key, group] of groups) {
        const owner = key === 'r' ? { type: checkRecordFileOwner, id: row.id } : { type: 'hazard', id: Number(key.slice(1)) };
        const ids = await files.recordOwned(
          tx,
          who,
          group.map((g) => g.stored),
          { ...owner, names: (i) => `排查照片-第${group[i]?.seq ?? 0}项-${i + 1}.jpg` },
        );
        ids.forEach((fileId, i) => {
          const g = group[i];
          if (g) photoRows.push({ seq: g.seq, fileId, phash: g.phash });
        });
      }
      await repo.insertPhotos(
        tx,
        photoRows.map((p) => ({
          recordId: row.id,
          seq: p.seq,
          enterpriseId: enterprise.id,
          fileId: p.fileId,
          phash: p.phash,
          takenAt: checkedAt,
        })),
      );
      if (period) await repo.markDone(tx, period.id, row.id, checkedOn);
      await audit.record(tx, who, {
        entityType: 'checkRecord',
        entityId: row.id,
        action: 'create',
        after: {
          clientId: row.clientId,
          kind: row.kind,
          enterpriseId: row.enterpriseId,
          taskPeriodId: row.taskPeriodId,
          checkedAt: input.checkedAt,
          items: row.itemCount,
          abnormal: row.abnormalCount,
          photos: photoRows.length,
          hazardIds: [...hazardOf.values()],
        },
      });
      return { clientId: row.clientId, recordId: row.id, status: 'created', hazardIds: [...hazardOf.values()] } satisfies CheckRecordSynced;
    });
  }

  async function sync(actor: Actor, form: CheckRecordForm): Promise<CheckRecordSynced> {
    const input = parseJsonField(form.record, checkRecordInput, { field: 'record', label: '排查记录' });
    const known = await repo.byClientId(db, input.clientId);
    if (known) return duplicateOf(actor, input, known);
    const e = await enterpriseRepo.findById(db, input.enterpriseId, actor.scope);
    if (!e) throw invalid('enterpriseId', `企业（编号 ${input.enterpriseId}）不存在或不在您的范围内`);
    if (input.kind === 'patrol' && !e.smallVenueType) throw invalid('enterpriseId', `“${e.name}”不是登记的九小场所，不能记为小场所巡查`);
    if (Date.parse(input.checkedAt) > clock.now().getTime() + CLOCK_SKEW_MS)
      throw invalid('checkedAt', '检查时间：不能晚于当前时间（请检查手机时间设置）');
    const prepared = await preparePhotos(input, form.photos);
    const stored = await files.storePhotos(prepared);
    const photos = prepared.map((p, i) => ({ seq: p.seq, phash: p.phash, stored: stored[i] as StoredPhoto }));
    try {
      const out = await write(actor, input, e, photos);
      if ('status' in out) return out;
      await files.discard(stored);
      return duplicateOf(actor, input, out);
    } catch (err) {
      await files.discard(stored);
      const clash = uniqueViolation(err);
      if (clash === 'client') {
        const row = await repo.byClientId(db, input.clientId);
        if (row) return duplicateOf(actor, input, row);
      }
      if (clash === 'period')
        throw errors.conflict('checkRecord.already_recorded', '该排查任务刚刚已由他人记录，无需重复提交', [
          { path: 'taskPeriodId', message: '已有排查记录' },
        ]);
      throw err;
    }
  }

  async function list(actor: Actor, q: CheckRecordListQuery) {
    const { page, pageSize, ...f } = q;
    const { items, total } = await repo.page(db, checkRecordWhere(actor.scope, f), page, pageSize);
    return { items: items.map(summaryOf), total };
  }

  async function detail(actor: Actor, id: number): Promise<CheckRecordDetail> {
    const r = await repo.summary(db, actor.scope, id);
    if (!r) throw errors.notFound('排查记录', 'checkRecord.not_found');
    const [items, photos] = await Promise.all([repo.items(db, id), repo.photos(db, [id])]);
    return {
      ...summaryOf(r),
      note: r.note,
      items: items.map((i) => ({
        ...i,
        photos: photos.filter((p) => p.seq === i.seq).map((p) => ({ fileId: p.fileId, phash: p.phash })),
      })),
    };
  }

  return { sync, list, detail };
}

export type CheckRecordService = ReturnType<typeof createCheckRecordService>;
