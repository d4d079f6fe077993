import { enterpriseImportQuery, enterpriseListQuery, importResult } from '@anzhi/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { readUpload } from '../../lib/multipart-upload.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { attachment, createEnterpriseExport } from './enterprise-export.ts';
import { createEnterpriseImportService } from './enterprise-import.service.ts';

const tags = ['企业台账'];
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Described for the OpenAPI document only: the multipart stream is read by the handler, not parsed into a body.
const importBody = z.object({ file: z.string().meta({ format: 'binary', description: '.xlsx 文件，≤ 20 MB' }) }).nullish();
const exportQuery = enterpriseListQuery.omit({ page: true, pageSize: true, sort: true });

/** The uploaded workbook: the multipart field `file`, at most 20 MB. */
async function uploadedFile(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  const { bytes, fileName } = await readUpload(request, {
    missing: () => errors.badRequest('enterprise.import_no_file', '请选择要导入的 Excel 文件（表单字段 file）'),
    tooLarge: () => new AppError(413, 'enterprise.import_too_large', '文件超过 20 MB。请删去无关的工作表和图片，或拆成几个文件分批导入'),
  });
  return { buffer: bytes, fileName };
}

/** Excel import and export of the enterprise registry, with the import template. */
export async function registerEnterpriseIoModule(
  app: FastifyInstance,
  deps: {
    db: Db;
    /** Exports read here: the replica when in use (ADR 0017). */
    readDb: Db;
    clock: Clock;
    audit: AuditService;
  },
) {
  const importer = createEnterpriseImportService(deps);
  const exporter = createEnterpriseExport({ db: deps.readDb, clock: deps.clock });

  // Multipart only here, in its own scope: the rest of the API takes JSON.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/enterprises/import',
      {
        config: { access: 'enterprise.import' },
        schema: {
          tags,
          summary: '从 Excel（.xlsx）导入企业台账',
          description:
            'multipart/form-data，字段 `file` 为 .xlsx 文件（≤ 20 MB）。按表头名称识别列（含常见别名），逐行报告错误（行号为 Excel 中的行号），' +
            '其余行在一个事务中导入；按统一社会信用代码（无代码时按名称+地址）识别已登记企业，重复导入不会重复登记。`dryRun=true` 只预览。',
          consumes: ['multipart/form-data'],
          querystring: enterpriseImportQuery,
          body: importBody,
          response: { 200: importResult },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { buffer, fileName } = await uploadedFile(request);
        return importer.importEnterprises(actor, buffer, { dryRun: request.query.dryRun === 'true', fileName });
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/enterprises/export',
    {
      config: { access: 'enterprise.read' },
      schema: {
        tags,
        summary: '导出企业台账（.xlsx，筛选条件同列表，列名与导入相同）',
        querystring: exportQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const stream = await exporter.workbook(requireActor(request), request.query);
      const name = `企业台账-${exporter.fileDate()}.xlsx`;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(name, `enterprises-${exporter.fileDate()}.xlsx`))
        .send(stream);
    },
  );
  r.get(
    '/api/v1/enterprises/import-template',
    {
      config: { access: 'enterprise.import' },
      schema: { tags, summary: '企业台账导入模板（.xlsx，含示例行和填写说明）', produces: [XLSX] },
    },
    async (request, reply) => {
      const buffer = await exporter.template(requireActor(request));
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('企业台账导入模板.xlsx', 'enterprise-template.xlsx'))
        .send(buffer);
    },
  );
}
