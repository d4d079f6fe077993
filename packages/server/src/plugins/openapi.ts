import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { finishSwaggerDocument } from './openapi-document.ts';

/** The OpenAPI document is generated from the same zod schemas that validate requests. */
export async function registerOpenApi(app: FastifyInstance, version: string) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '安治 AnZhi API',
        description: '乡镇（街道）安全生产治理平台接口。登录后以 Cookie 会话调用。',
        version,
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/', description: '本平台（接口与页面同一地址）' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'anzhi_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // operationIds, the 4xx error body and schema tidying, once for every route (openapi-document.ts).
    transformObject: finishSwaggerDocument,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: false } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
