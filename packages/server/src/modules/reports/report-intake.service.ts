import {
  chooseDuplicateOf,
  labelOf,
  type PublicReportFields,
  type PublicReportReceipt,
  publicReportFieldLabels,
  publicReportFields,
  type ReportConfig,
} from '@anzhi/core';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import type { StoredPhoto } from '../files/file.service.ts';
import { loadSettingsBook } from '../settings/settings.resolver.ts';
import type { ReportDeps } from './report.module.ts';
import { reports } from './report.table.ts';
import type { ReportChallenges } from './report-challenge.ts';
import { isTrackingCodeClash, newReportSecret, newTrackingCode } from './report-codes.ts';
import type { ReportForm } from './report-intake.form.ts';
import { type IntakeEnterprise, reportIntakeRepo as repo } from './report-intake.repo.ts';
import { lastDay, lastHour, reportThrottleRepo, throttleBuckets } from './report-throttle.ts';

export const reportFileOwner = 'report';

/** A report's photos are seen by whoever may read the report: `report.read`, in scope (never an enterprise). */
export async function reportFileVisible(ex: Executor, actor: Actor, reportId: number): Promise<boolean> {
  if (!actor.permissions.includes('report.read')) return false;
  const [row] = await ex
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.id, reportId), scopeOn.reports(actor.scope)))
    .limit(1);
  return row !== undefined;
}
const DAY_MS = 86_400_000;

const formProblem = (path: string, message: string) => {
  const label = publicReportFieldLabels[path] ?? labelOf([path]);
  return errors.badRequest('validation_failed', `${label}：${message}`, [{ path, message: `${label}：${message}` }]);
};

/** The text fields checked with core's contract; every problem named by the field the reporter sees. */
function parseFields(raw: Record<string, string>): PublicReportFields {
  const parsed = publicReportFields.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string => typeof p === 'string');
    const name = path[path.length - 1] ?? '';
    return { path: path.join('.'), message: `${publicReportFieldLabels[name] ?? labelOf(path)}：${issue.message}` };
  });
  const message =
    details.length === 1 ? (details[0]?.message ?? '') : `表单有 ${details.length} 处错误：${details.map((d) => d.message).join('；')}`;
  throw errors.badRequest('validation_failed', message, details);
}

/**
 * The public intake (issue 15, part A): a report from the phone page, without an account. Checks the fields, finds
 * the enterprise or the village, applies the township's abuse limits (a question when hit, a hard cap beyond), checks
 * every photo by its bytes, and writes the report, its photos, its first event, a duplicate link and the audit event
 * in one transaction. The reporter's name and phone are encrypted before anything else sees them.
 */
export function createReportIntakeService(deps: ReportDeps & { challenges: ReportChallenges }) {
  const { db, clock, identity, files, audit, challenges } = deps;

  async function whereOf(f: PublicReportFields): Promise<{ regionCode: string; enterprise: IntakeEnterprise | null }> {
    if (f.enterprisePublicCode || f.enterpriseId) {
      const enterprise = await repo.enterpriseBy(
        db,
        f.enterprisePublicCode ? { publicCode: f.enterprisePublicCode } : { id: f.enterpriseId as number },
      );
      if (!enterprise) {
        throw f.enterprisePublicCode
          ? formProblem('enterprisePublicCode', '未找到该企业，请重新扫码或搜索企业名称')
          : formProblem('enterpriseId', '未找到该企业，请重新搜索企业名称');
      }
      return { regionCode: enterprise.regionCode, enterprise };
    }
    if (f.internal) throw formProblem('enterprisePublicCode', '内部举报须选择您所在的企业（扫企业公示牌二维码或搜索企业名称）');
    if (!f.regionCode) throw formProblem('regionCode', '未选择企业时，请选择问题所在的村（社区）');
    const [village] = await repo.villages(db, f.regionCode);
    if (!village) throw formProblem('regionCode', '不是本平台的村（社区），请从列表中选择');
    return { regionCode: village.code, enterprise: null };
  }

  /** Over the soft limits a question must be answered; over the hard cap nothing passes. */
  async function checkLimits(f: PublicReportFields, buckets: { address: string; device: string | null }, config: ReportConfig) {
    const now = clock.now();
    const limits = config.limits;
    const byAddress = await reportThrottleRepo.count(db, buckets.address, lastHour(now));
    if (byAddress >= limits.hardPerAddressPerHour) {
      throw new AppError(429, 'report.rate_limited', '提交过于频繁，请一小时后再试；紧急情况请拨打 12350 举报热线');
    }
    const byDevice = buckets.device ? await reportThrottleRepo.count(db, buckets.device, lastDay(now)) : 0;
    if (byAddress < limits.perAddressPerHour && byDevice < limits.perDevicePerDay) return;
    if (!f.challengeToken || !f.challengeAnswer) {
      throw new AppError(429, 'report.challenge_required', '提交较多，请先回答验证题后再提交', challenges.issue());
    }
    const answer = challenges.check(f.challengeToken, f.challengeAnswer);
    if (answer === 'expired') {
      throw new AppError(429, 'report.challenge_required', '验证题已过期，请回答新的验证题后再提交', challenges.issue());
    }
    if (answer === 'wrong') {
      const message = `${publicReportFieldLabels.challengeAnswer}：回答不正确，请回答新的验证题`;
      throw errors.badRequest('report.challenge_failed', message, [{ path: 'challengeAnswer', message, challenge: challenges.issue() }]);
    }
  }

  /** Every photo checked by its bytes before anything is stored; a bad one is named. */
  async function preparePhotos(photos: ReportForm['photos']) {
    const prepared: Array<{ main: Buffer; thumb: Buffer }> = [];
    for (const [i, p] of photos.entries()) {
      try {
        prepared.push(await files.preparePhoto(p.bytes));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const message = `照片：第 ${i + 1} 张${p.fileName ? `（${p.fileName.slice(0, 60)}）` : ''}无法使用——${e.message}`;
        throw errors.badRequest(e.code, message, [{ path: `photos.${i}`, message }]);
      }
    }
    return prepared;
  }

  async function record(
    f: PublicReportFields,
    where: { regionCode: string; enterprise: IntakeEnterprise | null },
    who: { address: string; device: string | null; addressDigest: string; deviceDigest: string | null },
    config: ReportConfig,
    stored: StoredPhoto[],
  ): Promise<PublicReportReceipt> {
    const receivedAt = clock.now();
    const secret = newReportSecret();
    const trackingCode = newTrackingCode();
    const { enterprise } = where;
    return auditedTransaction(db, async (tx) => {
      const candidates = await repo.duplicateCandidates(tx, {
        enterpriseId: enterprise?.id ?? null,
        regionCode: where.regionCode,
        from: new Date(receivedAt.getTime() - config.duplicateDays * DAY_MS),
        to: receivedAt,
      });
      const mine = {
        enterpriseId: enterprise?.id ?? null,
        regionCode: where.regionCode,
        place: f.place ?? null,
        description: f.description,
        receivedAt: receivedAt.toISOString(),
      };
      const duplicate = chooseDuplicateOf(
        mine,
        candidates.map((c) => ({ ...c, receivedAt: c.receivedAt.toISOString() })),
        config,
      );
      const row = await repo.insert(tx, {
        trackingCode,
        secretHash: identity.digest('secret', secret),
        channel: f.internal ? 'internal' : 'public',
        source: 'online',
        matter: f.matter ?? null,
        description: f.description,
        place: f.place ?? null,
        enterpriseId: enterprise?.id ?? null,
        enterpriseName: enterprise ? null : (f.enterpriseName ?? null),
        regionCode: where.regionCode,
        industryCode: enterprise?.industryCode ?? null,
        domains: enterprise?.domains ?? [],
        assignedUnitId: enterprise?.supervisingUnitId ?? null,
        status: 'received',
        receivedAt,
        duplicateOfId: duplicate?.id ?? null,
        reporterNameEnc: f.reporterName ? identity.encrypt(f.reporterName) : null,
        reporterPhoneEnc: f.reporterPhone ? identity.encrypt(f.reporterPhone) : null,
        named: Boolean(f.reporterName || f.reporterPhone),
        addressHash: who.addressDigest,
        deviceHash: who.deviceDigest,
      });
      // A public submission has no actor and records no address: a whistleblower's address identifies them.
      const actor = auditActorOf(null, null);
      await files.recordOwned(tx, actor, stored, { type: reportFileOwner, id: row.id, names: (i) => `举报照片${i + 1}.jpg` });
      await repo.addEvent(tx, {
        reportId: row.id,
        kind: 'received',
        data: { photos: stored.length, channel: row.channel },
        at: receivedAt,
      });
      if (duplicate) {
        await repo.addEvent(tx, {
          reportId: row.id,
          kind: 'merged',
          note: '内容与先前的举报相近，系统自动关联（可取消关联）',
          data: { duplicateOfId: duplicate.id, matchedId: duplicate.matchedId, similarity: duplicate.similarity, automatic: true },
          at: receivedAt,
        });
      }
      await reportThrottleRepo.add(tx, [who.address, ...(who.device ? [who.device] : [])], receivedAt);
      await audit.record(tx, actor, {
        entityType: 'report',
        entityId: row.id,
        action: 'submit',
        after: {
          trackingCode,
          channel: row.channel,
          regionCode: row.regionCode,
          enterpriseId: row.enterpriseId,
          named: row.named,
          photos: stored.length,
          duplicateOfId: row.duplicateOfId,
        },
      });
      return { trackingCode, secret, receivedAt: receivedAt.toISOString() };
    });
  }

  return {
    async submit(form: ReportForm, client: { ip: string; device: string | null }): Promise<PublicReportReceipt> {
      const f = parseFields(form.fields);
      const where = await whereOf(f);
      const config = (await loadSettingsBook(db)).forRegion(where.regionCode).report;
      const addressDigest = identity.digest('address', client.ip);
      const deviceDigest = client.device ? identity.digest('device', client.device) : null;
      const who = {
        addressDigest,
        deviceDigest,
        address: throttleBuckets.submitAddress(addressDigest),
        device: deviceDigest ? throttleBuckets.submitDevice(deviceDigest) : null,
      };
      await checkLimits(f, who, config);
      const stored = await files.storePhotos(await preparePhotos(form.photos));
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            return await record(f, where, who, config, stored);
          } catch (e) {
            if (attempt >= 3 || !isTrackingCodeClash(e)) throw e;
          }
        }
      } catch (e) {
        await files.discard(stored);
        throw e;
      }
    },
  };
}

export type ReportIntakeService = ReturnType<typeof createReportIntakeService>;
