import { Alert, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { loadCountyMap, type CountyMap } from '../../charts/countyMap.js';
import { useChart, type ChartOption } from '../../charts/useChart.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** One region's figure, as /api/analytics/map gives it. */
export interface MapRegionValue {
  code: string;
  name: string;
  kind: 'county' | 'park';
  parentCode: string | null;
  value: number | null;
}

// Parks are drawn beside their county's label rather than on it, so both stay legible.
const PARK_OFFSET: [number, number] = [0.35, 0.3];

const THEMES = {
  light: { low: '#e6f4ff', high: '#0958d9', empty: '#f5f5f5', border: '#ffffff', label: '#1f1f1f', park: '#fa541c', text: '#595959' },
  dark: { low: '#12355b', high: '#3aa0ff', empty: '#1c2b3d', border: '#0b1a2e', label: '#e6f4ff', park: '#ffc53d', text: '#a6c8ff' },
};

interface Props {
  regions: MapRegionValue[];
  format: (value: number | null) => string;
  onRegion?: (code: string) => void;
  height: number;
  dark?: boolean;
  testId?: string;
}

/**
 * 昌吉回族自治州's seven counties/cities coloured by one figure, parks as pins beside their county.
 * After each drawing the container lists, in data-points, every county ECharts actually drew with
 * the pixel of its label point, so a test can hover what is on the canvas rather than trust the option.
 */
export function MapChart({ regions, format, onRegion, height, dark, testId = 'county-map' }: Props) {
  const { t, lang } = useI18n();
  const { nameOf } = useRegions();
  const [map, setMap] = useState<CountyMap | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadCountyMap().then(
      (m) => live && setMap(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const option = useMemo<ChartOption | null>(() => {
    if (!map) return null;
    const c = THEMES[dark ? 'dark' : 'light'];
    const counties = regions.filter((r) => r.kind === 'county' && map.counties.has(r.code));
    const parks = regions.filter((r) => r.kind === 'park');
    const values = regions.map((r) => r.value ?? 0);
    const max = Math.max(1, ...values);
    // The map's own names are Chinese; in English each county is shown (and its data named) by our English name.
    const shown = (code: string, name: string) => (lang === 'en' ? nameOf(code, name) : name);
    const nameMap = Object.fromEntries([...map.counties].map(([code, c]) => [c.name, shown(code, c.name)]));
    const parkPoint = (p: MapRegionValue) => {
      // The figures give a park's parentCode as the county it is marked at.
      const county = p.parentCode ? map.counties.get(p.parentCode) : undefined;
      return county ? [county.centre[0] + PARK_OFFSET[0], county.centre[1] + PARK_OFFSET[1]] : null;
    };
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: { display?: string } }) => `${p.name}<br/>${p.data?.display ?? t('cmdNoValue')}`,
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        seriesIndex: 0,
        left: 8,
        bottom: 8,
        itemHeight: Math.min(120, height / 4),
        text: [t('cmdHigh'), t('cmdLow')],
        textStyle: { color: c.text },
        inRange: { color: [c.low, c.high] },
        calculable: false,
      },
      geo: {
        map: map.name,
        nameMap,
        roam: false,
        // Fitted into the box beside the colour scale, keeping the prefecture's proportions.
        left: 64,
        right: 8,
        top: 8,
        bottom: 8,
        itemStyle: { areaColor: c.empty, borderColor: c.border, borderWidth: 1.5 },
        label: { show: true, color: c.label, fontSize: 12 },
        emphasis: { label: { color: c.label }, itemStyle: { areaColor: dark ? '#1d6fd1' : '#91caff' } },
        select: { disabled: true },
      },
      series: [
        {
          type: 'map',
          geoIndex: 0,
          data: counties.map((r) => ({ name: shown(r.code, map.counties.get(r.code)!.name), value: r.value ?? 0, code: r.code, display: format(r.value) })),
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'pin',
          symbolSize: 30,
          itemStyle: { color: c.park },
          label: { show: true, position: 'right', color: c.label, fontSize: 11, formatter: (p: { data: { short: string } }) => p.data.short },
          data: parks.flatMap((p) => {
            const point = parkPoint(p);
            return point ? [{ name: shown(p.code, p.name), value: [...point, p.value ?? 0], code: p.code, display: format(p.value), short: shortParkName(shown(p.code, p.name)) }] : [];
          }),
        },
      ],
    };
  }, [map, regions, dark, format, t, height, lang, nameOf]);

  const [points, setPoints] = useState('');
  const ref = useChart(
    option,
    (p) => {
      const code = (p as unknown as { data?: { code?: string } }).data?.code;
      if (code) onRegion?.(code);
    },
    (chart) => {
      if (!map) return;
      const drawn = [...map.counties].flatMap(([code, county]) => {
        const pixel = chart.convertToPixel({ geoIndex: 0 }, county.centre) as number[] | undefined;
        return pixel && chart.containPixel({ geoIndex: 0 }, pixel) ? [{ code, name: county.name, x: Math.round(pixel[0]), y: Math.round(pixel[1]) }] : [];
      });
      setPoints(JSON.stringify(drawn));
    },
  );

  if (failed) return <Alert type="error" showIcon message={t('cmdMapFailed')} />;
  return (
    <div style={{ position: 'relative', height }}>
      {!map && <Spin style={{ position: 'absolute', inset: 0, margin: 'auto', height: 32 }} />}
      <div ref={ref} data-testid={testId} data-points={points} style={{ width: '100%', height }} />
    </div>
  );
}

/** 昌吉国家高新技术产业开发区 → 昌吉高新区: the full names would cover the neighbouring counties. */
function shortParkName(name: string): string {
  return name
    .replace('国家高新技术产业开发区', '高新区')
    .replace('经济技术开发区', '开发区')
    .replace(/^新疆/, '')
    .replace(' National High-tech Industrial Development Zone', ' Hi-tech Zone')
    .replace(' Economic and Technological Development Zone', ' ETDZ')
    .replace(/^Xinjiang /, '');
}
