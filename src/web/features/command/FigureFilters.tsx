import { DatePicker, Select, Space, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { figureQuerySchema, type Period } from '../../../shared/indicators.js';
import { endpoints } from '../../api/endpoints.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import type { useFigureParams } from './useFigureParams.js';

// The region picker offers exactly the codes the figures' query accepts.
const acceptsRegion = (code: string) => figureQuerySchema.shape.region.safeParse(code).success;

/** 全州 or one county/park the figures accept, as the reports and the command view pick it. */
export function RegionSelect({ value, onChange, testId }: { value?: string; onChange: (code: string | undefined) => void; testId: string }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const { regions, nameOf } = useRegions();
  // A region officer's figures are their own region's whatever is picked; 全州 would mislead.
  const own = user?.role === 'region' ? user.regionCodes : null;
  const pickable = regions.filter((r) => r.kind !== 'prefecture' && acceptsRegion(r.code) && (!own || own.includes(r.code)));
  return (
    <Select
      data-testid={testId}
      style={{ width: 200 }}
      value={value ?? ''}
      onChange={(v) => onChange(v || undefined)}
      aria-label={t('cmdRegion')}
      disabled={own?.length === 1}
      options={[
        { value: '', label: own ? own.map((c) => nameOf(c)).join('、') : t('cmdAllRegions') },
        ...(own?.length === 1 ? [] : pickable.map((r) => ({ value: r.code, label: lang === 'en' ? r.nameEn : r.name }))),
      ]}
    />
  );
}

/** The last `years` years up to today, as the period a leader means by 近三年/近五年. */
export function lastYears(years: number): { from: string; to: string } {
  return { from: dayjs().subtract(years, 'year').add(1, 'day').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') };
}

const range = (p: { from: string; to: string }): [dayjs.Dayjs, dayjs.Dayjs] => [dayjs(p.from), dayjs(p.to)];

/** Period, region and cluster for every figure on the page; `period` is what the server used when none is chosen. */
export function FigureFilters({ figures, period }: { figures: ReturnType<typeof useFigureParams>; period?: Period }) {
  const { t } = useI18n();
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: endpoints.clusters, staleTime: 60_000 });
  const { params, update } = figures;
  const from = params.from ?? period?.from;
  const to = params.to ?? period?.to;
  return (
    <Space wrap>
      <Tooltip title={t('cmdPeriodHint')}>
        <DatePicker.RangePicker
          data-testid="figure-period"
          allowClear={false}
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          aria-label={t('cmdPeriod')}
          presets={[
            { label: t('cmdPresetThisYear'), value: [dayjs().startOf('year'), dayjs()] },
            { label: t('cmdPresetLastYear'), value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] },
            { label: t('cmdPresetThreeYears'), value: range(lastYears(3)) },
            { label: t('cmdPresetFiveYears'), value: range(lastYears(5)) },
          ]}
        />
      </Tooltip>
      <RegionSelect testId="figure-region" value={params.region} onChange={(region) => update({ region })} />
      <Select
        data-testid="figure-cluster"
        style={{ width: 180 }}
        value={params.cluster ?? ''}
        onChange={(v) => update({ cluster: v || undefined })}
        aria-label={t('cmdCluster')}
        options={[{ value: '', label: t('cmdAllClusters') }, ...(clusters.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))]}
      />
    </Space>
  );
}
