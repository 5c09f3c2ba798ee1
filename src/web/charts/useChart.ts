import { LegendPlainComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

// Only what every chart here needs; each chart registers its own series type. ECharts is loaded by
// the pages that draw with it, never by the sign-in page or the dashboard (see BarChart.tsx), and
// no legend has enough entries to need the scrolling one.
echarts.use([LegendPlainComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export type ChartClick = (params: { dataIndex: number; seriesIndex?: number; name: string }) => void;

/**
 * Mounts an ECharts instance on the returned ref, keeps it sized to its box, and disposes it.
 * `onFinished` sees the instance after each completed drawing, for what only the drawn chart knows
 * (where a region landed in pixels).
 */
export function useChart(option: ChartOption | null, onClick?: ChartClick, onFinished?: (chart: echarts.ECharts) => void) {
  // A callback ref, so a chart whose box is unmounted and mounted again (error → retry) is rebuilt.
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;

  useEffect(() => {
    if (!el) return;
    const chart = echarts.init(el);
    chartRef.current = chart;
    chart.on('click', (p) => clickRef.current?.(p as Parameters<ChartClick>[0]));
    chart.on('finished', () => finishedRef.current?.(chart));
    // The box changes with the side menu and the phone/desktop switch, not only the window.
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [el]);

  useEffect(() => {
    if (option) chartRef.current?.setOption(option, true);
  }, [option, el]);

  return setEl;
}
