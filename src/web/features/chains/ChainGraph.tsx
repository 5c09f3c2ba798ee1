import { GraphChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import type { ChainDetail, ChainNode } from '../../../shared/chains.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useBoxWidth } from '../../charts/useBoxWidth.js';
import { useChart, type ChartOption } from '../../charts/useChart.js';
import { POSITION_KEYS, POSITIONS, STATUS_COLORS, STATUS_KEYS, STATUSES } from './constants.js';

// The shared hook registers the legend, the tooltip and the canvas; the chain map adds the graph.
echarts.use([GraphChart]);

const HEADER_GAP = 44; // px from the column titles to the first row
const TOP = 8;
const LEGEND = 34; // room for the legend under the last row

interface Props {
  chain: ChainDetail;
  compact: boolean;
  onNodeClick: (node: ChainNode) => void;
}

/**
 * The chain as a left-to-right flow: 上游 | 中游 | 下游 columns, nodes spread down each column,
 * links drawn as arrows. The layout is fixed (no force simulation) so the picture is the same
 * every time; three invisible header nodes name the columns and pin the bounding box, which
 * keeps a chain with nodes in one column only from being stretched across the whole width.
 */
export function ChainGraph({ chain, compact, onNodeClick }: Props) {
  const { t } = useI18n();

  const columns = useMemo(
    () =>
      POSITIONS.map((pos) =>
        chain.nodes.filter((n) => n.position === pos).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id),
      ),
    [chain.nodes],
  );
  const maxRows = Math.max(1, ...columns.map((c) => c.length));
  const nodeW = compact ? 92 : 156;
  const nodeH = compact ? 40 : 46;
  const rowH = compact ? 60 : 68;
  const sidePad = nodeW / 2 + 8;
  const height = TOP + 28 + HEADER_GAP + (maxRows - 1) * rowH + nodeH / 2 + LEGEND;

  // Node positions are in pixels of the actual box, so the view's x and y scales are both 1 and the
  // node boxes are not squashed (a graph scales its symbols by the x scale only).
  const [width, setBox] = useBoxWidth();
  const colGap = Math.max(nodeW + 8, (width - 2 * sidePad) / 2);

  const option = useMemo<ChartOption | null>(() => {
    if (width === 0) return null;
    const categories = STATUSES.map((s) => ({ name: t(STATUS_KEYS[s]), itemStyle: { color: STATUS_COLORS[s] } }));
    const headers = POSITIONS.map((pos, i) => ({
      id: `col-${pos}`,
      name: t(POSITION_KEYS[pos]),
      x: i * colGap,
      y: 0,
      symbolSize: 1,
      itemStyle: { color: 'rgba(0,0,0,0)' },
      label: { show: true, position: 'inside', color: '#595959', fontSize: 14, fontWeight: 'bold', formatter: '{b}' },
      emphasis: { disabled: true },
      tooltip: { show: false },
    }));
    const nodes = columns.flatMap((col, ci) =>
      col.map((n, ri) => ({
        id: String(n.id),
        name: n.name,
        nodeId: n.id,
        x: ci * colGap,
        y: HEADER_GAP + (ri + (maxRows - col.length) / 2) * rowH,
        category: STATUSES.indexOf(n.status),
        value: n.localCount,
        local: n.localCount,
        outside: n.outsideCount,
        status: n.status,
        position: n.position,
      })),
    );
    return {
      tooltip: {
        confine: true,
        formatter: (p: { dataType?: string; data?: Record<string, unknown> }) => {
          const d = p.data ?? {};
          if (p.dataType === 'edge') return `${String(d.fromName)} → ${String(d.toName)}`;
          if (typeof d.nodeId !== 'number') return '';
          const esc = (s: unknown) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
          return [
            `<b>${esc(d.name)}</b> · ${t(POSITION_KEYS[d.position as ChainNode['position']])}`,
            `${t('colLocalCount')}: ${esc(d.local)}`,
            `${t('colOutsideCount')}: ${esc(d.outside)}`,
            t(STATUS_KEYS[d.status as ChainNode['status']]),
          ].join('<br/>');
        },
      },
      legend: { bottom: 4, left: 'center', data: categories.map((c) => c.name), selectedMode: false },
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: false,
          left: sidePad,
          width: 2 * colGap,
          top: TOP + 28,
          height: HEADER_GAP + (maxRows - 1) * rowH,
          nodeScaleRatio: 0,
          symbol: 'roundRect',
          symbolSize: [nodeW, nodeH],
          categories,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 9,
          lineStyle: { color: '#8c8c8c', width: 1.5, curveness: 0.08, opacity: 0.9 },
          emphasis: { focus: 'adjacency', lineStyle: { width: 2.5 } },
          label: {
            show: true,
            position: 'inside',
            color: '#fff',
            width: nodeW - 8,
            overflow: 'truncate',
            // Rich-text markup uses braces and bars, so they are swapped out of names.
            formatter: (p: { name?: string; data?: { local?: number } }) =>
              `{name|${(p.name ?? '').replace(/[{}|]/g, ' ')}}\n{count|${t('localCountLabel', { n: p.data?.local ?? 0 })}}`,
            rich: {
              name: { fontSize: compact ? 11 : 13, fontWeight: 'bold', color: '#fff', lineHeight: compact ? 15 : 18 },
              count: { fontSize: compact ? 10 : 11, color: '#fff', lineHeight: 14 },
            },
          },
          data: [...headers, ...nodes],
          links: chain.links.map((l) => {
            const from = chain.nodes.find((n) => n.id === l.fromNodeId);
            const to = chain.nodes.find((n) => n.id === l.toNodeId);
            // A link within one column would run through the nodes between; bow it out to the side.
            const sameColumn = from && to && from.position === to.position;
            return {
            source: String(l.fromNodeId),
            target: String(l.toNodeId),
            ...(sameColumn ? { lineStyle: { curveness: 0.6 } } : {}),
            fromName: from?.name ?? '',
            toName: to?.name ?? '',
            };
          }),
        },
      ],
    };
  }, [chain, columns, maxRows, compact, t, width, colGap, nodeW, nodeH, rowH, sidePad]);

  const ref = useChart(option, (p) => {
    const d = (p as unknown as { dataType?: string; data?: { nodeId?: number } }).data;
    if ((p as unknown as { dataType?: string }).dataType !== 'node' || typeof d?.nodeId !== 'number') return;
    const node = chain.nodes.find((n) => n.id === d.nodeId);
    if (node) onNodeClick(node);
  });

  return (
    <div ref={setBox} style={{ width: '100%', overflowX: 'auto' }}>
      <div ref={ref} data-testid="chain-graph" style={{ width: Math.max(width, 2 * colGap + 2 * sidePad), height }} />
    </div>
  );
}
