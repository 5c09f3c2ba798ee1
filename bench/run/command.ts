// Issue 7's scenarios: the command view's figures (indicators by region, cluster and event for the
// current year, the targets, the analytics cards, the map) and the monthly report, each read as every
// signed-in role, since every figure is computed inside the caller's scope. Routes follow
// /work/prompts/contract7.md; each names its route pattern so a server without them reports "missing".
import { todayInShanghai } from '../../src/shared/format.js';
import type { ServiceRead } from './services.js';

export function commandReads(): ServiceRead[] {
  const month = todayInShanghai().slice(0, 7);
  return [
    { name: 'indicators by region (this year)', path: '/api/indicators?groupBy=region', route: '/api/indicators' },
    { name: 'indicators by cluster', path: '/api/indicators?groupBy=cluster', route: '/api/indicators' },
    { name: 'indicators by event', path: '/api/indicators?groupBy=event', route: '/api/indicators' },
    { name: 'indicator targets', path: '/api/indicator-targets', route: '/api/indicator-targets' },
    { name: 'analytics funnel', path: '/api/analytics/funnel', route: '/api/analytics/funnel' },
    { name: 'analytics trend 12 months', path: '/api/analytics/trend?months=12', route: '/api/analytics/trend' },
    { name: 'analytics stage durations', path: '/api/analytics/durations', route: '/api/analytics/durations' },
    { name: 'analytics chain completeness', path: '/api/analytics/completeness', route: '/api/analytics/completeness' },
    { name: 'map: projects', path: '/api/analytics/map?figure=projects', route: '/api/analytics/map' },
    { name: 'map: completeness', path: '/api/analytics/map?figure=completeness', route: '/api/analytics/map' },
    // The chain map's clusters with coverage share the node counts kept on write (0032).
    { name: 'chain map: clusters with coverage', path: '/api/clusters', route: '/api/clusters' },
    { name: `monthly report ${month}`, path: `/api/reports/monthly?month=${month}`, route: '/api/reports/monthly' },
  ];
}
