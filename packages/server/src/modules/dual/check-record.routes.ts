import {
  checkCalendar,
  checkCalendarQuery,
  checkPhotoMax,
  checkPhotoMaxBytes,
  checkPhotoTotalMax,
  checkRecordDetail,
  checkRecordListQuery,
  checkRecordPage,
  checkRecordSynced,
  dueCheckList,
  idParam,
  todayChecksQuery,
} from '@anzhi/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../plugins/auth.ts';
import type { CheckDueService } from './check-due.service.ts';
import { checkRecordBodyLimit, checkRecordFormLimits, readCheckRecordForm } from './check-record.form.ts';
import type { CheckRecordService } from './check-record.service.ts';

const tags = ['双重预防'];
const MAX_MB = checkPhotoMaxBytes / 1024 / 1024;
// Described for the OpenAPI document only: the multipart stream is read by the handler.
const formDoc = z
  .object({ record: z.string() })
  .catchall(z.string().meta({ format: 'binary' }))
  .nullish();

/** The phone's check API (today's due checks, the record sync) and the desktop's record list and calendar. */
export async function registerCheckRecordRoutes(app: FastifyInstance, deps: { records: CheckRecordService; due: CheckDueService }) {
  const { records, due } = deps;
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: checkRecordFormLimits });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/check-records',
      {
        config: { access: 'dual.check' },
        bodyLimit: checkRecordBodyLimit,
        schema: {
          tags,
          summary: '同步一条排查（巡查）记录（手机离线记录后重试同一 clientId 只记一次）',
          description:
            'multipart/form-data：字段 `record` 为记录 JSON（checkRecordInput），照片放在字段 `photo.<检查项序号>`' +
            `（每项最多 ${checkPhotoMax} 张、全记录最多 ${checkPhotoTotalMax} 张，每张 ≤ ${MAX_MB} MB，按内容识别）。` +
            '首次记录返回 201 status=created；同一账号同一企业重试返回 200 status=duplicate 和首次结果；' +
            '记录标识已被其他账号或其他企业使用、任务已由他人记录返回 409。',
          consumes: ['multipart/form-data'],
          body: formDoc,
          response: { 200: checkRecordSynced, 201: checkRecordSynced },
        },
      },
      async (request, reply) => {
        const form = await readCheckRecordForm(request);
        const out = await records.sync(requireActor(request), form);
        return reply.status(out.status === 'created' ? 201 : 200).send(out);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/check-tasks/today',
    {
      config: { access: 'dual.read' },
      schema: {
        tags,
        summary: '今日排查：本日、本周、本月、本季到期的排查任务及检查内容（手机离线缓存）',
        querystring: todayChecksQuery,
        response: { 200: dueCheckList },
      },
    },
    async (request) => due.today(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/check-tasks/calendar',
    {
      config: { access: 'dual.read' },
      schema: {
        tags,
        summary: '排查日历：某月各任务按期、逾期、未排查情况',
        querystring: checkCalendarQuery,
        response: { 200: checkCalendar },
      },
    },
    async (request) => due.calendar(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/check-records',
    {
      config: { access: 'dual.read' },
      schema: { tags, summary: '排查（巡查）记录', querystring: checkRecordListQuery, response: { 200: checkRecordPage } },
    },
    async (request) => records.list(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/check-records/:id',
    {
      config: { access: 'dual.read' },
      schema: { tags, summary: '排查记录详情（检查项、照片、形成的隐患）', params: idParam, response: { 200: checkRecordDetail } },
    },
    async (request) => records.detail(requireActor(request), request.params.id),
  );
}
