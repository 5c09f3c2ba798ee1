import type { Completeness, Durations, FigureQuery, Funnel, IndicatorGroup, IndicatorTable, IndicatorTargetList, MapFigure, MapFigures, PutIndicatorTargets, Trend } from '../../../shared/indicators.js';
import type { MonthlyReport } from '../../../shared/reports.js';
import { api, toQuery } from '../../api/client.js';

// Each figure has a JSON route and an .xlsx twin at the same path; the chart cards export the twin.
const analytics = (name: string, q: Record<string, string | number | undefined>) => ({
  json: `/api/analytics/${name}${toQuery(q)}`,
  xlsx: `/api/analytics/${name}.xlsx${toQuery(q)}`,
});

export const commandApi = {
  indicators: (q: FigureQuery & { groupBy: IndicatorGroup }) => api<IndicatorTable>(`/api/indicators${toQuery(q)}`),
  indicatorsXlsx: (q: FigureQuery & { groupBy: IndicatorGroup }) => `/api/indicators.xlsx${toQuery(q)}`,
  funnel: (q: FigureQuery) => analytics('funnel', q),
  trend: (q: Omit<FigureQuery, 'from' | 'to'> & { months: number }) => analytics('trend', q),
  durations: (q: FigureQuery) => analytics('durations', q),
  completeness: (q: { cluster?: string }) => analytics('completeness', q),
  map: (q: { figure: MapFigure; from?: string; to?: string }) => analytics('map', q),
  get: <T,>(url: string) => api<T>(url),
  targets: () => api<IndicatorTargetList>('/api/indicator-targets'),
  saveTargets: (body: PutIndicatorTargets) => api<IndicatorTargetList>('/api/indicator-targets', { method: 'PUT', body }),
  monthly: (q: { month: string; region?: string }) => api<MonthlyReport>(`/api/reports/monthly${toQuery(q)}`),
  monthlyPdf: (q: { month: string; region?: string }) => `/api/reports/monthly.pdf${toQuery(q)}`,
  ledgerXlsx: (q: { from?: string; to?: string }) => `/api/reports/ledger.xlsx${toQuery(q)}`,
};

export type { Completeness, Durations, Funnel, MapFigures, Trend };
