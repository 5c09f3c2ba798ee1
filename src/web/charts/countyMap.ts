import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

// Imported only by the pages that draw the prefecture map; the borders themselves are a chunk of
// their own, fetched the first time a map is shown.
echarts.use([MapChart, ScatterChart, GeoComponent, VisualMapContinuousComponent]);

export interface CountyMap {
  /** The name registered with ECharts (昌吉回族自治州). */
  name: string;
  /** County code (GB/T 2260, the map's feature id) → its name on the map and its label point. */
  counties: Map<string, { name: string; centre: [number, number] }>;
}

interface Feature {
  id?: string;
  properties: { name: string; cp?: [number, number] };
}

let loading: Promise<CountyMap> | null = null;

/** Registers 昌吉回族自治州's county borders once and says what the map holds. */
export function loadCountyMap(): Promise<CountyMap> {
  loading ??= import('virtual:changji-map')
    .then(({ mapName, geoJson }) => {
      echarts.registerMap(mapName, geoJson as Parameters<typeof echarts.registerMap>[1]);
      const features = (geoJson as { features: Feature[] }).features;
      return {
        name: mapName,
        counties: new Map(features.map((f) => [f.id ?? f.properties.name, { name: f.properties.name, centre: f.properties.cp ?? [0, 0] }])),
      };
    })
    .catch((e: unknown) => {
      // A failed chunk fetch (network) may be retried by the next mount.
      loading = null;
      throw e;
    });
  return loading;
}
