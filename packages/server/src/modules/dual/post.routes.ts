import {
  idParam,
  okBody,
  postCreateBody,
  postDeleteQuery,
  postList,
  postListQuery,
  postUpdateBody,
  postView,
  quizAttemptList,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { PostService } from './post.service.ts';

const tags = ['双重预防'];

/** 岗位 and their 两单两卡 and quiz (an enterprise's own; the office in its scope). */
export async function registerPostRoutes(app: FastifyInstance, deps: { posts: PostService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { posts } = deps;

  r.get(
    '/api/v1/posts',
    {
      config: { access: 'dual.read' },
      schema: { tags, summary: '岗位列表（两单两卡、应知应会题目）', querystring: postListQuery, response: { 200: postList } },
    },
    async (request) => posts.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/posts',
    {
      config: { access: 'dual.manage' },
      schema: { tags, summary: '新增岗位', body: postCreateBody, response: { 201: postView } },
    },
    async (request, reply) => reply.status(201).send(await posts.create(requireActor(request), request.body)),
  );
  r.get(
    '/api/v1/posts/:id',
    { config: { access: 'dual.read' }, schema: { tags, summary: '岗位详情', params: idParam, response: { 200: postView } } },
    async (request) => posts.get(requireActor(request), request.params.id),
  );
  r.put(
    '/api/v1/posts/:id',
    {
      config: { access: 'dual.manage' },
      schema: {
        tags,
        summary: '修改岗位（两单两卡、应知应会题目；带版本号）',
        params: idParam,
        body: postUpdateBody,
        response: { 200: postView },
      },
    },
    async (request) => posts.update(requireActor(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/posts/:id',
    {
      config: { access: 'dual.manage' },
      schema: {
        tags,
        summary: '删除岗位（不再是任何风险点或排查任务的责任岗位时）',
        params: idParam,
        querystring: postDeleteQuery,
        response: { 200: okBody },
      },
    },
    async (request) => posts.remove(requireActor(request), request.params.id, request.query.version),
  );
  r.get(
    '/api/v1/posts/:id/quiz-attempts',
    {
      config: { access: 'dual.read' },
      schema: { tags, summary: '应知应会答题记录', params: idParam, response: { 200: quizAttemptList } },
    },
    async (request) => posts.attempts(requireActor(request), request.params.id),
  );
}
