import { theme } from 'antd';
import { useState } from 'react';
import { useBoxWidth } from '../../charts/useBoxWidth.js';

// The dashboard's two charts are plain bar charts. ECharts drew them for about 165 KB of compressed
// JavaScript, over a third of what the dashboard loaded (issue 4 allows 400 KB for sign-in and
// dashboard together); this SVG does the same job — bars, value labels, one or two value axes, a
// legend, an axis tooltip, click-through — in a few KB. ECharts stays where it earns its weight
// (the chain map), loaded with that page only.

export interface BarSeries {
  name: string;
  values: number[];
  /** One colour per bar (the stage chart); otherwise the series colour from the palette. */
  colors?: string[];
  /** 1 = the right-hand axis. */
  axis?: 0 | 1;
}

interface Props {
  categories: string[];
  series: BarSeries[];
  /** Value labels above the bars. */
  labels?: boolean;
  legend?: boolean;
  /** Slanted category labels, for long names. */
  slanted?: boolean;
  barMaxWidth?: number;
  /** Counts get whole-number ticks. */
  integerAxes?: [boolean, boolean?];
  onClick?: (index: number) => void;
  testId: string;
}

// ECharts' default palette and axis greys, so the charts look as they did.
const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de'];
const AXIS_TEXT = '#6E7079';
const SPLIT_LINE = '#E0E6F1';
const HEIGHT = 320;

// Rough label widths at 12 px, without a canvas to measure: CJK characters are twice as wide.
const charWidth = (code: number) => (code >= 0x2e80 ? 12 : 7);
const textWidth = (label: string) => [...label].reduce((w, ch) => w + charWidth(ch.codePointAt(0)!), 0);

/** Shortens a label to about `px` pixels; the tooltip has it whole. */
function fit(label: string, px: number): string {
  let width = 0;
  for (let i = 0; i < label.length; i++) {
    width += charWidth(label.charCodeAt(i));
    if (width > px) return `${label.slice(0, Math.max(1, i - 1))}…`;
  }
  return label;
}

/** About five round ticks (1, 2 or 5 × 10ⁿ) from 0 to at least `max`. */
function niceTicks(max: number, integer: boolean): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  if (integer) step = Math.max(1, Math.round(step));
  const ticks = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Number(v.toFixed(10)));
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

export function BarChart({ categories, series, labels, legend, slanted: slantedProp, barMaxWidth = 40, integerAxes = [true], onClick, testId }: Props) {
  const { token } = theme.useToken();
  const [width, setBox] = useBoxWidth();
  const [hover, setHover] = useState<number | null>(null);

  const twoAxes = series.some((s) => s.axis === 1);
  // Labels that would run into each other (English stage names, a phone's narrow columns) slant,
  // where ECharts would have dropped every other one.
  const naturalBand = categories.length ? (width - 56) / categories.length : 0;
  const slanted = slantedProp || categories.some((c) => textWidth(c) > naturalBand - 4);
  const pad = { left: 40, right: twoAxes ? 40 : 16, top: legend ? 36 : 16 + (labels ? 8 : 0), bottom: slanted ? 72 : 32 };
  const plotW = Math.max(0, width - pad.left - pad.right);
  const plotH = HEIGHT - pad.top - pad.bottom;
  const axes = [0, 1].map((a) =>
    niceTicks(Math.max(0, ...series.filter((s) => (s.axis ?? 0) === a).flatMap((s) => s.values)), integerAxes[a] ?? false),
  );
  const y = (value: number, axis: number) => pad.top + plotH - (value / axes[axis][axes[axis].length - 1]) * plotH;
  const band = categories.length ? plotW / categories.length : 0;
  const barW = Math.min(barMaxWidth, (band * 0.6) / series.length);
  const color = (s: BarSeries, si: number, i: number) => s.colors?.[i] ?? PALETTE[si % PALETTE.length];
  const text = { fontSize: 12, fill: AXIS_TEXT };

  return (
    <div ref={setBox} className="chart" data-testid={testId} style={{ position: 'relative' }} onMouseLeave={() => setHover(null)}>
      {width > 0 && (
        <svg width={width} height={HEIGHT} role="img" aria-label={series.map((s) => s.name).join(', ')} style={{ display: 'block' }}>
          {legend && (
            <g transform={`translate(${width / 2}, 12)`}>
              {series.map((s, si) => {
                // Each entry is a swatch and its name; the row is centred on the chart.
                const x = (si - series.length / 2) * 120;
                return (
                  <g key={s.name} transform={`translate(${x}, 0)`}>
                    <rect width={25} height={14} rx={4} fill={color(s, si, -1)} />
                    <text x={30} y={11} {...text}>
                      {s.name}
                    </text>
                  </g>
                );
              })}
            </g>
          )}
          {axes[0].map((v) => (
            <g key={`l${v}`}>
              <line x1={pad.left} x2={pad.left + plotW} y1={y(v, 0)} y2={y(v, 0)} stroke={v === 0 ? AXIS_TEXT : SPLIT_LINE} />
              <text x={pad.left - 8} y={y(v, 0) + 4} textAnchor="end" {...text}>
                {v}
              </text>
            </g>
          ))}
          {twoAxes &&
            axes[1].map((v) => (
              <text key={`r${v}`} x={pad.left + plotW + 8} y={y(v, 1) + 4} {...text}>
                {v}
              </text>
            ))}
          {categories.map((c, i) => {
            const x0 = pad.left + i * band;
            const cx = x0 + band / 2;
            const ly = pad.top + plotH + 14;
            return (
              <g
                key={c}
                data-index={i}
                style={{ cursor: onClick ? 'pointer' : undefined }}
                onMouseEnter={() => setHover(i)}
                onClick={() => onClick?.(i)}
              >
                {/* The whole column answers the pointer, as ECharts' axis tooltip did. */}
                <rect x={x0} y={pad.top} width={band} height={plotH} fill={hover === i ? 'rgba(150,150,150,0.1)' : 'transparent'} />
                {series.map((s, si) => {
                  const v = s.values[i] ?? 0;
                  const top = y(v, s.axis ?? 0);
                  const bx = cx - (barW * series.length) / 2 + si * barW + barW * 0.05;
                  return (
                    <g key={s.name}>
                      <rect className="bar" x={bx} y={top} width={barW * 0.9} height={pad.top + plotH - top} fill={color(s, si, i)} />
                      {labels && (
                        <text x={bx + barW * 0.45} y={top - 5} textAnchor="middle" fontSize={12} fill={token.colorText}>
                          {v}
                        </text>
                      )}
                    </g>
                  );
                })}
                <text
                  x={cx}
                  y={ly}
                  textAnchor={slanted ? 'end' : 'middle'}
                  transform={slanted ? `rotate(-30 ${cx} ${ly})` : undefined}
                  {...text}
                >
                  {/* Slanted at 30°, a label may reach twice the bottom margin in length. */}
                  {slanted ? fit(c, (pad.bottom - 16) * 2) : c}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {hover !== null && categories[hover] !== undefined && (
        <div
          role="tooltip"
          style={{
            position: 'absolute',
            top: pad.top,
            // Beside the column, on whichever side has room.
            left: pad.left + (hover + (hover < categories.length / 2 ? 1 : 0)) * band,
            transform: hover < categories.length / 2 ? 'translateX(8px)' : 'translateX(calc(-100% - 8px))',
            background: token.colorBgElevated,
            boxShadow: token.boxShadowSecondary,
            borderRadius: token.borderRadius,
            padding: '6px 10px',
            fontSize: 12,
            pointerEvents: 'none',
            whiteSpace: 'nowrap',
            color: token.colorText,
          }}
        >
          <div style={{ marginBottom: 4 }}>{categories[hover]}</div>
          {series.map((s, si) => (
            <div key={s.name}>
              <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, marginRight: 6, background: color(s, si, hover) }} />
              {s.name} <b style={{ marginLeft: 12 }}>{s.values[hover]}</b>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
