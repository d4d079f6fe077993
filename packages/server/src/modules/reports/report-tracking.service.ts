import crypto from 'node:crypto';
import {
  grantedRewardStatuses,
  openReportStatuses,
  type PublicReportEnterprise,
  type PublicReportStatus,
  reportPublicStatusLabels,
  reportSettings,
  rewardStatusLabels,
} from '@anzhi/core';
import { auditActorOf } from '../../lib/actor.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { loadSettingsBook } from '../settings/settings.resolver.ts';
import type { ReportDeps } from './report.module.ts';
import { type IntakeEnterprise, reportIntakeRepo as repo } from './report-intake.repo.ts';
import { lastHour, reportThrottleRepo, throttleBuckets } from './report-throttle.ts';

type Found = NonNullable<Awaited<ReturnType<typeof repo.byTrackingCode>>>;

/** The same answer for an unknown code and a wrong secret: a code's existence is never revealed. */
const notFound = () => new AppError(404, 'report.not_found', '查询码或查询密码不正确');

const sameDigest = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

const publicEnterprise = (e: IntakeEnterprise): PublicReportEnterprise => ({
  name: e.name,
  regionName: e.regionName,
  publicCode: e.publicCode,
});

/**
 * What the reporter does later with the tracking code and secret (issue 15, part A): read the status and the messages
 * meant for them, and answer the office. Wrong secrets are counted per address and per code (keyed digests only) and
 * limited by the township's `report.limits.wrongSecretsPerHour` (the defaults while the code is unknown).
 */
export function createReportTrackingService(deps: ReportDeps) {
  const { db, clock, identity, audit } = deps;

  async function authorised(trackingCode: string, secret: string | undefined, ip: string): Promise<Found> {
    const found = await repo.byTrackingCode(db, trackingCode);
    const limit = found
      ? (await loadSettingsBook(db)).forRegion(found.report.regionCode).report.limits.wrongSecretsPerHour
      : reportSettings.defaults.limits.wrongSecretsPerHour;
    const buckets = [
      throttleBuckets.secretAddress(identity.digest('address', ip)),
      throttleBuckets.secretCode(identity.digest('tracking', trackingCode)),
    ];
    const since = lastHour(clock.now());
    for (const bucket of buckets) {
      if ((await reportThrottleRepo.count(db, bucket, since)) >= limit) {
        throw new AppError(429, 'report.too_many_attempts', '查询密码错误次数过多，请一小时后再试');
      }
    }
    // The digest is computed whether or not the code exists, so the time taken says nothing either.
    const given = identity.digest('secret', secret ?? '');
    if (found && secret && sameDigest(given, found.report.secretHash)) return found;
    await db.transaction((tx) => reportThrottleRepo.add(tx, buckets, clock.now()));
    throw notFound();
  }

  async function view(found: Found): Promise<PublicReportStatus> {
    const r = found.report;
    const [messages, reward] = await Promise.all([repo.messages(db, r.id), repo.reward(db, r.id)]);
    const open = openReportStatuses.includes(r.status);
    const lastQuestion = messages.findLastIndex((m) => m.kind === 'question' && !m.fromReporter);
    const answered = lastQuestion >= 0 && messages.slice(lastQuestion + 1).some((m) => m.fromReporter);
    return {
      trackingCode: r.trackingCode,
      status: r.status,
      statusLabel: reportPublicStatusLabels[r.status],
      internal: r.channel === 'internal',
      receivedAt: r.receivedAt.toISOString(),
      acceptedOn: r.acceptedOn,
      dueOn: r.dueOn,
      extendedDays: r.extendedDays,
      extensionReason: r.extensionReason,
      decidedOn: r.decidedOn,
      enterpriseName: found.registryName ?? r.enterpriseName,
      messages: messages.map((m) => ({ kind: m.kind, body: m.body, at: m.at.toISOString(), fromReporter: m.fromReporter })),
      canReply: open && lastQuestion >= 0 && !answered,
      reward: reward
        ? {
            status: reward.status,
            statusLabel: rewardStatusLabels[reward.status],
            amount: grantedRewardStatuses.includes(reward.status) ? reward.amount : null,
            claimDueOn: grantedRewardStatuses.includes(reward.status) ? reward.claimDueOn : null,
          }
        : null,
    };
  }

  return {
    async status(trackingCode: string, secret: string | undefined, ip: string): Promise<PublicReportStatus> {
      return view(await authorised(trackingCode, secret, ip));
    },

    /** The reporter answers (or adds to) their open report. */
    async reply(trackingCode: string, secret: string | undefined, ip: string, body: string): Promise<PublicReportStatus> {
      const found = await authorised(trackingCode, secret, ip);
      if (!openReportStatuses.includes(found.report.status)) {
        throw errors.conflict('report.closed', `该举报已${reportPublicStatusLabels[found.report.status]}，不能再补充答复`);
      }
      const at = clock.now();
      await auditedTransaction(db, async (tx) => {
        const reportId = found.report.id;
        await repo.addMessage(tx, { reportId, kind: 'answer', body, fromReporter: true, at });
        await repo.addEvent(tx, { reportId, kind: 'messaged', data: { kind: 'answer', fromReporter: true }, at });
        await repo.touch(tx, reportId, at);
        await audit.record(tx, auditActorOf(null, null), {
          entityType: 'report',
          entityId: reportId,
          action: 'reporterReply',
          after: { kind: 'answer', length: body.length },
        });
      });
      return view(found);
    },

    async enterprise(publicCode: string): Promise<PublicReportEnterprise> {
      const e = await repo.enterpriseBy(db, { publicCode });
      if (!e) throw new AppError(404, 'report.enterprise_not_found', '未找到该企业（二维码可能已失效），请搜索企业名称或描述地点');
      return publicEnterprise(e);
    },

    async searchEnterprises(q: string): Promise<PublicReportEnterprise[]> {
      return (await repo.searchEnterprises(db, q)).map(publicEnterprise);
    },

    async regions() {
      return repo.villages(db);
    },
  };
}

export type ReportTrackingService = ReturnType<typeof createReportTrackingService>;
