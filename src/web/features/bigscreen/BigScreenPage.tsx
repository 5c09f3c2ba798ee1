import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { TIME_ZONE } from '../../../shared/format.js';
import type { Funnel, IndicatorTable, MapFigures, Trend } from '../../../shared/indicators.js';
import type { ProjectPage } from '../../../shared/projects.js';
import type { ServiceDashboard } from '../../../shared/service-dashboard.js';
import { api } from '../../api/client.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { commandApi } from '../command/api.js';
import { FunnelView, TrendView } from '../command/charts.js';
import { MapChart } from '../command/MapChart.js';
import { useFigureFormat } from '../command/MapCard.js';
import { useFigureParams } from '../command/useFigureParams.js';
import { BigScreenFigures, OverdueList, RequestsPanel } from './panels.js';
import './bigscreen.css';

/** The wall screen re-reads every figure this often, without anyone touching it. */
export const REFRESH_MS = 60_000;
const WIDTH = 1920;
const HEIGHT = 1080;

const clockFormat = (lang: string) =>
  new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

/** The 1920×1080 stage scaled to whatever window shows it. */
function useStageScale() {
  const fit = () => Math.min(window.innerWidth / WIDTH, window.innerHeight / HEIGHT);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const onResize = () => setScale(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

function useNow() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

export default function BigScreenPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const scale = useStageScale();
  const { user } = useAuth();
  const { nameOf } = useRegions();
  const now = useNow();
  const format = useFigureFormat('projects');
  // A wall screen is set up once by its address (?from=…&region=…); without one it shows this year.
  const { query: q } = useFigureParams();
  const map = commandApi.map({ figure: 'projects', from: q.from, to: q.to });
  const overdueUrl = `/api/projects?overdue=true&sort=nextPlannedDate&order=asc&page=1&pageSize=8`;
  const [indicators, mapFigures, funnel, trend, overdue, services] = useQueries({
    queries: [
      { queryKey: ['bigscreen', 'indicators', q], queryFn: () => commandApi.indicators({ ...q, groupBy: 'region' }) },
      { queryKey: ['bigscreen', 'map', map.json], queryFn: () => api<MapFigures>(map.json) },
      { queryKey: ['bigscreen', 'funnel', q], queryFn: () => api<Funnel>(commandApi.funnel(q).json) },
      { queryKey: ['bigscreen', 'trend', q], queryFn: () => api<Trend>(commandApi.trend({ region: q.region, cluster: q.cluster, months: 12 }).json) },
      { queryKey: ['bigscreen', 'overdue'], queryFn: () => api<ProjectPage>(overdueUrl) },
      { queryKey: ['bigscreen', 'services'], queryFn: () => api<ServiceDashboard>('/api/dashboard/services') },
    ].map((q) => ({ ...q, refetchInterval: REFRESH_MS, refetchIntervalInBackground: true })),
  }) as [
    { data?: IndicatorTable; dataUpdatedAt: number },
    { data?: MapFigures; dataUpdatedAt: number },
    { data?: Funnel; dataUpdatedAt: number },
    { data?: Trend; dataUpdatedAt: number },
    { data?: ProjectPage; dataUpdatedAt: number },
    { data?: ServiceDashboard; dataUpdatedAt: number },
  ];
  const updatedAt = Math.max(indicators.dataUpdatedAt, mapFigures.dataUpdatedAt, funnel.dataUpdatedAt, trend.dataUpdatedAt, overdue.dataUpdatedAt, services.dataUpdatedAt);

  useEffect(() => {
    const previous = document.title;
    document.title = t('bsTitle');
    return () => {
      document.title = previous;
    };
  }, [t]);

  return (
    <div className="bs-root" data-testid="bigscreen">
      <div className="bs-stage" style={{ transform: `scale(${scale})` }}>
        <header className="bs-header">
          <div className="bs-clock" data-testid="bigscreen-clock">
            {clockFormat(lang).format(now)}
          </div>
          <div className="bs-title" onClick={() => navigate('/command')} title={t('bsBack')}>
            {t('bsTitle')}
            {/* A county's own screen says whose figures it shows. */}
            {user?.role === 'region' && <div className="bs-scope">{user.regionCodes.map((c) => nameOf(c)).join('、')}</div>}
          </div>
          <div className="bs-updated" data-testid="bigscreen-updated">
            {updatedAt > 0 ? t('bsUpdated', { time: hhmm.format(new Date(updatedAt)) }) : t('loading')}
          </div>
        </header>
        <div className="bs-body">
          <div className="bs-col">
            <section className="bs-panel">
              <h2>{t('bsFigures')}</h2>
              <BigScreenFigures table={indicators.data} />
            </section>
            <section className="bs-panel" style={{ flex: 1 }}>
              <h2>{t('cmdFunnelTitle')}</h2>
              {funnel.data && <FunnelView data={funnel.data} height={440} dark testId="bigscreen-funnel" />}
            </section>
          </div>
          <div className="bs-col">
            <section className="bs-panel" style={{ flex: 1 }}>
              <h2>{t('bsMap')}</h2>
              <MapChart regions={mapFigures.data?.regions ?? []} format={format} height={560} dark testId="bigscreen-map" onRegion={(code) => navigate(`/projects?region=${encodeURIComponent(code)}`)} />
            </section>
            <section className="bs-panel">
              <h2>{t('cmdTrendTitle')}</h2>
              {trend.data && <TrendView data={trend.data} height={270} dark testId="bigscreen-trend" />}
            </section>
          </div>
          <div className="bs-col">
            <section className="bs-panel" style={{ flex: 1 }}>
              <h2>{t('bsOverdue')}</h2>
              <OverdueList page={overdue.data} />
            </section>
            <section className="bs-panel">
              <h2>{t('bsRequests')}</h2>
              <RequestsPanel table={indicators.data} services={services.data} />
            </section>
          </div>
        </div>
      </div>
    </div>
  );
}
