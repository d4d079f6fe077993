import { idParam, riskImportResult } from '@anzhi/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errors } from '../../lib/errors.ts';
import { readUpload } from '../../lib/multipart-upload.ts';
import { requireActor } from '../../plugins/auth.ts';
import { attachment } from '../enterprises/enterprise-export.ts';
import type { RiskChainService } from './risk-chain.service.ts';
import type { RiskImportService } from './risk-import.service.ts';
import { riskNationalWorkbook, riskSheetWorkbook } from './risk-xlsx.ts';

const tags = ['双重预防'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 10 * 1024 * 1024;
// Described for the OpenAPI document only: the multipart stream is read by the handler.
const importBody = z.object({ file: z.string().optional().meta({ format: 'binary', description: '.xlsx 文件，≤ 10 MB' }) }).nullish();

/** The risk chain as Excel: import (all rows or none), export in the import's layout, and the national interface layout. */
export async function registerRiskIoRoutes(app: FastifyInstance, deps: { risks: RiskChainService; importer: RiskImportService }) {
  const { risks, importer } = deps;

  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/enterprises/:id/risk-import',
      {
        config: { access: 'dual.manage' },
        schema: {
          tags,
          summary: '从 Excel 导入风险点、单元、事件、管控措施及排查任务（任一行有错则全部不导入）',
          consumes: ['multipart/form-data'],
          params: idParam,
          body: importBody,
          response: { 200: riskImportResult },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const enterprise = await risks.named(actor, request.params.id);
        const { bytes, fileName } = await readUpload(request, {
          missing: () => errors.badRequest('dual.risk_import_no_file', '请选择要导入的 Excel 文件（表单字段 file）'),
          tooLarge: () => new AppError(413, 'dual.risk_import_too_large', '文件超过 10 MB，请删去无关的工作表和图片后再导入'),
        });
        return importer.importSheet(actor, enterprise, bytes, fileName);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/enterprises/:id/risk-export',
    {
      config: { access: 'dual.read' },
      schema: { tags, summary: '导出风险分级管控清单（.xlsx，版式同导入）', params: idParam, produces: [XLSX] },
    },
    async (request, reply) => {
      const tree = await risks.tree(requireActor(request), request.params.id);
      const buffer = await riskSheetWorkbook(tree);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${tree.enterprise.name}-风险分级管控清单.xlsx`, 'risk-list.xlsx'))
        .send(buffer);
    },
  );
  r.get(
    '/api/v1/enterprises/:id/risk-national',
    {
      config: { access: 'dual.read' },
      schema: { tags, summary: '按国家双重预防数字化系统数据接入字段导出（.xlsx，五个工作表）', params: idParam, produces: [XLSX] },
    },
    async (request, reply) => {
      const { tree, creditCode } = await risks.exportSource(requireActor(request), request.params.id);
      const buffer = await riskNationalWorkbook(tree, creditCode);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${tree.enterprise.name}-双重预防数据接入.xlsx`, 'risk-national.xlsx'))
        .send(buffer);
    },
  );
}
