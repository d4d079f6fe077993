import { errorBody } from '@anzhi/core';
import { z } from 'zod';

type Json = Record<string, unknown>;
const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pascal(word: string): string {
  return word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/**
 * A stable operationId from method and path, the same every time the document is built:
 * `GET /api/v1/hazards/{id}/files` → `getHazardsByIdFiles`. A route may declare its own in `schema.operationId`.
 */
export function operationIdOf(method: string, url: string): string {
  const segments = url
    .replace(/^\/api\/(v\d+\/)?/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('{') ? `By${pascal(s.slice(1, -1))}` : pascal(s)));
  return `${method.toLowerCase()}${segments.join('') || 'Root'}`;
}

/** zod's JSON Schema for OpenAPI 3.0 leaves two shapes a linter rejects: `nullable` with no type, a one-member anyOf. */
function tidySchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidySchema);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = tidySchema(v);
  // An unknown value that may be null: any value already includes null.
  if (out.nullable === true && out.type === undefined && !out.anyOf && !out.oneOf && !out.allOf && !out.$ref) delete out.nullable;
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 1 && isObject(anyOf[0])) {
    delete out.anyOf;
    return { ...anyOf[0], ...out };
  }
  return out;
}

const errorResponse = {
  description: '请求有误（400）、未登录（401）、无权限（403）、不存在或无权查看（404）、冲突（409）等；message 为中文说明',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
};

/**
 * Finishes the generated document in one place, so no route has to remember: every operation gets a stable
 * operationId and the documented error body for 4xx answers; schemas are tidied for OpenAPI 3.0 linters.
 */
export function finishOpenApiDocument<T extends Json>(doc: T): T {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const finished: Json = {};
  for (const [url, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const ops: Json = { ...item };
    for (const method of methods) {
      const op = ops[method];
      if (!isObject(op)) continue;
      const responses = isObject(op.responses) ? { ...op.responses } : {};
      responses['4XX'] ??= errorResponse;
      ops[method] = { ...op, operationId: op.operationId ?? operationIdOf(method, url), responses };
    }
    finished[url] = ops;
  }
  const components = isObject(doc.components) ? doc.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return tidySchema({
    ...doc,
    paths: finished,
    components: {
      ...components,
      schemas: { ...schemas, ErrorBody: z.toJSONSchema(errorBody, { target: 'openapi-3.0' }) },
    },
  }) as T;
}

/** @fastify/swagger's `transformObject` hook: the same finishing for the app and for any document built like it. */
export function finishSwaggerDocument(doc: { openapiObject: Partial<Json> } | { swaggerObject: Partial<Json> }): Json {
  return finishOpenApiDocument('openapiObject' in doc ? doc.openapiObject : doc.swaggerObject);
}
