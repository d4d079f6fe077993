import { importResult, ledgerImportQuery, ledgerLabelsQuery } from '@anzhi/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errors } from '../../lib/errors.ts';
import { readUpload } from '../../lib/multipart-upload.ts';
import { requireActor } from '../../plugins/auth.ts';
import { attachment } from '../enterprises/enterprise-export.ts';
import type { LedgerIoService } from './ledger-io.service.ts';

const tags = ['专项台账'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_BYTES = 10 * 1024 * 1024;
// Described for the OpenAPI document only: the multipart stream is read by the handler.
const importBody = z.object({ file: z.string().optional().meta({ format: 'binary', description: '.xlsx 文件，≤ 10 MB' }) }).nullish();
const exportQuery = z.object({ typeId: ledgerImportQuery.shape.typeId });

/** 专项台账 as Excel (export in the import's layout; import all rows or none) and sheets of QR labels. */
export async function registerLedgerIoRoutes(app: FastifyInstance, deps: { io: LedgerIoService; publicUrl?: string }) {
  const { io } = deps;
  const origin = (request: FastifyRequest) => deps.publicUrl ?? `${request.protocol}://${request.headers.host}`;

  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/ledger-objects/import',
      {
        config: { access: 'ledger.manage' },
        schema: {
          tags,
          summary: '从 Excel 导入台账对象（任一行有错则全部不导入；dryRun=true 只预览）',
          description:
            'multipart/form-data，字段 `file` 为 .xlsx 文件（≤ 10 MB）。按表头识别列（名称、所属企业或所在村（社区）、地址及类型的各字段），' +
            '按名称和所属企业或所在村识别已登记对象，重复导入不会重复登记。',
          consumes: ['multipart/form-data'],
          querystring: ledgerImportQuery,
          body: importBody,
          response: { 200: importResult },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { bytes, fileName } = await readUpload(request, {
          missing: () => errors.badRequest('ledger.import_no_file', '请选择要导入的 Excel 文件（表单字段 file）'),
          tooLarge: () => new AppError(413, 'ledger.import_too_large', '文件超过 10 MB，请删去无关的工作表和图片，或拆成几个文件分批导入'),
        });
        return io.importer.importSheet(actor, request.query.typeId, bytes, { dryRun: request.query.dryRun === 'true', fileName });
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/ledger-objects/export.xlsx',
    {
      config: { access: 'ledger.read' },
      schema: { tags, summary: '导出一类台账对象（.xlsx，版式同导入）', querystring: exportQuery, produces: [XLSX] },
    },
    async (request, reply) => {
      const { fileName, buffer } = await io.exportXlsx(requireActor(request), request.query.typeId);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(fileName, 'ledger.xlsx')).send(buffer);
    },
  );
  r.get(
    '/api/v1/ledger-objects/labels.docx',
    {
      config: { access: 'ledger.read' },
      schema: {
        tags,
        summary: '打印台账对象二维码标签（A4，每页 8 个；所选对象或一类的全部在册对象，最多 500 个）',
        querystring: ledgerLabelsQuery,
        produces: [DOCX],
      },
    },
    async (request, reply) => {
      const base = origin(request);
      const { fileName, buffer } = await io.labelsDocx(requireActor(request), request.query, (code) => `${base}/o/${code}`);
      return reply.header('content-type', DOCX).header('content-disposition', attachment(fileName, 'labels.docx')).send(buffer);
    },
  );
}
