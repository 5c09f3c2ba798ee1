import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../shared/common.js';
import { ledgerQuerySchema, monthlyReportQuerySchema, monthlyReportSchema } from '../../shared/reports.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { sendWorkbook, XLSX_TYPE } from '../http/excel.js';
import { INDICATOR_FIELD_LABELS } from '../indicators/routes.js';
import { ledgerWorkbook } from './ledger.js';
import { monthlyReport } from './monthly.js';
import { monthlyReportPdf } from './pdf.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const config = { fieldLabels: { ...INDICATOR_FIELD_LABELS, month: { zh: '月份', en: 'Month' } } };

export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reports/monthly', {
    schema: { tags: ['command'], summary: 'The monthly report for the prefecture or one county/park, in the caller’s scope', querystring: monthlyReportQuerySchema, response: { 200: monthlyReportSchema, ...errors } },
    config,
    handler: async (request) => monthlyReport(db, requireUser(request), request.query),
  });

  r.get('/api/reports/monthly.pdf', {
    schema: { tags: ['command'], summary: 'The monthly report as an A4 PDF (Chinese, embedded Noto Sans SC subset)', querystring: monthlyReportQuerySchema, response: { 200: z.any().describe('application/pdf'), ...errors } },
    config,
    handler: async (request, reply) => {
      const report = await monthlyReport(db, requireUser(request), request.query);
      const pdf = await monthlyReportPdf(report);
      return sendWorkbook(reply, pdf, `monthly-report-${report.region.code}-${report.month}.pdf`, `${report.region.name}${report.month}月度报告.pdf`, 'application/pdf');
    },
  });

  r.get('/api/reports/ledger.xlsx', {
    schema: { tags: ['command'], summary: '台账: 汇总 and one sheet per region with totals rows; from/to limit it to the projects signed then', querystring: ledgerQuerySchema, response: { 200: z.any().describe(XLSX_TYPE), ...errors } },
    config,
    handler: async (request, reply) => {
      const today = todayInShanghai();
      return sendWorkbook(reply, ledgerWorkbook(db, requireUser(request), request.query), `ledger-${today}.xlsx`, `项目台账-${today}.xlsx`);
    },
  });
}
