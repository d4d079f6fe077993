import { labelOf } from '@anzhi/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.ts';

const where: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** Maps every failure to `{code, message, details, requestId}`; bad input is always a 4xx with a Chinese message. */
export function registerErrorHandler(app: FastifyInstance, opts: { spa: boolean }) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = request.id;
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error.cause ?? error, code: error.code }, error.message);
      return reply.status(error.status).send({ code: error.code, message: error.message, details: error.details, requestId });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => {
        // Array indexes as numbers, so the label is the array's field ("roles/1" → 角色), not "1".
        const path = v.instancePath
          .split('/')
          .filter(Boolean)
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        return { path: path.join('.'), message: `${labelOf(path)}：${v.message}` };
      });
      const context = where[(error as { validationContext?: string }).validationContext ?? 'body'] ?? '请求内容';
      const message =
        details.length === 1
          ? (details[0]?.message ?? '')
          : `${context}有 ${details.length} 处错误：${details.map((d) => d.message).join('；')}`;
      return reply.status(400).send({ code: 'validation_failed', message, details, requestId });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后再试', requestId });
    }
    const dataError = dataExceptionCode(error);
    if (dataError) {
      // The input passed validation but the database cannot take it (a number beyond its column, a NUL character).
      request.log.warn({ err: error }, 'database refused a value from the request');
      const message = dataError === '22003' ? '请求内容有误：数值超出范围' : '请求内容有误：含有无法保存的字符或无效的取值';
      return reply.status(400).send({ code: 'invalid_value', message, requestId });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      return reply.status(status).send({ code: clientCode(error), message: clientMessage(error), requestId });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后再试', requestId });
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (reload on /admin/users) get its index page. A missing hashed asset (a page
    // open across a release asks for a chunk that is gone) is a 404: as index.html it would reach the browser as a
    // script of type text/html instead of the web app's "page files were updated, reload" notice.
    const isAsset = request.url.startsWith('/assets/');
    if (opts.spa && request.method === 'GET' && !request.url.startsWith('/api/') && !isAsset) return reply.sendFile('index.html');
    reply
      .status(404)
      .send({ code: 'not_found', message: `接口不存在：${request.method} ${request.url.split('?')[0]}`, requestId: request.id });
  });
}

/** The SQLSTATE of a PostgreSQL data exception (class 22) behind an error, which drivers and drizzle wrap in `cause`. */
function dataExceptionCode(e: unknown): string | null {
  for (let c = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; c && depth < 4; c = c.cause as typeof c, depth++) {
    if (typeof c.code === 'string' && /^22[0-9A-Z]{3}$/.test(c.code)) return c.code;
  }
  return null;
}

function clientCode(e: FastifyError): string {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'invalid_json';
    default:
      return e.statusCode === 429 ? 'rate_limited' : e.code === undefined && e.name === 'SyntaxError' ? 'invalid_json' : 'bad_request';
  }
}

function clientMessage(e: FastifyError): string {
  switch (clientCode(e)) {
    case 'body_too_large':
      return '请求内容过大';
    case 'unsupported_media_type':
      return `不支持的内容类型，请以 JSON 提交`;
    case 'invalid_json':
      return '请求内容不是有效的 JSON';
    case 'rate_limited':
      return '操作过于频繁，请稍后再试';
    default:
      return e.statusCode === 405 ? '不支持该请求方法' : '请求有误';
  }
}
