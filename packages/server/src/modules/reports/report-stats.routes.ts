import { reportListFilters, reportStats, reportStatsQuery } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import { attachment } from '../enterprises/enterprise-export.ts';
import type { ReportExportService } from './report-export.ts';
import type { ReportStatsService } from './report-stats.service.ts';
import { reportStatsXlsx } from './report-stats-xlsx.ts';

const tags = ['举报'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerReportStatsRoutes(app: FastifyInstance, s: { stats: ReportStatsService; export: ReportExportService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/report-stats',
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary:
          '举报统计：按渠道、受理方式、事项、行业领域、乡镇和村、承办单位、状态和月份的收到、办理中、超期、属实与属实率，' +
          '核查用时（中位数、90 分位），奖励批准与发放（每个数字附其清单链接）',
        querystring: reportStatsQuery,
        response: { 200: reportStats },
      },
    },
    async (request) => s.stats.stats(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/report-stats/export',
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: '导出举报统计（.xlsx；筛选同统计；只有数字，没有举报人信息）',
        querystring: reportStatsQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const data = await s.stats.stats(requireActor(request), request.query);
      const name = data.year ? `${data.year}` : `${data.from}_${data.to}`;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${name}举报统计.xlsx`, `report-stats-${name}.xlsx`))
        .send(await reportStatsXlsx(data));
    },
  );
  r.get(
    '/api/v1/reports/export',
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: '导出举报清单（.xlsx；筛选同举报列表；含举报内容和是否实名，从不含举报人姓名和电话）',
        querystring: reportListFilters,
        produces: [XLSX],
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('举报清单.xlsx', 'reports.xlsx'))
        .send(await s.export.xlsx(requireActor(request), request.query)),
  );
}
