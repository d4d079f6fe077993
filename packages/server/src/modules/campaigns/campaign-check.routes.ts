import {
  campaignCheckDetail,
  campaignCheckSynced,
  campaignFieldList,
  campaignFieldTargetCap,
  campaignLabelList,
  checkPhotoMax,
  checkPhotoMaxBytes,
  checkPhotoTotalMax,
  idParam,
  labelCodeParam,
} from '@anzhi/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../plugins/auth.ts';
import { checkRecordBodyLimit, checkRecordFormLimits, readCheckRecordForm } from '../dual/check-record.form.ts';
import type { CampaignCheckService } from './campaign-check.service.ts';
import type { CampaignFieldService } from './campaign-field.service.ts';

const tags = ['专项整治'];
const MAX_MB = checkPhotoMaxBytes / 1024 / 1024;
// Described for the OpenAPI document only: the multipart stream is read by the handler.
const formDoc = z
  .object({ check: z.string() })
  .catchall(z.string().meta({ format: 'binary' }))
  .nullish();

/** The phone's field work: the work list (all open rounds, or one QR label's), the check sync, a check's detail. */
export async function registerCampaignCheckRoutes(
  app: FastifyInstance,
  deps: { checks: CampaignCheckService; field: CampaignFieldService },
) {
  const { checks, field } = deps;
  await app.register(async (scope) => {
    // The dual-prevention phone's limits: the same photos, the same parser budget.
    await scope.register(multipart, { limits: checkRecordFormLimits });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/campaign-checks',
      {
        config: { access: 'campaign.check' },
        bodyLimit: checkRecordBodyLimit,
        schema: {
          tags,
          summary: '同步一条专项检查记录（手机离线记录后重试同一 clientId 只记一次）',
          description:
            'multipart/form-data：字段 `check` 为记录 JSON（campaignCheckInput），照片放在字段 `photo.<检查项序号>`' +
            `（每项最多 ${checkPhotoMax} 张、全记录最多 ${checkPhotoTotalMax} 张，每张 ≤ ${MAX_MB} MB，按内容识别）。` +
            '每个“不符合”项登记为一条专项检查隐患。首次记录返回 201 status=created；同一账号重试返回 200 status=duplicate 和首次结果；' +
            '轮次未开始或已结束、本轮已检查、记录标识已被他人使用返回 409；对象不在专项范围内返回 400。',
          consumes: ['multipart/form-data'],
          body: formDoc,
          response: { 200: campaignCheckSynced, 201: campaignCheckSynced },
        },
      },
      async (request, reply) => {
        const form = await readCheckRecordForm(request, { field: 'check', what: '专项检查记录' });
        const out = await checks.sync(requireActor(request), form);
        return reply.status(out.status === 'created' ? 201 : 200).send(out);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/campaign-tasks',
    {
      config: { access: 'campaign.check' },
      schema: {
        tags,
        summary: `我的专项检查：进行中的轮次、检查内容和我范围内的检查对象（每轮最多 ${campaignFieldTargetCap} 个，手机离线缓存）`,
        response: { 200: campaignFieldList },
      },
    },
    async (request) => field.list(requireActor(request)),
  );
  r.get(
    '/api/v1/campaign-tasks/by-label/:code',
    {
      config: { access: 'campaign.check' },
      schema: {
        tags,
        summary: '扫码检查：标签对应的台账对象，以及覆盖它的进行中轮次',
        params: labelCodeParam,
        response: { 200: campaignLabelList },
      },
    },
    async (request) => field.byLabel(requireActor(request), request.params.code),
  );
  r.get(
    '/api/v1/campaign-checks/:id',
    {
      config: { access: 'campaign.read' },
      schema: { tags, summary: '专项检查记录详情（检查项、照片、形成的隐患）', params: idParam, response: { 200: campaignCheckDetail } },
    },
    async (request) => checks.detail(requireActor(request), request.params.id),
  );
}
