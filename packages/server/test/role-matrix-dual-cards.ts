import { makePost, makeRiskChain } from './dual-kit.ts';
import type { MatrixContext, MatrixPart } from './role-matrix-enforcement.ts';
import { list, read, shared, write } from './role-matrix-kit.ts';

/**
 * 双重预防 — posts and cards: 岗位 (两单两卡, quiz), the printed cards, the public card pages and the 四色分布图. The
 * out-of-scope ids are a post and a risk point of the enterprise, and the enterprise itself for its map.
 */
export const cardsMatrixPart: MatrixPart = {
  expected: {
    'GET /api/v1/posts': list('dual.read'),
    'POST /api/v1/posts': shared('dual.manage'),
    'GET /api/v1/posts/{id}': read('dual.read'),
    'PUT /api/v1/posts/{id}': write('dual.manage', { version: 1, name: '越权改名' }),
    'DELETE /api/v1/posts/{id}': { ...write('dual.manage'), query: 'version=1' },
    'GET /api/v1/posts/{id}/quiz-attempts': read('dual.read'),
    'GET /api/v1/posts/{id}/cards.docx': read('dual.read'),
    'GET /api/v1/risk-points/{id}/card.docx': read('dual.read'),
    'GET /api/v1/public/post-cards/{publicCode}': shared('public'),
    'POST /api/v1/public/post-cards/{publicCode}/quiz': shared('public'),
    'GET /api/v1/public/risk-cards/{publicCode}': shared('public'),
    'GET /api/v1/risk-maps/{id}': read('dual.read'),
    'PUT /api/v1/risk-maps/{id}': write('dual.manage', { fileId: 1, zones: [] }),
  },
  async setup(ctx: MatrixContext) {
    const make = async (enterprise: MatrixContext['outside'], mark: string) => {
      const post = await makePost(ctx.database.db, enterprise, { name: `${mark}冲压岗` });
      const chain = await makeRiskChain(ctx.database.db, enterprise, { name: `${mark}冲压机` });
      return { posts: String(post.id), 'risk-points': String(chain.point.id), 'risk-maps': String(enterprise.id) };
    };
    return { outsideIds: await make(ctx.outside, ctx.marks.OUTSIDE), siblingIds: await make(ctx.sibling, ctx.marks.SIBLING) };
  },
};
