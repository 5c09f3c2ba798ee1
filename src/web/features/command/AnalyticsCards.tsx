import { Col, Row } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatYuan } from '../../../shared/format.js';
import type { FigureQuery } from '../../../shared/indicators.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { commandApi, type Completeness, type Durations, type Funnel, type Trend } from './api.js';
import { ChartCard } from './ChartCard.js';
import { CompletenessView, DurationsView, FunnelView, TrendView } from './charts.js';
import { bucketLabel } from './format.js';

const HEIGHT = 280;

/** A figure's JSON with its .xlsx twin's address. */
function useFigure<T>(urls: { json: string; xlsx: string }) {
  const query = useQuery({ queryKey: ['analytics', urls.json], queryFn: () => commandApi.get<T>(urls.json) });
  return { ...query, xlsx: urls.xlsx, retry: () => void query.refetch() };
}

function FunnelCard({ q }: { q: FigureQuery }) {
  const { t, lang, stage } = useI18n();
  const f = useFigure<Funnel>(commandApi.funnel(q));
  type S = Funnel['stages'][number];
  return (
    <ChartCard<S>
      title={t('cmdFunnelTitle')}
      testId="funnel-card"
      exportUrl={f.xlsx}
      error={f.error}
      onRetry={f.retry}
      rows={f.data && (f.data.stages.some((s) => s.count > 0) ? f.data.stages : [])}
      rowKey={(s) => s.stage}
      columns={[
        { title: t('cmdColStage'), dataIndex: 'stage', render: (s: S['stage']) => stage(s) },
        { title: t('cmdColCount'), dataIndex: 'count', align: 'right' },
        { title: t('cmdColInvestment'), dataIndex: 'investmentYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
      ]}
      chart={f.data && <FunnelView data={f.data} height={HEIGHT} testId="funnel-chart" />}
    />
  );
}

function TrendCard({ q }: { q: FigureQuery }) {
  const { t } = useI18n();
  const { from: _from, to: _to, ...rest } = q;
  const f = useFigure<Trend>(commandApi.trend({ ...rest, months: 12 }));
  type M = Trend['months'][number];
  return (
    <ChartCard<M>
      title={t('cmdTrendTitle')}
      testId="trend-card"
      exportUrl={f.xlsx}
      error={f.error}
      onRetry={f.retry}
      rows={f.data?.months}
      rowKey={(m) => m.month}
      columns={[
        { title: t('cmdColMonth'), dataIndex: 'month' },
        { title: t('cmdSeriesSigned'), dataIndex: 'signed', align: 'right' },
        { title: t('cmdSeriesStarted'), dataIndex: 'started', align: 'right' },
        { title: t('cmdSeriesOperating'), dataIndex: 'operating', align: 'right' },
      ]}
      chart={f.data && <TrendView data={f.data} height={HEIGHT} testId="trend-chart" />}
    />
  );
}

function DurationsCard({ q }: { q: FigureQuery }) {
  const { t, stage, lang } = useI18n();
  const f = useFigure<Durations>(commandApi.durations(q));
  type P = Durations['pairs'][number];
  const labels = f.data?.pairs[0]?.buckets.map((b) => bucketLabel(b, lang)) ?? [];
  const days = (n: number | null) => (n === null ? '—' : t('cmdDays', { n: Math.round(n) }));
  return (
    <ChartCard<P>
      title={t('cmdDurationsTitle')}
      testId="durations-card"
      exportUrl={f.xlsx}
      error={f.error}
      onRetry={f.retry}
      rows={f.data && (f.data.pairs.some((p) => p.buckets.some((b) => b.count > 0)) ? f.data.pairs : [])}
      rowKey={(p) => `${p.from}-${p.to}`}
      columns={[
        { title: t('cmdColPair'), key: 'pair', render: (_: unknown, p: P) => `${stage(p.from)}→${stage(p.to)}` },
        ...labels.map((label, i) => ({ title: label, key: label, align: 'right' as const, render: (_: unknown, p: P) => p.buckets[i]?.count ?? 0 })),
        { title: t('cmdColMedian'), dataIndex: 'median', align: 'right', render: days },
        { title: t('cmdColP75'), dataIndex: 'p75', align: 'right', render: days },
      ]}
      chart={f.data && <DurationsView data={f.data} height={HEIGHT} testId="durations-chart" />}
    />
  );
}

function CompletenessCard({ cluster }: { cluster?: string }) {
  const { t } = useI18n();
  const f = useFigure<Completeness>(commandApi.completeness({ cluster }));
  type C = Completeness['chains'][number];
  return (
    <ChartCard<C>
      title={t('cmdCompletenessTitle')}
      testId="completeness-card"
      exportUrl={f.xlsx}
      error={f.error}
      onRetry={f.retry}
      rows={f.data?.chains}
      rowKey={(c) => String(c.chainId)}
      columns={[
        { title: t('cmdColChain'), dataIndex: 'name' },
        { title: t('cmdCluster'), dataIndex: 'clusterName' },
        { title: t('cmdColNodes'), dataIndex: 'nodes', align: 'right' },
        { title: t('cmdColCovered'), dataIndex: 'covered', align: 'right' },
        { title: t('cmdColWeak'), dataIndex: 'weak', align: 'right' },
        { title: t('cmdColGaps'), dataIndex: 'gaps', align: 'right' },
        { title: t('cmdColRate'), dataIndex: 'rate', align: 'right', render: (r: number) => `${Math.round(r * 100)}%` },
      ]}
      chart={f.data && <CompletenessView data={f.data} height={HEIGHT} testId="completeness-chart" />}
    />
  );
}

/** The four analytics cards, two by two on a wide screen. */
export function AnalyticsCards({ q }: { q: FigureQuery }) {
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      <Col xs={24} xl={12}>
        <FunnelCard q={q} />
      </Col>
      <Col xs={24} xl={12}>
        <TrendCard q={q} />
      </Col>
      <Col xs={24} xl={12}>
        <DurationsCard q={q} />
      </Col>
      <Col xs={24} xl={12}>
        <CompletenessCard cluster={q.cluster} />
      </Col>
    </Row>
  );
}
