// 举报 — public intake (issue 15, part A): the no-login API of the reporter's phone page.
import {
  publicReportDeviceHeaders,
  publicReportEnterprise,
  publicReportEnterpriseList,
  publicReportEnterpriseParam,
  publicReportEnterpriseQuery,
  publicReportReceipt,
  publicReportRegionList,
  publicReportReplyBody,
  publicReportSecretHeaders,
  publicReportStatus,
  reportDeviceHeader,
  reportPhotoMax,
  reportPhotoMaxBytes,
  reportSecretHeader,
  trackingCodeParam,
} from '@anzhi/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readReportForm, reportFormLimits } from './report-intake.form.ts';
import type { ReportIntakeService } from './report-intake.service.ts';
import type { ReportTrackingService } from './report-tracking.service.ts';

const tags = ['举报（公众）'];
const MAX_MB = reportPhotoMaxBytes / 1024 / 1024;

// Described for the OpenAPI document only: the multipart stream is read by the handler.
const formDoc = z
  .object({
    description: z.string(),
    place: z.string().optional(),
    regionCode: z.string().optional(),
    enterprisePublicCode: z.string().optional(),
    enterpriseId: z.string().optional(),
    enterpriseName: z.string().optional(),
    matter: z.string().optional(),
    reporterName: z.string().optional(),
    reporterPhone: z.string().optional(),
    internal: z.string().optional(),
    challengeToken: z.string().optional(),
    challengeAnswer: z.string().optional(),
    photos: z.array(z.string().meta({ format: 'binary' })).optional(),
  })
  .nullish();

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/**
 * The reporter's routes log warnings and errors only: Fastify's per-request lines carry the client address, and a
 * whistleblower's address, kept in a log file, would identify them (ADR 0024).
 */
const reportRouteLogLevel = 'warn';

export async function registerReportIntakeRoutes(
  app: FastifyInstance,
  deps: { intake: ReportIntakeService; tracking: ReportTrackingService },
) {
  const { intake, tracking } = deps;

  // Multipart only in this scope: the rest of the API takes JSON.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: reportFormLimits });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/public/reports',
      {
        config: { access: 'public' },
        logLevel: reportRouteLogLevel,
        bodyLimit: reportPhotoMax * reportPhotoMaxBytes + 1024 * 1024,
        schema: {
          tags,
          summary: '提交举报（无需登录；可匿名；内部吹哨人勾选 internal）',
          description:
            `multipart/form-data：文字字段见下；照片放在字段 \`photos\`（最多 ${reportPhotoMax} 张，每张 ≤ ${MAX_MB} MB，按内容识别，只收照片）。` +
            '须给出企业（enterprisePublicCode 或 enterpriseId）或所在村（社区）regionCode；内部举报须给出企业。' +
            `请求头 \`${reportDeviceHeader}\`：浏览器自己保存的随机设备标识（用于限制频率，只保存其摘要）。` +
            '提交过多时返回 429 report.challenge_required，details 为验证题 {token, question}，答题后带 challengeToken、challengeAnswer 重新提交。' +
            '返回查询码和查询密码（只显示这一次）。',
          consumes: ['multipart/form-data'],
          headers: publicReportDeviceHeaders,
          body: formDoc,
          response: { 201: publicReportReceipt },
        },
      },
      async (request, reply) => {
        const form = await readReportForm(request);
        const receipt = await intake.submit(form, { ip: request.ip, device: header(request, reportDeviceHeader) ?? null });
        return reply.status(201).send(receipt);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/public/reports/:trackingCode',
    {
      config: { access: 'public' },
      logLevel: reportRouteLogLevel,
      schema: {
        tags,
        summary: '查询举报办理情况（查询码 + 请求头 x-report-secret 查询密码）',
        description: '查询码或密码不正确时一律返回 404；同一网络地址或同一查询码每小时输错过多时返回 429。',
        params: trackingCodeParam,
        headers: publicReportSecretHeaders,
        response: { 200: publicReportStatus },
      },
    },
    async (request) => tracking.status(request.params.trackingCode, header(request, reportSecretHeader), request.ip),
  );
  r.post(
    '/api/v1/public/reports/:trackingCode/messages',
    {
      config: { access: 'public' },
      logLevel: reportRouteLogLevel,
      schema: {
        tags,
        summary: '举报人答复或补充（办理中的举报）',
        params: trackingCodeParam,
        headers: publicReportSecretHeaders,
        body: publicReportReplyBody,
        response: { 200: publicReportStatus },
      },
    },
    async (request) => tracking.reply(request.params.trackingCode, header(request, reportSecretHeader), request.ip, request.body.body),
  );
  r.get(
    '/api/v1/public/report-enterprises',
    {
      config: { access: 'public' },
      logLevel: reportRouteLogLevel,
      schema: {
        tags,
        summary: '举报时搜索企业（名称包含关键词，最多 10 家，只返回名称、所在地和公示码）',
        querystring: publicReportEnterpriseQuery,
        response: { 200: publicReportEnterpriseList },
      },
    },
    async (request) => tracking.searchEnterprises(request.query.q),
  );
  r.get(
    '/api/v1/public/report-enterprises/:publicCode',
    {
      config: { access: 'public' },
      logLevel: reportRouteLogLevel,
      schema: {
        tags,
        summary: '公示牌二维码对应的企业（名称、所在地、公示码）',
        params: publicReportEnterpriseParam,
        response: { 200: publicReportEnterprise },
      },
    },
    async (request) => tracking.enterprise(request.params.publicCode),
  );
  r.get(
    '/api/v1/public/report-regions',
    {
      config: { access: 'public' },
      logLevel: reportRouteLogLevel,
      schema: { tags, summary: '可选的村（社区）（不指明企业的举报）', response: { 200: publicReportRegionList } },
    },
    async () => tracking.regions(),
  );
}
