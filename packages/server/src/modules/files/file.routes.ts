import { FILE_MAX_BYTES, idParam, uploadedFile } from '@anzhi/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errors } from '../../lib/errors.ts';
import { readUpload } from '../../lib/multipart-upload.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { FileContent, FileService } from './file.service.ts';

const tags = ['文件'];
const MAX_MB = FILE_MAX_BYTES / 1024 / 1024;

// Described for the OpenAPI document only: the multipart stream is read by the handler, not parsed into a body.
const uploadBody = z
  .object({ file: z.string().meta({ format: 'binary', description: `照片（JPEG/PNG/WebP/HEIC）或 PDF，≤ ${MAX_MB} MB` }) })
  .nullish();

/** The multipart field `file`, at most 15 MB. */
async function uploadedBytes(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  const { bytes, fileName } = await readUpload(request, {
    missing: () => errors.badRequest('file.no_file', '请选择要上传的文件（表单字段 file）'),
    tooLarge: () =>
      new AppError(413, 'file.too_large', `文件超过 ${MAX_MB} MB，无法上传。照片请用网页上传（会自动压缩），PDF 请压缩或拆分后再上传`),
  });
  return { bytes, fileName };
}

function send(reply: FastifyReply, content: FileContent) {
  const ascii = content.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return (
    reply
      .header('content-type', content.mime)
      .header('content-length', content.bytes.length)
      // The bytes behind an id never change; `private` keeps them out of shared caches, as reading needs a session.
      .header('cache-control', 'private, max-age=604800, immutable')
      .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(content.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(content.bytes)
  );
}

/** Uploads of photos and evidence files, and reading them back. */
export async function registerFileModule(app: FastifyInstance, deps: { files: FileService }) {
  const { files } = deps;

  // Multipart only here, in its own scope: the rest of the API takes JSON.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: FILE_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/files',
      {
        config: { access: 'file.upload' },
        schema: {
          tags,
          summary: '上传照片或 PDF（隐患照片、整改证据）',
          description:
            `multipart/form-data，字段 \`file\`（≤ ${MAX_MB} MB）。按文件内容识别类型：JPEG、PNG、WebP、HEIC（服务器能解码时）照片与 PDF，` +
            '其他一律拒绝。照片按 EXIF 方向摆正，长边缩至 2048 像素内，重新编码为 JPEG 并去除全部元数据（含 GPS），另生成 320 像素缩略图。' +
            '上传后只有上传人可查看；挂到隐患等记录上后，能查看该记录的人可查看。',
          consumes: ['multipart/form-data'],
          body: uploadBody,
          response: { 201: uploadedFile },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { bytes, fileName } = await uploadedBytes(request);
        return reply.status(201).send(await files.upload(actor, { bytes, fileName }));
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/files/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '查看文件（照片为 JPEG）', params: idParam, produces: ['image/jpeg', 'application/pdf'] },
    },
    async (request, reply) => send(reply, await files.read(requireActor(request), request.params.id, 'file')),
  );
  r.get(
    '/api/v1/files/:id/thumb',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '照片缩略图（长边 320 像素 JPEG）', params: idParam, produces: ['image/jpeg'] },
    },
    async (request, reply) => send(reply, await files.read(requireActor(request), request.params.id, 'thumb')),
  );
}
