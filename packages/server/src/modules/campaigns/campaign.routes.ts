import {
  campaignDetail,
  campaignInput,
  campaignListQuery,
  campaignObjectPage,
  campaignObjectQuery,
  campaignPage,
  campaignProgress,
  campaignRoundParams,
  campaignUpdate,
  idParam,
  roundCloseBody,
  roundOpenBody,
} from '@anzhi/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import { attachment } from '../enterprises/enterprise-export.ts';
import { fileTitle } from '../plans/plan-outputs.service.ts';
import type { CampaignService } from './campaign.service.ts';
import { statisticsXlsx, summaryDocx } from './campaign-export.ts';
import type { CampaignProgressService } from './campaign-progress.service.ts';

const tags = ['专项整治'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendFile(reply: FastifyReply, mime: string, buffer: Buffer, fileName: string, ascii: string) {
  return reply.header('content-type', mime).header('content-disposition', attachment(fileName, ascii)).send(buffer);
}

export function registerCampaignRoutes(app: FastifyInstance, deps: { campaigns: CampaignService; progress: CampaignProgressService }) {
  const { campaigns, progress } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/campaigns',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags,
        summary: '专项整治列表：名称、范围、轮次、当前轮应检查/已检查、隐患数和已销号数',
        querystring: campaignListQuery,
        response: { 200: campaignPage },
      },
    },
    async (request) => campaigns.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/campaigns',
    {
      config: { access: 'campaign.manage' },
      schema: {
        tags,
        summary: '新建专项整治：依据、关联方案任务、检查范围（企业名录筛选或专项台账）、检查内容、责任单位和轮次',
        body: campaignInput,
        response: { 201: campaignDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await campaigns.create(requireActor(request), request.body)),
  );
  r.get(
    '/api/v1/campaigns/:id',
    {
      config: { access: 'campaign.read' },
      schema: { tags, summary: '专项整治详情', params: idParam, response: { 200: campaignDetail } },
    },
    async (request) => campaigns.get(requireActor(request), request.params.id),
  );
  r.put(
    '/api/v1/campaigns/:id',
    {
      config: { access: 'campaign.manage' },
      schema: {
        tags,
        summary: '修改专项整治（首轮开始后检查范围和检查项不能增删）',
        params: idParam,
        body: campaignUpdate,
        response: { 200: campaignDetail },
      },
    },
    async (request) => campaigns.update(requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/campaigns/:id/rounds/:ordinal/open',
    {
      config: { access: 'campaign.manage' },
      schema: {
        tags,
        summary: '开始一轮检查（按顺序；上一轮未结束时须说明提前开始的原因）',
        params: campaignRoundParams,
        body: roundOpenBody,
        response: { 200: campaignDetail },
      },
    },
    async (request) => campaigns.openRound(requireActor(request), request.params.id, request.params.ordinal, request.body.reason),
  );
  r.post(
    '/api/v1/campaigns/:id/rounds/:ordinal/close',
    {
      config: { access: 'campaign.manage' },
      schema: {
        tags,
        summary: '结束一轮检查（最后一轮结束时专项整治结束）',
        params: campaignRoundParams,
        body: roundCloseBody,
        response: { 200: campaignDetail },
      },
    },
    async (request) => campaigns.closeRound(requireActor(request), request.params.id, request.params.ordinal, request.body.note),
  );
  r.post(
    '/api/v1/campaigns/:id/close',
    {
      config: { access: 'campaign.manage' },
      schema: { tags, summary: '结束专项整治（进行中的轮次一并结束）', params: idParam, response: { 200: campaignDetail } },
    },
    async (request) => campaigns.close(requireActor(request), request.params.id),
  );
  r.get(
    '/api/v1/campaigns/:id/progress',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags,
        summary: '专项整治进度：每轮按村、按单位的覆盖、发现问题、隐患和销号，从未检查到的对象，报送方案任务的数字',
        params: idParam,
        response: { 200: campaignProgress },
      },
    },
    async (request) => progress.progress(requireActor(request), request.params.id),
  );
  r.get(
    '/api/v1/campaigns/:id/objects',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags,
        summary: '进度数字背后的对象清单：按轮次、状态（应检查/已检查/未检查/发现问题/已销号）、村、单位，或从未检查到的',
        params: idParam,
        querystring: campaignObjectQuery,
        response: { 200: campaignObjectPage },
      },
    },
    async (request) => progress.objects(requireActor(request), request.params.id, request.query),
  );
  r.get(
    '/api/v1/campaigns/:id/summary.docx',
    {
      config: { access: 'campaign.read' },
      schema: { tags, summary: '专项整治工作开展情况的报告 .docx（基本情况、工作开展情况、存在的问题、下一步工作）', params: idParam },
    },
    async (request, reply) => {
      const report = await progress.report(requireActor(request), request.params.id);
      const c = report.campaign;
      return sendFile(
        reply,
        DOCX,
        await summaryDocx(report),
        `${fileTitle(c.title)}-情况报告.docx`,
        `campaign-${c.id}-summary-${report.today}.docx`,
      );
    },
  );
  r.get(
    '/api/v1/campaigns/:id/table.xlsx',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags,
        summary: '专项整治统计表 .xlsx（按村每轮应检查、已检查、覆盖率、发现问题、隐患、销号，合计；对象明细）',
        params: idParam,
      },
    },
    async (request, reply) => {
      const report = await progress.report(requireActor(request), request.params.id);
      const c = report.campaign;
      return sendFile(
        reply,
        XLSX,
        await statisticsXlsx(report),
        `${fileTitle(c.title)}-统计表.xlsx`,
        `campaign-${c.id}-table-${report.today}.xlsx`,
      );
    },
  );
}
