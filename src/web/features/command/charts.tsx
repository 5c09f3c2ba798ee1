import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { STAGES } from '../../../shared/stages.js';
import { useChart, type ChartOption } from '../../charts/useChart.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { STAGE_COLORS_HEX } from '../projects/stageColors.js';
import type { Completeness, Durations, Funnel, Trend } from './api.js';
import { bucketLabel } from './format.js';

echarts.use([BarChart, FunnelChart, LineChart, GridComponent]);

// The command view is light; the big screen draws the same charts on a dark ground.
const INK = { light: { text: '#595959', line: '#f0f0f0' }, dark: { text: '#a6c8ff', line: '#1f3350' } };
const SERIES_COLORS = ['#1677ff', '#fa8c16', '#52c41a'];

function axes(dark: boolean | undefined) {
  const c = INK[dark ? 'dark' : 'light'];
  return {
    axisLabel: { color: c.text },
    axisLine: { lineStyle: { color: c.line } },
    splitLine: { lineStyle: { color: c.line } },
  };
}

interface ChartProps<D> {
  data: D;
  height: number;
  dark?: boolean;
  testId: string;
}

function Chart({ option, height, testId }: { option: ChartOption; height: number; testId: string }) {
  const ref = useChart(option);
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height }} />;
}

/** Projects that reached each stage, 洽谈 down to 达产 (终止 stays in the table). */
export function FunnelView({ data, height, dark, testId }: ChartProps<Funnel>) {
  const { stage } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const byStage = new Map(data.stages.map((s) => [s.stage, s.count]));
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          top: 8,
          bottom: 8,
          left: '10%',
          width: '80%',
          minSize: '30%',
          gap: 2,
          label: { show: true, position: 'inside', formatter: '{b} {c}', color: '#fff' },
          data: STAGES.map((s) => ({ name: stage(s), value: byStage.get(s) ?? 0, itemStyle: { color: STAGE_COLORS_HEX[s] } })),
        },
      ],
    };
  }, [data, stage]);
  return <Chart option={option} height={height} testId={testId} />;
}

/** Signings, starts and operations per month. */
export function TrendView({ data, height, dark, testId }: ChartProps<Trend>) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const a = axes(dark);
    const series = (['signed', 'started', 'operating'] as const).map((k, i) => ({
      type: 'line',
      name: t(k === 'signed' ? 'cmdSeriesSigned' : k === 'started' ? 'cmdSeriesStarted' : 'cmdSeriesOperating'),
      symbolSize: 6,
      itemStyle: { color: SERIES_COLORS[i] },
      data: data.months.map((m) => m[k]),
    }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: INK[dark ? 'dark' : 'light'].text } },
      grid: { left: 36, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: data.months.map((m) => m.month.slice(2).replace('-', '/')), ...a },
      yAxis: { type: 'value', minInterval: 1, ...a },
      series,
    };
  }, [data, dark, t]);
  return <Chart option={option} height={height} testId={testId} />;
}

/** How many projects took how long between two stages, one bar series per pair. */
export function DurationsView({ data, height, dark, testId }: ChartProps<Durations>) {
  const { t, stage, lang } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const a = axes(dark);
    const labels = data.pairs[0]?.buckets.map((b) => bucketLabel(b, lang)) ?? [];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: { color: INK[dark ? 'dark' : 'light'].text } },
      grid: { left: 36, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: labels, ...a },
      yAxis: { type: 'value', minInterval: 1, name: t('cmdColCount'), nameTextStyle: { color: a.axisLabel.color }, ...a },
      series: data.pairs.map((p, i) => ({
        type: 'bar',
        name: `${stage(p.from)}→${stage(p.to)}`,
        itemStyle: { color: SERIES_COLORS[i % SERIES_COLORS.length] },
        data: p.buckets.map((b) => b.count),
      })),
    };
  }, [data, dark, t, stage, lang]);
  return <Chart option={option} height={height} testId={testId} />;
}

/** Each chain's completeness, weakest at the top. */
export function CompletenessView({ data, height, dark, testId }: ChartProps<Completeness>) {
  const option = useMemo<ChartOption>(() => {
    const a = axes(dark);
    const chains = [...data.chains].sort((x, y) => y.rate - x.rate);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${Math.round(v)}%` },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, ...a, axisLabel: { ...a.axisLabel, formatter: '{value}%' } },
      yAxis: { type: 'category', data: chains.map((c) => c.name), ...a },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          label: { show: true, position: 'right', color: a.axisLabel.color, formatter: (p: { value: number }) => `${Math.round(p.value)}%` },
          data: chains.map((c) => ({ value: c.rate * 100, itemStyle: { color: c.rate >= 0.8 ? '#52c41a' : c.rate >= 0.5 ? '#faad14' : '#ff4d4f' } })),
        },
      ],
    };
  }, [data, dark]);
  return <Chart option={option} height={Math.max(height, data.chains.length * 26 + 16)} testId={testId} />;
}
