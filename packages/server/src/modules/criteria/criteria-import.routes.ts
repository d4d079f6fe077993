import { criteriaImportQuery, criteriaImportReport, criteriaSheetFieldNames } from '@anzhi/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errors } from '../../lib/errors.ts';
import { readUpload } from '../../lib/multipart-upload.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { CriteriaService } from './criteria.service.ts';
import type { SheetFields } from './criteria-sheet.reader.ts';

export const CRITERIA_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const tags = ['判定标准'];

// Described for the OpenAPI document only: the handler reads the multipart stream itself.
const importBody = z
  .object({
    file: z.string().meta({ format: 'binary', description: '.json 或 .xlsx 文件，≤ 10 MB（按内容识别，不看扩展名）' }),
    ...Object.fromEntries(criteriaSheetFieldNames.map((n) => [n, z.string().optional()])),
  })
  .nullish();

/** The multipart field `file` and the text fields beside it (the set's own fields of an .xlsx import). */
async function readImportUpload(request: FastifyRequest): Promise<{ buffer: Buffer; fields: SheetFields }> {
  const missing = () => errors.badRequest('criteria.import_no_file', '请选择要导入的 .json 或 .xlsx 文件（表单字段 file）');
  const upload = await readUpload(request, {
    missing,
    tooLarge: () => new AppError(413, 'criteria.import_too_large', '文件超过 10 MB：一个判定标准的文件不会这么大，请检查是否选错了文件'),
  });
  if (!upload.bytes.length) throw missing();
  return { buffer: upload.bytes, fields: upload.fields };
}

/** Import in its own scope: only this route takes multipart, the rest of the API takes JSON. */
export async function registerCriteriaImportRoute(app: FastifyInstance, deps: { criteria: CriteriaService }) {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: CRITERIA_IMPORT_MAX_BYTES, files: 1, fields: 40, fieldSize: 64 * 1024, parts: 41 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/criteria-sets/import',
      {
        config: { access: 'criteria.manage' },
        schema: {
          tags,
          summary: '导入判定标准（新标准或新版本，.json 或 .xlsx）',
          description:
            'multipart/form-data：字段 `file` 为 .json（整套标准，格式同存储格式，行业领域可写中文）或 .xlsx（每行一条条款）；' +
            '.xlsx 时标准本身的信息（id、title、issuer、docNumber、effective、status、sources、replaces 等）以同名文本字段提交。' +
            '`dryRun=true` 只检查并预览，返回标准概要和错误（行号、列、原因）；有错误时不会写入任何内容。' +
            '替换库中已有编号的标准须 `overwrite=true`。',
          consumes: ['multipart/form-data'],
          querystring: criteriaImportQuery,
          body: importBody,
          response: { 200: criteriaImportReport },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { buffer, fields } = await readImportUpload(request);
        return deps.criteria.importFile(actor, buffer, fields, {
          dryRun: request.query.dryRun === 'true',
          overwrite: request.query.overwrite === 'true',
        });
      },
    );
  });
}
