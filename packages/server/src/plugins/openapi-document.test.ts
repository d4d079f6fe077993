import { describe, expect, it } from 'vitest';
import { finishOpenApiDocument, operationIdOf } from './openapi-document.ts';

describe('the OpenAPI document is finished in one place', () => {
  it('derives a stable camelCase operationId from method and path', () => {
    expect(operationIdOf('GET', '/api/v1/hazards')).toBe('getHazards');
    expect(operationIdOf('post', '/api/v1/hazards/{id}/{action}')).toBe('postHazardsByIdByAction');
    expect(operationIdOf('get', '/api/v1/audit-events/verify')).toBe('getAuditEventsVerify');
    expect(operationIdOf('get', '/api/health')).toBe('getHealth');
  });

  it('keeps a route’s own operationId, adds the error body for 4xx, and tidies schemas', () => {
    const input: Record<string, unknown> = {
      openapi: '3.0.3',
      paths: {
        '/api/v1/units': {
          get: { responses: { 200: { description: 'ok' } } },
          post: { operationId: 'createUnit', responses: { 201: { description: 'ok' } } },
        },
        '/api/v1/hazards': {
          get: {
            parameters: [{ in: 'query', name: 'open', schema: { anyOf: [{ type: 'boolean' }] } }],
            responses: {
              200: { description: 'ok', content: { 'application/json': { schema: { properties: { after: { nullable: true } } } } } },
            },
          },
        },
      },
    };
    const doc = finishOpenApiDocument(input);
    const paths = doc.paths as Record<
      string,
      Record<string, { operationId: string; responses: Record<string, unknown>; parameters?: unknown[] }>
    >;
    expect(paths['/api/v1/units']?.get?.operationId).toBe('getUnits');
    expect(paths['/api/v1/units']?.post?.operationId).toBe('createUnit');
    expect(paths['/api/v1/units']?.get?.responses['4XX']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    });
    expect(paths['/api/v1/hazards']?.get?.parameters).toEqual([{ in: 'query', name: 'open', schema: { type: 'boolean' } }]);
    expect(JSON.stringify(paths['/api/v1/hazards']?.get?.responses['200'])).not.toContain('nullable');
    expect((doc.components as { schemas: Record<string, unknown> }).schemas.ErrorBody).toMatchObject({
      type: 'object',
      required: ['code', 'message'],
    });
  });
});
