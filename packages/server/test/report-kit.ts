import { type ReportChannel, type ReportMatter, type ReportSource, type ReportStatus, trackingCodeAlphabet } from '@anzhi/core';
import type { Executor } from '../src/db/client.ts';
import type { IdentityCipher } from '../src/lib/identity-cipher.ts';
import type { EnterpriseRow } from '../src/modules/enterprises/enterprise.repo.ts';
import { reports } from '../src/modules/reports/report.table.ts';
import { multipartForm } from './multipart.ts';

/**
 * A report written straight into the database, as the intake would leave it (identity encrypted with the module's
 * cipher: `t.services.reportModule.identity`). For tests of the parts that read reports the intake wrote, and for the
 * role matrix. The intake's own tests go through `POST /api/v1/public/reports`.
 */
let serial = 0;

export type ReportRow = typeof reports.$inferSelect;

export async function makeReport(
  ex: Executor,
  identity: IdentityCipher,
  opts: {
    enterprise?: EnterpriseRow;
    regionCode?: string;
    description?: string;
    status?: ReportStatus;
    channel?: ReportChannel;
    source?: ReportSource;
    matter?: ReportMatter;
    assignedUnitId?: number | null;
    receivedAt?: Date;
    acceptedOn?: string | null;
    dueOn?: string | null;
    decidedOn?: string | null;
    reporterName?: string;
    reporterPhone?: string;
    hazardId?: number | null;
    duplicateOfId?: number | null;
    trackingCode?: string;
    /** The reporter's secret (default `secret-N`); stored as the cipher's digest, as the intake does. */
    secret?: string;
  } = {},
): Promise<ReportRow> {
  serial++;
  const regionCode = opts.regionCode ?? opts.enterprise?.regionCode;
  if (!regionCode) throw new Error('makeReport: give an enterprise or a regionCode');
  const [row] = await ex
    .insert(reports)
    .values({
      trackingCode: opts.trackingCode ?? kitTrackingCode(),
      secretHash: identity.digest('secret', opts.secret ?? `secret-${serial}`),
      channel: opts.channel ?? 'public',
      source: opts.source ?? 'online',
      matter: opts.matter ?? 'hazard',
      description: opts.description ?? `举报内容 ${serial}：车间消防通道堵塞，灭火器过期`,
      enterpriseId: opts.enterprise?.id ?? null,
      regionCode,
      industryCode: opts.enterprise?.industryCode ?? null,
      domains: opts.enterprise?.domains ?? [],
      assignedUnitId: opts.assignedUnitId === undefined ? (opts.enterprise?.supervisingUnitId ?? null) : opts.assignedUnitId,
      status: opts.status ?? 'received',
      receivedAt: opts.receivedAt ?? new Date('2026-02-20T02:00:00Z'),
      acceptedOn: opts.acceptedOn ?? null,
      dueOn: opts.dueOn ?? null,
      decidedOn: opts.decidedOn ?? null,
      reporterNameEnc: opts.reporterName ? identity.encrypt(opts.reporterName) : null,
      reporterPhoneEnc: opts.reporterPhone ? identity.encrypt(opts.reporterPhone) : null,
      named: Boolean(opts.reporterName || opts.reporterPhone),
      hazardId: opts.hazardId ?? null,
      duplicateOfId: opts.duplicateOfId ?? null,
    })
    .returning();
  if (!row) throw new Error('makeReport: no row');
  return row;
}

export function kitTrackingCode(): string {
  let code = 'JB';
  for (let i = 0; i < 10; i++) code += trackingCodeAlphabet[Math.floor(Math.random() * trackingCodeAlphabet.length)];
  return code;
}

/** The public form posted as the phone page posts it (fields, photos), from an address and a device of the test's choosing. */
export function publicReportRequest(
  fields: Record<string, string>,
  photos: Buffer[] = [],
  client: { ip?: string; device?: string } = {},
): import('fastify').InjectOptions {
  const form = multipartForm(
    fields,
    photos.map((content, i) => ({ field: 'photos', name: `IMG_${i + 1}.jpg`, content })),
  );
  return {
    method: 'POST',
    url: '/api/v1/public/reports',
    payload: form.payload,
    headers: { ...form.headers, ...(client.device ? { 'x-report-device': client.device } : {}) },
    remoteAddress: client.ip ?? '203.0.113.1',
  };
}

/** The answer to the public form's question (“7 加 5 等于几？”). */
export function answerChallenge(question: string): string {
  const m = /^(\d+) (加|减) (\d+) 等于几？$/.exec(question);
  if (!m) throw new Error(`not a challenge question: ${question}`);
  return String(m[2] === '加' ? Number(m[1]) + Number(m[3]) : Number(m[1]) - Number(m[3]));
}
