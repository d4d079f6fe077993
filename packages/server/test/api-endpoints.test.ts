import { apiEndpoints, type EndpointSpec } from '@anzhi/core';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishSwaggerDocument } from '../src/plugins/openapi-document.ts';
import { startTestApp, type TestApp } from './app.ts';

type Operation = {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>> };

/** The OpenAPI document of a bare app whose routes declare exactly what core's `apiEndpoints` says. */
async function contractDocument(): Promise<Doc> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: { openapi: '3.0.3', info: { title: 'contract', version: '0' } },
    transform: jsonSchemaTransform,
    // The app's document is finished (operationIds, 4xx, tidied schemas) the same way.
    transformObject: finishSwaggerDocument,
  });
  for (const [key, spec] of Object.entries(apiEndpoints) as Array<[string, EndpointSpec]>) {
    const [method, path] = key.split(' ') as [string, string];
    app.route({
      method,
      url: `/api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`,
      schema: {
        ...(spec.query ? { querystring: spec.query } : {}),
        ...(spec.body && !spec.multipart ? { body: spec.body } : {}),
        response: { 200: spec.response },
      },
      handler: async () => ({}),
    });
  }
  await app.ready();
  const doc = app.swagger() as unknown as Doc;
  await app.close();
  return doc;
}

const successSchema = (op: Operation) => {
  const code = Object.keys(op.responses).find((c) => /^2\d\d$/.test(c));
  return code ? op.responses[code]?.content?.['application/json']?.schema : undefined;
};
const queryParams = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === 'query').sort((a, b) => a.name.localeCompare(b.name));

describe('the web client contract (core apiEndpoints) matches the routes the server registers', () => {
  let t: TestApp;
  let server: Doc;
  let contract: Doc;
  beforeAll(async () => {
    t = await startTestApp();
    server = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    contract = await contractDocument();
  });
  afterAll(async () => t?.close());

  const keys = Object.keys(apiEndpoints) as Array<keyof typeof apiEndpoints>;
  it.each(keys)('%s', (key) => {
    const [method, path] = key.split(' ') as [string, string];
    const docPath = `/api/v1${path}`;
    const real = server.paths[docPath]?.[method.toLowerCase()];
    const declared = contract.paths[docPath]?.[method.toLowerCase()];
    expect(real, `the server has no ${method} ${docPath}`).toBeDefined();
    expect(declared).toBeDefined();
    if (!real || !declared) return;
    expect(successSchema(real), 'success response').toEqual(successSchema(declared));
    expect(queryParams(real), 'query parameters').toEqual(queryParams(declared));
    const spec: EndpointSpec = apiEndpoints[key];
    if (spec.body && !spec.multipart) {
      expect(real.requestBody?.content['application/json']?.schema, 'request body').toEqual(
        declared.requestBody?.content['application/json']?.schema,
      );
    }
  });
});
