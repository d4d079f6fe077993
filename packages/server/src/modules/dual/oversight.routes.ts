import {
  dualOversight,
  dualOversightQuery,
  dualSignal,
  dualSignalDismissBody,
  dualSignalListQuery,
  dualSignalPage,
  idParam,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import { attachment } from '../enterprises/enterprise-export.ts';
import type { OversightSignalService } from './oversight-signal.service.ts';
import type { OversightStatsService } from './oversight-stats.service.ts';
import { oversightXlsx } from './oversight-xlsx.ts';

const tags = ['双重预防'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the township sees: the 形式主义 signals (list, dismiss) and the statistics by enterprise, domain and village. */
export function registerOversightRoutes(app: FastifyInstance, s: { signals: OversightSignalService; stats: OversightStatsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/dual-signals',
    {
      config: { access: 'dual.oversee' },
      schema: {
        tags,
        summary: '形式主义提示：高危企业连续无隐患、照片重复使用、验收早于整改、整改早于发现、短时批量补录（附证据）',
        querystring: dualSignalListQuery,
        response: { 200: dualSignalPage },
      },
    },
    async (request) => s.signals.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/dual-signals/:id/dismiss',
    {
      config: { access: 'dual.dismiss' },
      schema: {
        tags,
        summary: '排除一条形式主义提示（须写明理由，留痕）',
        params: idParam,
        body: dualSignalDismissBody,
        response: { 200: dualSignal },
      },
    },
    async (request) => s.signals.dismiss(requireActor(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/dual-oversight',
    {
      config: { access: 'dual.oversee' },
      schema: {
        tags,
        summary: '双重预防监督统计：按企业、行业领域、村的按期排查、逾期、漏查（按周期），主要负责人排查，长期未复评风险点，待核实提示',
        querystring: dualOversightQuery,
        response: { 200: dualOversight },
      },
    },
    async (request) => s.stats.overview(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/dual-oversight/export',
    {
      config: { access: 'dual.oversee' },
      schema: { tags, summary: '导出双重预防监督统计（.xlsx；筛选同统计）', querystring: dualOversightQuery, produces: [XLSX] },
    },
    async (request, reply) => {
      const data = await s.stats.overview(requireActor(request), request.query);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          attachment(`双重预防监督统计${data.from}_${data.to}.xlsx`, `dual-oversight-${data.from}_${data.to}.xlsx`),
        )
        .send(await oversightXlsx(data));
    },
  );
}
