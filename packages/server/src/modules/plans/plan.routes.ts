// Import and review: upload or paste a plan, confirm its tree and unit mappings, publish; re-import a revised text.
import {
  idParam,
  okBody,
  type PlanImportText,
  planDraft,
  planDraftPatch,
  planImportQuery,
  planImportText,
  planReimportQuery,
  planReimportResult,
  planSettingsPatch,
  planSummary,
  planVersionBody,
  planVersionQuery,
} from '@anzhi/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, errors } from '../../lib/errors.ts';
import { readUpload } from '../../lib/multipart-upload.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { PlanDraftService } from './plan-draft.service.ts';
import type { PlanInput } from './plan-import.ts';
import { PLAN_MAX_BYTES } from './plan-input.reader.ts';
import type { createPlanReimport } from './plan-reimport.ts';

const tags = ['方案任务'];
const INPUT_DOC =
  'multipart/form-data 的字段 `file`（.docx / .txt / .md，≤ 50 MB，按内容识别类型；PDF、图片、旧版 .doc 会被拒绝并说明原因），' +
  '或 JSON `{text, fileName}`（粘贴的正文）。';
// Described for the OpenAPI document; a multipart request is read by the handler itself.
const inputBody = planImportText.nullish().meta({ description: INPUT_DOC });

/** The uploaded file or the pasted text, as bytes for the shared reader. */
async function planInputOf(request: FastifyRequest, body: PlanImportText | null | undefined): Promise<PlanInput> {
  const missing = () => errors.badRequest('plan.no_file', '请选择要导入的方案文件（表单字段 file），或粘贴方案正文');
  if (!request.isMultipart()) {
    if (!body) throw missing();
    return { bytes: Buffer.from(body.text, 'utf8'), fileName: body.fileName };
  }
  const { bytes, fileName } = await readUpload(request, {
    missing,
    tooLarge: () => new AppError(413, 'plan.file_too_large', '文件超过 50 MB 上限，无法解析。请删除文中图片或拆分文件后再试'),
  });
  return { bytes, fileName: fileName || '方案' };
}

export async function registerPlanRoutes(
  app: FastifyInstance,
  deps: { drafts: PlanDraftService; reimport: ReturnType<typeof createPlanReimport>['reimport'] },
) {
  const { drafts } = deps;

  // Multipart only in this scope; JSON (pasted text) up to a few MB.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: PLAN_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
    const s = scope.withTypeProvider<ZodTypeProvider>();
    s.post(
      '/api/v1/plans/import',
      {
        config: { access: 'plan.manage' },
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags,
          summary: '导入方案（生成待审核的方案：任务树与责任单位对应建议）',
          description: `${INPUT_DOC}文件不是方案（无编号任务）时返回 400，不保存任何内容。`,
          consumes: ['multipart/form-data', 'application/json'],
          querystring: planImportQuery,
          body: inputBody,
          response: { 201: planDraft },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await drafts.importPlan(requireActor(request), await planInputOf(request, request.body), request.query.regionCode)),
    );
    s.post(
      '/api/v1/plans/:id/reimport',
      {
        config: { access: 'plan.manage' },
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags,
          summary: '重新导入修订后的方案：apply=false 预览差异（新增/删除/修改的任务），apply=true&version= 应用',
          description: `${INPUT_DOC}应用时保留仍存在的任务及其调度记录；已删除的任务保留历史。`,
          consumes: ['multipart/form-data', 'application/json'],
          params: idParam,
          querystring: planReimportQuery,
          body: inputBody,
          response: { 200: planReimportResult },
        },
      },
      async (request) =>
        deps.reimport(requireActor(request), request.params.id, await planInputOf(request, request.body), {
          apply: request.query.apply,
          version: request.query.version,
        }),
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/plans/:id/draft',
    {
      config: { access: 'plan.manage' },
      schema: { tags, summary: '方案审核视图：原文、任务树、单位对应与建议、待确认事项', params: idParam, response: { 200: planDraft } },
    },
    async (request) => drafts.getDraft(requireActor(request), request.params.id),
  );
  r.patch(
    '/api/v1/plans/:id/draft',
    {
      config: { access: 'plan.manage' },
      schema: {
        tags,
        summary: '修改方案：标题等字段、单位对应、任务（标题、责任单位、时限）、删除任务（带 version）',
        params: idParam,
        body: planDraftPatch,
        response: { 200: planDraft },
      },
    },
    async (request) => drafts.patchDraft(requireActor(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/plans/:id',
    {
      config: { access: 'plan.manage' },
      schema: { tags, summary: '删除未发布的方案', params: idParam, querystring: planVersionQuery, response: { 200: okBody } },
    },
    async (request) => {
      await drafts.remove(requireActor(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/plans/:id/publish',
    {
      config: { access: 'plan.manage' },
      schema: {
        tags,
        summary: '发布方案（所有单位名称确认后），通知各责任单位',
        params: idParam,
        body: planVersionBody,
        response: { 200: planSummary },
      },
    },
    async (request) => drafts.publish(requireActor(request), request.params.id, request.body.version),
  );
  r.patch(
    '/api/v1/plans/:id/settings',
    {
      config: { access: 'plan.manage' },
      schema: {
        tags,
        summary: '调度与五色图设置：报送日、提前提醒天数、计分权重与分档',
        params: idParam,
        body: planSettingsPatch,
        response: { 200: planSummary },
      },
    },
    async (request) => drafts.updateSettings(requireActor(request), request.params.id, request.body),
  );
}
