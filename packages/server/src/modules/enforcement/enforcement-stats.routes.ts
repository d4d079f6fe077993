import { closureFlagList, enforcementStats, enforcementStatsQuery } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import { attachment } from '../enterprises/enterprise-export.ts';
import type { EnforcementStatsService } from './enforcement-stats.service.ts';
import { enforcementStatsXlsx } from './enforcement-stats-xlsx.ts';

const tags = ['执法检查'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerEnforcementStatsRoutes(app: FastifyInstance, stats: EnforcementStatsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/enforcement-stats',
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        summary:
          '执法统计：按执法单位和月份的计划与完成检查、重点对象覆盖率、每次检查发现隐患、重大隐患立案率、处罚件数与金额，' +
          '零处罚/只检查不处罚单位，第一百一十三条应予关闭的企业（每个数字附其清单链接；企业账号 403）',
        querystring: enforcementStatsQuery,
        response: { 200: enforcementStats },
      },
    },
    async (request) => stats.stats(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/enforcement-stats/closure-flags',
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        summary: '安全生产法第一百一十三条：存在重大事故隐患，180日内三次或一年内四次受到行政处罚的企业（企业账号 403）',
        querystring: enforcementStatsQuery,
        response: { 200: closureFlagList },
      },
    },
    async (request) => stats.closureFlags(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/enforcement-stats/export',
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        summary: '导出执法统计（.xlsx：各执法单位的年度数字与约谈提示，按月计划/安排/完成；筛选同统计）',
        querystring: enforcementStatsQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const data = await stats.stats(requireActor(request), request.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${data.year}年执法检查统计.xlsx`, `enforcement-stats-${data.year}.xlsx`))
        .send(await enforcementStatsXlsx(data));
    },
  );
}
