import {
  addDays,
  type CampaignCheckDetail,
  type CampaignCheckInput,
  type CampaignChecklistItem,
  type CampaignCheckSynced,
  type CriteriaSet,
  campaignCheckInput,
} from '@anzhi/core';
import type { Executor, Tx } from '../../db/client.ts';
import { systemScope } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { chinaToday } from '../../lib/clock.ts';
import { chinaMinuteOf, parseJsonField, uniqueViolationText } from '../../lib/device-record.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import type { CheckRecordForm } from '../dual/check-record.form.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import type { StoredPhoto } from '../files/file.service.ts';
import type { CampaignDeps } from './campaign.module.ts';
import type { CampaignCheckItemRow } from './campaign.table.ts';
import { campaignFieldRepo as repo, type TargetPick } from './campaign-field.repo.ts';
import { windowOf } from './campaign-field.service.ts';

export const campaignCheckFileOwner = 'campaignCheck';

/** A check's photos (of its 符合/不适用 items; a 不符合's photos belong to its hazard) are seen by whoever reads the check. */
export async function campaignCheckFileVisible(ex: Executor, actor: Actor, checkId: number): Promise<boolean> {
  if (!actor.permissions.includes('campaign.read')) return false;
  return (await repo.detail(ex, actor.scope, checkId)) !== undefined;
}

/** A general finding's deadline when the checker gave none (days after the check). */
export const defaultCampaignFixDays = 30;
/** A device clock a little ahead of the server's is tolerated. */
const CLOCK_SKEW_MS = 10 * 60_000;

const invalid = (path: string, message: string) => errors.badRequest('validation_failed', message, [{ path, message }]);
const chinaDateOf = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const tamperedId = () =>
  errors.conflict('campaignCheck.client_id_taken', '记录标识已被使用（由其他账号或为其他对象提交），请在手机上重新生成该记录后再同步', [
    { path: 'clientId', message: '记录标识已被使用' },
  ]);
const outsideCampaign = (path: string) =>
  errors.badRequest('campaignCheck.outside_campaign', '该对象不在本次专项整治范围内', [{ path, message: '不在本次专项整治范围内' }]);

/** Which of the check's unique indexes a violation hit. */
function uniqueViolation(e: unknown): 'client' | 'target' | null {
  const text = uniqueViolationText(e);
  if (text?.includes('client_id')) return 'client';
  if (text?.includes('campaign_checks_round_')) return 'target';
  return null;
}

/** Item keys must be the campaign's; a major item is 认定 by the township, never fixed on the spot. */
function checkItems(input: CampaignCheckInput, checklist: readonly CampaignChecklistItem[]) {
  const byKey = new Map(checklist.map((i) => [i.key, i]));
  return input.items.map((item, i) => {
    const def = byKey.get(item.key);
    if (!def) throw invalid(`items.${i}.key`, `第 ${item.seq} 项：检查项“${item.key}”不在本次专项整治的检查内容中，请刷新任务后重新记录`);
    if (item.result === 'fail' && def.major && item.fixedOnSpot)
      throw invalid(`items.${i}.fixedOnSpot`, `第 ${item.seq} 项“${def.text}”属重大事故隐患情形，不能立行立改，须由镇（街道）认定后治理`);
    return { ...item, def };
  });
}

/**
 * 专项检查 from the phones (issue 17, field checks): one check per object per round, written once in one
 * transaction — the check with its items, one hazard per 不符合 item (channel 专项检查, through the hazard module's
 * `createInTx`: the object's enterprise, or the village and the place when it has none), the campaign_hazards links,
 * the photos. The device's `clientId` makes a retried sync answer `duplicate` with the first result; the unique
 * indexes settle two concurrent posts.
 */
export function createCampaignCheckService(deps: CampaignDeps) {
  const { db, clock, files, audit } = deps;

  async function duplicateOf(
    actor: Actor,
    input: CampaignCheckInput,
    row: { id: number; clientId: string; checkedBy: number; roundId: number; objectId: number | null; enterpriseId: number | null },
  ): Promise<CampaignCheckSynced> {
    const same =
      row.checkedBy === actor.userId &&
      row.roundId === input.roundId &&
      row.objectId === (input.objectId ?? null) &&
      row.enterpriseId === (input.enterpriseId ?? null);
    if (!same) throw tamperedId();
    return { clientId: row.clientId, checkId: row.id, status: 'duplicate', hazardIds: await repo.hazardIdsOf(db, row.id) };
  }

  /** The round (in the caller's campaigns), the target (in the caller's area and in the campaign's scope). */
  async function resolve(actor: Actor, input: CampaignCheckInput) {
    const [found] = await repo.rounds(db, actor.scope, { roundId: input.roundId });
    if (!found) throw errors.notFound('专项整治轮次', 'campaignCheck.round_not_found');
    const { campaign, round } = found;
    const pick: TargetPick = input.objectId !== undefined ? { objectId: input.objectId } : { enterpriseId: input.enterpriseId as number };
    if ((campaign.scope.kind === 'ledger') !== 'objectId' in pick) throw outsideCampaign('objectId' in pick ? 'objectId' : 'enterpriseId');
    let target: { regionCode: string; name: string; address: string | null; enterpriseId: number | null };
    if ('objectId' in pick) {
      const o = await repo.objectInScope(db, actor.scope, { id: pick.objectId });
      if (!o) throw errors.notFound('台账对象', 'campaignCheck.object_not_found');
      target = { regionCode: o.object.regionCode, name: o.object.name, address: o.object.address, enterpriseId: o.object.enterpriseId };
    } else {
      const e = await enterpriseRepo.findById(db, pick.enterpriseId, actor.scope);
      if (!e) throw errors.notFound('企业', 'campaignCheck.enterprise_not_found');
      target = { regionCode: e.regionCode, name: e.name, address: e.address, enterpriseId: e.id };
    }
    if (round.status !== 'open') throw roundNotOpen(round);
    if (!(await repo.isTarget(db, campaign, pick))) throw outsideCampaign('objectId' in pick ? 'objectId' : 'enterpriseId');
    return { campaign, round, pick, target, items: checkItems(input, campaign.checklist) };
  }

  const roundNotOpen = (round: { ordinal: number; status: string }) =>
    errors.conflict(
      'campaignCheck.round_not_open',
      `第${round.ordinal}轮${round.status === 'planned' ? '未开始' : '已结束'}，不能记录检查`,
      [{ path: 'roundId', message: round.status === 'planned' ? '未开始' : '已结束' }],
    );

  async function preparePhotos(input: CampaignCheckInput, photos: CheckRecordForm['photos']) {
    const seqs = new Set(input.items.map((i) => i.seq));
    const out: Array<{ seq: number; main: Buffer; thumb: Buffer }> = [];
    for (const [i, p] of photos.entries()) {
      if (!seqs.has(p.seq)) throw invalid(`photo.${p.seq}`, `照片：第 ${p.seq} 项不在本记录的检查内容中`);
      try {
        out.push({ seq: p.seq, ...(await files.preparePhoto(p.bytes)) });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const message = `照片：第 ${p.seq} 项的第 ${i + 1} 张无法使用——${e.message}`;
        throw errors.badRequest(e.code, message, [{ path: `photo.${p.seq}`, message }]);
      }
    }
    return out;
  }

  type Resolved = Awaited<ReturnType<typeof resolve>>;

  async function write(
    tx: Tx,
    actor: Actor,
    input: CampaignCheckInput,
    r: Resolved,
    photos: Array<{ seq: number; stored: StoredPhoto }>,
    library: readonly CriteriaSet[],
  ): Promise<CampaignCheckSynced | { existing: NonNullable<Awaited<ReturnType<typeof repo.byClientId>>> }> {
    // The round's row lock: a check and the round's close are taken one after the other.
    const [locked] = await repo.rounds(tx, systemScope, { roundId: r.round.id, lock: true });
    if (!locked || locked.round.status !== 'open') throw roundNotOpen(locked?.round ?? r.round);
    const existing = await repo.byClientId(tx, input.clientId);
    if (existing) return { existing };
    const prior = await repo.checkOf(tx, r.round.id, r.pick);
    if (prior)
      throw errors.conflict(
        'campaignCheck.already_checked',
        `“${r.target.name}”第${r.round.ordinal}轮已由 ${prior.name} 于 ${chinaMinuteOf(prior.checkedAt)} 检查，无需重复提交`,
        [{ path: 'objectId' in r.pick ? 'objectId' : 'enterpriseId', message: '本轮已检查' }],
      );
    const checkedAt = new Date(input.checkedAt);
    const foundOn = [chinaDateOf(checkedAt), chinaToday(clock.now())].sort()[0] as string;
    const failed = r.items.filter((i) => i.result === 'fail');
    const row = await repo.insertCheck(tx, {
      campaignId: r.campaign.id,
      roundId: r.round.id,
      objectId: 'objectId' in r.pick ? r.pick.objectId : null,
      enterpriseId: 'enterpriseId' in r.pick ? r.pick.enterpriseId : null,
      regionCode: r.target.regionCode,
      clientId: input.clientId,
      checkedBy: actor.userId,
      checkerUnitId: actor.unitId,
      checkedAt,
      items: [],
      failed: failed.length,
      note: input.note ?? null,
      createdAt: clock.now(),
    });
    const hazardOf = new Map<string, number>();
    const place = `${r.target.name}${r.target.address ? `（${r.target.address}）` : ''}`;
    for (const item of failed) {
      const major = item.def.major;
      const common = {
        channel: 'campaign' as const,
        grade: major ? ('major' as const) : ('general' as const),
        category: 'thing' as const,
        title: item.def.text.slice(0, 60),
        description:
          `${r.campaign.title}第${r.round.ordinal}轮检查“${r.target.name}”，第 ${item.seq} 项不符合：${item.def.text}。${item.note ?? ''}`.slice(
            0,
            2000,
          ),
        location: place.slice(0, 100),
        photos: [],
        deadline: major || item.fixedOnSpot ? null : (item.deadline ?? addDays(foundOn, defaultCampaignFixDays)),
        fixedOnSpot: !major && item.fixedOnSpot,
        afterPhotos: [],
        // A criteria item is cited when it grades the failure 重大; a general hazard cites none (core checkGradingCitations).
        criteriaCodes: major && item.def.criteriaCode ? [item.def.criteriaCode] : [],
        foundOn,
      };
      const hazardId = await deps.hazards.hazards.createInTx(
        tx,
        actor,
        r.target.enterpriseId !== null
          ? { ...common, enterpriseId: r.target.enterpriseId }
          : { ...common, enterpriseId: null, place: { regionCode: r.target.regionCode, location: place } },
        { library },
      );
      hazardOf.set(item.key, hazardId);
    }
    await repo.linkHazards(
      tx,
      [...hazardOf].map(([itemKey, hazardId]) => ({
        hazardId,
        campaignId: r.campaign.id,
        roundId: r.round.id,
        checkId: row.id,
        itemKey,
        objectId: row.objectId,
        enterpriseId: row.enterpriseId,
        regionCode: row.regionCode,
      })),
    );
    // A 不符合's photos belong to its hazard (the same files, never a copy); the others to the check.
    const who = auditActorOf(actor);
    const fileIds = new Map<number, number[]>();
    const groups = new Map<string, typeof photos>();
    const keyOfSeq = new Map(r.items.map((i) => [i.seq, i.key]));
    for (const p of photos) {
      const hazardId = hazardOf.get(keyOfSeq.get(p.seq) ?? '');
      const key = hazardId ? `h${hazardId}` : 'c';
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const [key, group] of groups) {
      const owner = key === 'c' ? { type: campaignCheckFileOwner, id: row.id } : { type: 'hazard', id: Number(key.slice(1)) };
      const ids = await files.recordOwned(
        tx,
        who,
        group.map((g) => g.stored),
        { ...owner, names: (i) => `专项检查照片-第${group[i]?.seq ?? 0}项-${i + 1}.jpg` },
      );
      ids.forEach((id, i) => {
        const seq = group[i]?.seq ?? 0;
        fileIds.set(seq, [...(fileIds.get(seq) ?? []), id]);
      });
    }
    const items: CampaignCheckItemRow[] = r.items.map((i) => ({
      key: i.key,
      text: i.def.text,
      result: i.result,
      note: i.note ?? null,
      hazardId: hazardOf.get(i.key) ?? null,
      fileIds: fileIds.get(i.seq) ?? [],
    }));
    await repo.setItems(tx, row.id, items);
    await audit.record(tx, who, {
      entityType: 'campaignCheck',
      entityId: row.id,
      action: 'create',
      after: {
        clientId: row.clientId,
        campaignId: row.campaignId,
        round: r.round.ordinal,
        objectId: row.objectId,
        enterpriseId: row.enterpriseId,
        checkedAt: input.checkedAt,
        items: items.length,
        failed: failed.length,
        photos: photos.length,
        hazardIds: [...hazardOf.values()],
      },
    });
    return { clientId: row.clientId, checkId: row.id, status: 'created', hazardIds: [...hazardOf.values()] };
  }

  /**
   * Resolves and writes one check: the endpoint's path, and the one the demo seed takes (no photos). `photos` are
   * stored already; the caller discards them when this throws or finds the clientId taken.
   */
  async function recordCheck(actor: Actor, input: CampaignCheckInput, photos: Array<{ seq: number; stored: StoredPhoto }> = []) {
    const r = await resolve(actor, input);
    if (Date.parse(input.checkedAt) > clock.now().getTime() + CLOCK_SKEW_MS)
      throw invalid('checkedAt', '检查时间：不能晚于当前时间（请检查手机时间设置）');
    // Read before the transaction: the library reads through the pool (PGlite has one connection).
    const cites = r.items.some((i) => i.result === 'fail' && i.def.major && i.def.criteriaCode);
    const library = cites ? await deps.criteria.library() : [];
    const written = await auditedTransaction(db, (tx) => write(tx, actor, input, r, photos, library));
    return 'status' in written ? written : duplicateOf(actor, input, written.existing);
  }

  async function sync(actor: Actor, form: CheckRecordForm): Promise<CampaignCheckSynced> {
    const input = parseJsonField(form.record, campaignCheckInput, { field: 'check', label: '专项检查记录' });
    const known = await repo.byClientId(db, input.clientId);
    if (known) return duplicateOf(actor, input, known);
    // Everything that can be refused is refused before a photo is stored.
    await resolve(actor, input);
    const prepared = await preparePhotos(input, form.photos);
    const stored = await files.storePhotos(prepared);
    const photos = prepared.map((p, i) => ({ seq: p.seq, stored: stored[i] as StoredPhoto }));
    try {
      const out = await recordCheck(actor, input, photos);
      if (out.status === 'duplicate') await files.discard(stored);
      return out;
    } catch (err) {
      await files.discard(stored);
      const clash = uniqueViolation(err);
      if (clash === 'client') {
        const row = await repo.byClientId(db, input.clientId);
        if (row) return duplicateOf(actor, input, row);
      }
      if (clash === 'target')
        throw errors.conflict('campaignCheck.already_checked', '该对象本轮刚刚已由他人检查，无需重复提交', [
          { path: 'objectId', message: '本轮已检查' },
        ]);
      throw err;
    }
  }

  async function detail(actor: Actor, id: number): Promise<CampaignCheckDetail> {
    const d = await repo.detail(db, actor.scope, id);
    if (!d) throw errors.notFound('专项检查记录', 'campaignCheck.not_found');
    const c = d.check;
    return {
      id: c.id,
      campaignId: c.campaignId,
      campaignTitle: d.campaignTitle,
      roundOrdinal: d.roundOrdinal,
      objectId: c.objectId,
      enterpriseId: c.enterpriseId,
      targetName: d.objectName ?? d.enterpriseName ?? '',
      regionName: d.regionName ?? c.regionCode,
      checkedAt: c.checkedAt.toISOString(),
      syncedAt: c.createdAt.toISOString(),
      checkedByName: d.checkedByName,
      note: c.note,
      items: c.items.map((i) => ({
        key: i.key,
        text: i.text,
        result: i.result,
        note: i.note,
        hazardId: i.hazardId,
        photos: i.fileIds.map((fileId) => ({ fileId, url: `/api/v1/files/${fileId}` })),
      })),
    };
  }

  return { sync, recordCheck, detail };
}

export type CampaignCheckService = ReturnType<typeof createCampaignCheckService>;
