import { formatYuan } from '../../../shared/format.js';
import { INDICATORS, type IndicatorKey, type IndicatorUnit } from '../../../shared/indicators.js';

/** An indicator's value as a leader reads it: 万元/亿元, %, 天, 分; — when there is none. */
export function formatValue(unit: IndicatorUnit, value: number | null, lang: 'zh' | 'en'): string {
  if (value === null) return '—';
  switch (unit) {
    case 'yuan':
      return formatYuan(value, lang);
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'days':
      return lang === 'zh' ? `${Math.round(value)} 天` : `${Math.round(value)} d`;
    case 'rating':
      return lang === 'zh' ? `${value.toFixed(1)} 分` : value.toFixed(1);
    default:
      return String(value);
  }
}

export function formatIndicator(key: IndicatorKey, value: number | null, lang: 'zh' | 'en'): string {
  return formatValue(INDICATORS[key].unit, value, lang);
}

/** A duration bucket's label: the server's Chinese one, or made from its bounds in English. */
export function bucketLabel(b: { label: string; minDays: number; maxDays: number | null }, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return b.label;
  if (b.maxDays === null) return `> ${b.minDays - 1} d`;
  return b.minDays === 0 ? `≤ ${b.maxDays} d` : `${b.minDays}–${b.maxDays} d`;
}
