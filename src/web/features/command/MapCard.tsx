import { Segmented, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MapFigure, MapFigures } from '../../../shared/indicators.js';
import type { MessageKey } from '../../i18n/dict.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { commandApi } from './api.js';
import { ChartCard } from './ChartCard.js';
import { formatValue } from './format.js';
import { MapChart } from './MapChart.js';

export const FIGURE_LABELS: Record<MapFigure, MessageKey> = {
  projects: 'cmdFigureProjects',
  investment: 'cmdFigureInvestment',
  overdue: 'cmdFigureOverdue',
  completeness: 'cmdFigureCompleteness',
};
const FIGURE_UNITS = { projects: 'count', investment: 'yuan', overdue: 'count', completeness: 'ratio' } as const;

/** How a map figure reads: counts as they are, investment in 万元/亿元, completeness as %. */
export function useFigureFormat(figure: MapFigure) {
  const { lang } = useI18n();
  return useCallback((v: number | null) => formatValue(FIGURE_UNITS[figure], v, lang), [figure, lang]);
}

type Region = MapFigures['regions'][number];

/** The prefecture map with its figure picker; a county's click opens its projects. */
export function MapCard({ figure, from, to, onFigure, height }: { figure: MapFigure; from?: string; to?: string; onFigure: (f: MapFigure) => void; height: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const urls = commandApi.map({ figure, from, to });
  const query = useQuery({ queryKey: ['analytics', 'map', urls.json], queryFn: () => commandApi.get<MapFigures>(urls.json) });
  const format = useFigureFormat(figure);
  const openRegion = useCallback((code: string) => navigate(`/projects?region=${encodeURIComponent(code)}`), [navigate]);
  return (
    <ChartCard<Region>
      title={
        <span>
          {t('cmdMapTitle')} <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{t('cmdMapClickHint')}</Typography.Text>
        </span>
      }
      testId="map-card"
      exportUrl={urls.xlsx}
      extra={
        <Segmented
          size="small"
          data-testid="map-figure"
          value={figure}
          onChange={(v) => onFigure(v as MapFigure)}
          options={(Object.keys(FIGURE_LABELS) as MapFigure[]).map((f) => ({ value: f, label: t(FIGURE_LABELS[f]) }))}
        />
      }
      error={query.error}
      onRetry={() => void query.refetch()}
      rows={query.data?.regions}
      rowKey={(r) => r.code}
      columns={[
        { title: t('cmdColRegion'), dataIndex: 'name' },
        { title: t('cmdColKind'), dataIndex: 'kind', render: (k: Region['kind']) => t(k === 'park' ? 'cmdPark' : 'cmdCounty') },
        { title: t(FIGURE_LABELS[figure]), dataIndex: 'value', align: 'right', render: (v: number) => format(v) },
      ]}
      chart={<MapChart regions={query.data?.regions ?? []} format={format} onRegion={openRegion} height={height} />}
    />
  );
}
